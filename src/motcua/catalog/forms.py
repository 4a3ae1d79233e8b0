import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import AssignmentRole, LimitUnit
from motcua.catalog.importing.processes import MAX_BYTES
from motcua.catalog.models import Performer, ProcessLevel
from motcua.core.dated import today
from motcua.org.roles import Role
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


class ProcessDraftForm(forms.Form):
    """The level a new draft process is for (the procedure's current version)."""

    level = forms.ChoiceField(label=_("Cấp thực hiện"), choices=ProcessLevel.choices, required=False)


class ProcessPublishForm(PublishForm):
    """The approval decision of a process: the procedure version's publish form, with the decision's date and
    signer required."""

    decision_number = forms.CharField(label=_("Số quyết định phê duyệt"), max_length=100)
    decision_date = forms.DateField(label=_("Ngày quyết định"), help_text="dd/mm/yyyy")
    decision_signer = forms.CharField(label=_("Người ký quyết định"), max_length=200)


class ShareField(forms.DecimalField):
    """A step's time share, typed “0,5” or “0.5”."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 5}))
        super().__init__(max_digits=8, decimal_places=2, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value.normalize():f}".replace(".", ",")
        return value


class StepNumbersField(forms.CharField):
    """Step numbers typed “2, 3” (commas, semicolons or spaces between them) → ``[2, 3]``."""

    def to_python(self, value):
        text = super().to_python(value)
        parts = [p for p in re.split(r"[,;\s]+", text) if p]
        if any(not re.fullmatch(r"[0-9]{1,3}", p) for p in parts):
            raise forms.ValidationError(
                _("Ghi số thứ tự các bước, cách nhau bằng dấu phẩy, ví dụ: 2, 3."), code="invalid"
            )
        return sorted({int(p) for p in parts})

    def has_changed(self, initial, data):
        try:
            return self.to_python(self.prepare_value(initial)) != self.to_python(data)
        except forms.ValidationError:
            return True

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(n) for n in value)
        return value


class StepForm(forms.Form):
    """One step of a draft internal process. ``units`` are the agencies a step may name, ``{pk: agency}``."""

    order = forms.IntegerField(
        label=_("Bước"), min_value=1, max_value=999, widget=forms.NumberInput(attrs={"size": 3})
    )
    name = forms.CharField(label=_("Nội dung công việc"), max_length=500)
    role = forms.ChoiceField(label=_("Vai trò thực hiện"), choices=[("", "—")] + Role.choices)
    performer = forms.ChoiceField(
        label=_("Đơn vị thực hiện"), choices=Performer.choices, initial=Performer.COMPETENT
    )
    unit = forms.ChoiceField(label=_("Đơn vị cụ thể"), required=False)
    limit_amount = ShareField(label=_("Thời gian"))
    limit_unit = forms.ChoiceField(
        label=_("Tính bằng"),
        choices=[(u.value, u.label) for u in (LimitUnit.WORKING_HOURS, LimitUnit.WORKING_DAYS)],
        initial=LimitUnit.WORKING_HOURS,
    )
    needs_signature = forms.BooleanField(label=_("Ký duyệt kết quả"), required=False)
    notify_citizen = forms.BooleanField(label=_("Thông báo cho người nộp"), required=False)
    send_back_to = StepNumbersField(
        label=_("Được trả lại về bước"),
        required=False,
        max_length=100,
        help_text=_("Ví dụ: 2, 3. Để trống là bước liền trước."),
    )
    output = forms.CharField(label=_("Kết quả, biểu mẫu của bước"), max_length=500, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units or {}
        self.fields["unit"].choices = [("", _("— theo phân công thủ tục —"))] + [
            (str(pk), label) for pk, (label, _agency) in self.units.items()
        ]

    def clean_limit_amount(self):
        amount = self.cleaned_data["limit_amount"]
        if amount <= 0:
            raise forms.ValidationError(_("Thời gian của bước phải lớn hơn 0."), code="min_value")
        return amount

    def step(self) -> dict:
        """The step's values for ``processes.replace_steps``."""
        data = dict(self.cleaned_data)
        data.pop("DELETE", None)
        unit = data.pop("unit")
        data["unit"] = self.units[int(unit)][1] if unit else None
        return data


class BaseStepFormSet(forms.BaseFormSet):
    """The steps of a draft process; the empty rows at the end add steps, “Xóa” removes one. Two steps may not
    share a number, and a step is sent back only to a step before it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.next_order = max((row.get("order") or 0 for row in self.initial or []), default=0) + 1

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index >= self.initial_form_count():
            kwargs["initial"] = {"order": self.next_order + index - self.initial_form_count()}
        return kwargs

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and (form.has_changed() or form in self.initial_forms)
        ]

    def clean(self):
        kept = self.kept_forms()
        orders = [form.cleaned_data.get("order") for form in kept]
        for form in kept:
            order = form.cleaned_data.get("order")
            if order is not None and orders.count(order) > 1:
                form.add_error("order", _("Hai bước không được cùng số thứ tự %(order)s.") % {"order": order})
            if order is None or None in orders:
                continue  # the steps' numbers are not all known: what a step is sent back to cannot be checked
            for target in form.cleaned_data.get("send_back_to") or []:
                if target not in orders or target >= order:
                    form.add_error(
                        "send_back_to",
                        _("Chỉ trả lại được về một bước trước bước này (không có bước %(target)s).")
                        % {"target": target},
                    )
                    break

    def steps(self) -> list[dict]:
        return [form.step() for form in self.kept_forms()]


StepFormSet = forms.formset_factory(
    StepForm, formset=BaseStepFormSet, extra=3, can_delete=True, max_num=60, validate_max=True
)


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
