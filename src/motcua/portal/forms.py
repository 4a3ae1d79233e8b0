"""The tracking form: the dossier code (or the temporary reference of an online dossier) and the check value."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]{2,39}$")
CHECK_RE = re.compile(r"^\d{4}$")


def normalise_code(value: str) -> str:
    """As printed, without the spaces people type or paste around and inside it."""
    return re.sub(r"\s+", "", value or "")


class TrackingForm(forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=60,
        error_messages={"required": _("Nhập mã hồ sơ ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.")},
    )
    check = forms.CharField(
        label=_("Mã kiểm tra"),
        max_length=20,
        error_messages={
            "required": _("Nhập 4 chữ số cuối của số điện thoại hoặc số định danh của người nộp hồ sơ.")
        },
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not CODE_RE.match(code):
            raise forms.ValidationError(
                _(
                    "Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang, như trên giấy tiếp nhận."
                )
            )
        return code

    def clean_check(self) -> str:
        check = re.sub(r"\s+", "", self.cleaned_data["check"])
        if not CHECK_RE.match(check):
            raise forms.ValidationError(_("Mã kiểm tra gồm đúng 4 chữ số."))
        return check
