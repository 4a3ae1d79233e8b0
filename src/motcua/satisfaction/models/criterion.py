"""The criteria a citizen scores (SPEC §10.2), as dated data.

Each row is one version of one indicator: its question and the texts of its three answers (2, 1 and 0 points).
The rows are seeded by a data migration (indicators 1, 2, 3, 4, 6 and 7, the ones citizens score per dossier) and
edited in the admin. A version that ratings already refer to is never overwritten: saving a change closes it on the
eve of the new version's first day and creates the new version (``services.revise_criterion``), so a rating always
shows the question its citizen answered.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.dated import DatedModel, overlaps_q


class Criterion(DatedModel):
    code = models.CharField(
        gettext_lazy("mã tiêu chí"),
        max_length=16,
        help_text=gettext_lazy("Số thứ tự của chỉ số theo bộ 9 chỉ số (ví dụ 1, 2, 3, 4, 6, 7)."),
    )
    number = models.PositiveSmallIntegerField(gettext_lazy("thứ tự hiển thị"))
    version = models.PositiveIntegerField(gettext_lazy("phiên bản"), default=1)
    title = models.CharField(gettext_lazy("chỉ số"), max_length=300)
    question = models.TextField(gettext_lazy("câu hỏi cho công dân"))
    answer_2 = models.CharField(gettext_lazy("câu trả lời 2 điểm"), max_length=300)
    answer_1 = models.CharField(gettext_lazy("câu trả lời 1 điểm"), max_length=300)
    answer_0 = models.CharField(gettext_lazy("câu trả lời 0 điểm"), max_length=300)
    note = models.CharField(gettext_lazy("ghi chú thay đổi"), max_length=300, blank=True)

    class Meta:
        verbose_name = gettext_lazy("tiêu chí đánh giá")
        verbose_name_plural = gettext_lazy("tiêu chí đánh giá")
        ordering = ["number", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="satisfaction_criterion_code_version"),
        ]

    def __str__(self) -> str:
        return _("Chỉ số %(code)s (phiên bản %(version)s): %(title)s") % {
            "code": self.code,
            "version": self.version,
            "title": self.title,
        }

    def answers(self) -> list[tuple[int, str]]:
        """(score, text), best first."""
        return [(2, self.answer_2), (1, self.answer_1), (0, self.answer_0)]

    def answer_text(self, score: int) -> str:
        return dict(self.answers()).get(score, "")

    def clean(self) -> None:
        self.clean_validity()
        if not self.code or not self.valid_from:
            return
        clash = (
            Criterion.objects.filter(code=self.code)
            .filter(overlaps_q(self.valid_from, self.valid_to))
            .exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError(
                {
                    "valid_from": _(
                        "Chỉ số %(code)s đã có một phiên bản có hiệu lực trong khoảng thời gian này."
                    )
                    % {"code": self.code}
                }
            )
