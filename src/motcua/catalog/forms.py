from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import AssignmentRole
from motcua.catalog.importing.processes import MAX_BYTES
from motcua.core.dated import today
from motcua.org.services import agencies_on


class PublishForm(forms.Form):
    valid_from = forms.DateField(label=_("Có hiệu lực từ ngày"), help_text="dd/mm/yyyy")
    decision_number = forms.CharField(label=_("Số quyết định công bố"), max_length=100)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, help_text="dd/mm/yyyy")


class AssignmentForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan, đơn vị"), queryset=None)
    role = forms.ChoiceField(label=_("Nhiệm vụ"), choices=AssignmentRole.choices)
    valid_from = forms.DateField(label=_("Từ ngày"), help_text="dd/mm/yyyy")
    decision = forms.CharField(label=_("Quyết định giao"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_on(today()).order_by("name")


class EndAssignmentForm(forms.Form):
    valid_to = forms.DateField(label=_("Kết thúc sau ngày"), help_text="dd/mm/yyyy")


class ProcessImportForm(forms.Form):
    """The spreadsheet of approved internal processes (one row per step) a controller uploads."""

    file = forms.FileField(
        label=_("Tệp quy trình (.xlsx hoặc .csv UTF-8)"),
        help_text=_("Mỗi dòng một bước, theo bố cục của tệp mẫu; tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, không ghi"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv (UTF-8)."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp lớn quá 5 MB; hãy chia thành nhiều tệp."))
        return upload
