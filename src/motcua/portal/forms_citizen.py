"""The forms of the citizen's pages: the e-form of an online submission, the answer to a request to complete or
supplement, the request to withdraw."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core import people
from motcua.dossiers.choices import ResultDelivery


class EForm(forms.Form):
    """The e-form (tờ khai điện tử): the receiving unit, the applicant (prefilled from the account; name, number
    and birth date read-only when the identity is verified), how the result is delivered, a short summary. Name,
    phone, address and birth date are cleaned by ``core.people`` (normalised values go into the draft); the number,
    whose rule depends on the account's kind, by intake's check of the applicant."""

    receiving = forms.ChoiceField(label=_("Nơi tiếp nhận hồ sơ"))
    name = people.NameField(label=_("Họ tên / tên tổ chức"), max_length=255)
    id_number = forms.CharField(label=_("Số định danh cá nhân / mã số doanh nghiệp"), max_length=20)
    birth_date = people.BirthDateField(
        label=_("Ngày sinh"),
        required=False,
        # dd/mm/yyyy whatever the browser's language (a native date picker would show the browser's own order)
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": _("ngày/tháng/năm"), "inputmode": "numeric"}
        ),
        error_messages={
            "invalid": _("Ngày sinh không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1990.")
        },
    )
    phone = people.PhoneField(label=_("Số điện thoại"))
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    address = people.AddressField(label=_("Địa chỉ"), max_length=500)
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"), choices=ResultDelivery.choices, initial=ResultDelivery.ONLINE
    )
    summary = forms.CharField(
        label=_("Nội dung đề nghị (không bắt buộc)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, units=(), verified: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving"].choices = [(u.identifier, u.name) for u in units]
        if len(units) == 1:
            self.fields["receiving"].initial = units[0].identifier
        if verified:
            for name in ("name", "id_number", "birth_date"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Theo định danh điện tử (VNeID), không sửa được.")


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("Ghi chú gửi bộ phận một cửa (không bắt buộc)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do đề nghị rút hồ sơ"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Cần ghi lý do đề nghị rút hồ sơ.")},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Cần ghi lý do đề nghị rút hồ sơ."))
        return reason
