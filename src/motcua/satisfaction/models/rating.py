"""A satisfaction rating of one dossier (đánh giá sự hài lòng, SPEC §10.1): once per dossier and kind.

- ``reception``: at the counter's kiosk right after intake, the one question about the officer's attitude; it
  concerns the officer who received the dossier.
- ``result``: after the result is returned (status 10), on the portal or after tracking: the overall level, the
  indicators citizens score (§10.2: 1, 2, 3, 4, 6, 7) and a comment; it concerns every officer of the process log,
  in the role and unit they acted in.

Written only by :mod:`motcua.satisfaction.services`. ``agency`` is the unit rated (the receiving counter for a
reception, the competent agency for a result), kept on the row so that statistics read one table per question.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RECEPTION = "reception", _("Đánh giá khi tiếp nhận (tại quầy)")
    RESULT = "result", _("Đánh giá sau khi nhận kết quả")


class Level(models.TextChoices):
    """The three levels of R1 (SPEC Appendix A ``SatisfactionLevel``); the kiosk says “Chưa hài lòng” for the last."""

    VERY_SATISFIED = "rat_hai_long", _("Rất hài lòng")
    SATISFIED = "hai_long", _("Hài lòng")
    DISSATISFIED = "khong_hai_long", _("Không hài lòng")


class RatingChannel(models.TextChoices):
    KIOSK = "kiosk", _("Màn hình đánh giá tại quầy")
    PORTAL = "portal", _("Tài khoản công dân trên Cổng dịch vụ công")
    TRACKING = "tracking", _("Trang tra cứu hồ sơ")


class Rating(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="ratings"
    )
    kind = models.CharField(_("loại đánh giá"), max_length=16, choices=Kind.choices)
    level = models.CharField(_("mức độ hài lòng"), max_length=16, choices=Level.choices)
    comment = models.TextField(_("ý kiến"), blank=True)
    rated_at = models.DateTimeField(_("thời điểm đánh giá"), db_index=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản đánh giá"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("kênh đánh giá"), max_length=16, choices=RatingChannel.choices)
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("đơn vị được đánh giá"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("tổng điểm"), null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"), null=True, blank=True)
    classification = models.CharField(
        _("xếp loại theo điểm"), max_length=16, choices=Level.choices, blank=True
    )

    class Meta:
        verbose_name = _("đánh giá sự hài lòng")
        verbose_name_plural = _("đánh giá sự hài lòng")
        ordering = ["-rated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "kind"], name="satisfaction_once_per_dossier_and_kind"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=models.F("max_score")),
                name="satisfaction_score_within_max",
            ),
        ]
        indexes = [models.Index(fields=["agency", "rated_at"], name="satisfaction_agency_rated")]

    def __str__(self) -> str:
        return f"{self.dossier_id} · {self.get_kind_display()} · {self.get_level_display()}"


class RatingAnswer(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        "satisfaction.Criterion",
        verbose_name=_("tiêu chí (phiên bản)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField(_("điểm"))

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        ordering = ["criterion__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["rating", "criterion"], name="satisfaction_one_answer_per_criterion"
            ),
            models.CheckConstraint(condition=Q(score__lte=2), name="satisfaction_answer_score_0_to_2"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class RatingOfficer(models.Model):
    """An officer the rating concerns, in the role and unit they acted in (a reception: the receiving officer)."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="officers")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    officer_name = models.CharField(_("họ tên cán bộ"), max_length=200, blank=True)
    role = models.CharField(_("vai trò"), max_length=32, blank=True)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cán bộ được đánh giá")
        verbose_name_plural = _("cán bộ được đánh giá")
        constraints = [
            models.UniqueConstraint(
                fields=["rating", "officer", "role", "agency"], name="satisfaction_officer_once_per_role"
            ),
        ]
        indexes = [models.Index(fields=["officer"], name="satisfaction_officer_idx")]

    def __str__(self) -> str:
        return f"{self.officer_name or self.officer_id} ({self.role})"
