from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import AssignmentRole
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
