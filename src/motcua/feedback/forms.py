"""Forms of the feedback pages. Fields are loose here (``required=False``): the rules live in
``services.intake.validate`` and ``services.transitions``, whose messages are put back next to each field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.feedback.choices import OFFICER_CHANNELS, Channel, Kind, Reaction, SenderKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại đơn"),
        choices=Kind.choices,
        initial=Kind.PAKN,
        widget=forms.RadioSelect,
        help_text=_(
            "Khiếu nại, tố cáo được giải quyết theo Luật Khiếu nại, Luật Tố cáo, không theo thủ tục phản ánh, "
            "kiến nghị; hệ thống sẽ hướng dẫn nơi gửi."
        ),
    )
    receiving_agency = forms.ChoiceField(label=_("Cơ quan nhận phản ánh"), required=False)
    title = forms.CharField(label=_("Tiêu đề"), max_length=250, required=False)
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Nêu rõ sự việc, thời gian, địa điểm, cơ quan hoặc cán bộ liên quan và đề xuất của bạn."),
    )
    procedure_code = forms.CharField(label=_("Mã thủ tục liên quan (nếu có)"), max_length=16, required=False)
    dossier_code = forms.CharField(label=_("Mã hồ sơ liên quan (nếu có)"), max_length=40, required=False)
    about_officer = forms.CharField(label=_("Cán bộ liên quan (nếu có)"), max_length=200, required=False)
    sender_kind = forms.ChoiceField(
        label=_("Người gửi là"),
        choices=SenderKind.choices,
        initial=SenderKind.PERSON,
        widget=forms.RadioSelect,
    )
    sender_name = forms.CharField(label=_("Họ tên hoặc tên tổ chức"), max_length=200, required=False)
    sender_address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    sender_phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        required=False,
        help_text=_("4 chữ số cuối dùng để tra cứu phản ánh; không công khai."),
    )
    sender_email = forms.CharField(label=_("Thư điện tử (nếu có)"), max_length=254, required=False)
    attachments = forms.FileField(
        label=_("Tệp đính kèm (PDF, ảnh JPEG/PNG, DOCX, XLSX; tối đa 5 tệp)"),
        required=False,
        widget=MultipleFileInput,
    )
    confirmed = forms.BooleanField(
        label=_(
            "Tôi xác nhận đây là phản ánh, kiến nghị về quy định hành chính, không phải khiếu nại, tố cáo."
        ),
        required=False,
    )

    def __init__(self, *args, agencies=(), officer=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_agency"].choices = [("", "—")] + [(a.identifier, a.name) for a in agencies]
        if officer:
            self.fields["channel"] = forms.ChoiceField(
                label=_("Kênh tiếp nhận"),
                choices=[(c.value, c.label) for c in OFFICER_CHANNELS],
                initial=Channel.HOTLINE,
            )
            self.order_fields(["channel"])
            self.fields["sender_phone"].help_text = ""


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Mã phản ánh"), max_length=60)
    check = forms.CharField(
        label=_("Mã kiểm tra"),
        max_length=4,
        help_text=_("4 chữ số cuối của số điện thoại đã khai khi gửi phản ánh."),
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(
        label=_("Ý kiến của bạn về câu trả lời"), choices=Reaction.choices, widget=forms.RadioSelect
    )


class SupplementForm(forms.Form):
    content = forms.CharField(label=_("Thông tin bổ sung"), widget=forms.Textarea(attrs={"rows": 4}))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    linh_vuc = forms.TypedChoiceField(label=_("Lĩnh vực"), required=False, coerce=int, empty_value=None)
    co_quan = forms.TypedChoiceField(label=_("Cơ quan"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, fields=(), agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linh_vuc"].choices = [("", _("Tất cả"))] + [(f.pk, f.name) for f in fields]
        self.fields["co_quan"].choices = [("", _("Tất cả"))] + [(a.pk, a.name) for a in agencies]
