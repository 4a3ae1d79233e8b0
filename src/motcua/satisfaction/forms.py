"""The applicant's rating form: one radio group per criterion valid that day (2 / 1 / 0 with the texts of the
criterion), the overall level, and a comment. The service checks everything again; this form only renders and
points each error to its field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.satisfaction.models import Criterion, Level
from motcua.satisfaction.services import COMMENT_MAX


class RatingForm(forms.Form):
    def __init__(self, *args, criteria: list[Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.code}"] = forms.ChoiceField(
                label=criterion.question,
                choices=[(str(score), text) for score, text in criterion.answers()],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Chọn một câu trả lời cho chỉ số %(code)s: %(title)s.")
                    % {"code": criterion.code, "title": criterion.title}
                },
            )
            self.fields[f"c{criterion.code}"].criterion = criterion
        self.fields["level"] = forms.ChoiceField(
            label=gettext_lazy("Nhìn chung, Ông/Bà hài lòng với việc giải quyết hồ sơ này ở mức nào?"),
            choices=Level.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Chọn một mức độ hài lòng.")},
        )
        self.fields["comment"] = forms.CharField(
            label=gettext_lazy("Ý kiến góp ý (không bắt buộc)"),
            required=False,
            max_length=COMMENT_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def criterion_fields(self):
        return [self[f"c{c.code}"] for c in self.criteria]

    def answers(self) -> dict[str, str]:
        return {c.code: self.cleaned_data.get(f"c{c.code}") for c in self.criteria}

    def mark_errors(self) -> None:
        for name, field in self.fields.items():
            if name in self.errors:
                field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"err-{name}"})


class KioskForm(forms.Form):
    dossier = forms.IntegerField(min_value=1)
    level = forms.ChoiceField(choices=Level.choices)
