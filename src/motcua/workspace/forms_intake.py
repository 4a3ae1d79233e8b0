"""The counter intake form: one form for every step of the screen (unit, procedure, case and components, applicant,
representative, decision), bound to the POST of the page or to the query of an htmx partial.

The form only reads what was typed: every rule (ID numbers, components of the case, units that receive the
procedure, the role of the officer) is the domain's (``dossiers.services.intake`` and the transition table), whose
errors :meth:`IntakeForm.add_domain_errors` puts next to the field they name.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import Channel
from motcua.dossiers.choices import ApplicantKind, ResultDelivery
from motcua.dossiers.services.intake import ApplicantData, IntakeRequest

ACCEPT, REFUSE, GUIDE = "accept", "refuse", "guide"
DECISIONS = (ACCEPT, REFUSE, GUIDE)
COUNTER_CHANNELS = [(Channel.DIRECT, Channel.DIRECT.label), (Channel.POSTAL, Channel.POSTAL.label)]
PERSON_FIELDS = ("kind", "name", "id_number", "birth_date", "address", "phone", "email")
PREFIXES = {"applicant": "applicant_", "representative": "rep_"}  # domain error prefix → form field prefix
FIELD_OF_KEY = {  # domain error keys that are not a person's field
    "procedure_code": "procedure_code",
    "receiving_agency": "receiving_agency",
    "case_id": "case_id",
    "components": "components",
    "channel": "channel",
    "sets": "sets",
    "result_delivery": "result_delivery",
    "summary": "summary",
    "reason": "reason",
    "handling_agency": "procedure_code",  # no handler is chosen here: the procedure's assignment decides it
}


class ComponentsField(forms.Field):
    """The ticked components of the checklist, as CaseComponent ids (which ones belong to the case is the
    domain's question)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        try:
            return [int(v) for v in value]
        except (TypeError, ValueError):
            raise ValidationError(_("Thành phần hồ sơ không hợp lệ."), code="invalid") from None


class OptionalInt(forms.IntegerField):
    default_error_messages = {"invalid": _("Giá trị không hợp lệ.")}


def _person_fields(prefix: str) -> dict[str, forms.Field]:
    date_widget = forms.DateInput(
        format="%d/%m/%Y", attrs={"placeholder": _("ngày/tháng/năm"), "inputmode": "numeric"}
    )
    return {
        f"{prefix}kind": forms.ChoiceField(
            label=_("Loại đối tượng"), choices=ApplicantKind.choices, initial=ApplicantKind.CITIZEN
        ),
        f"{prefix}name": forms.CharField(label=_("Họ tên hoặc tên tổ chức"), required=False),
        f"{prefix}id_number": forms.CharField(
            label=_("Số định danh cá nhân hoặc mã số tổ chức"),
            required=False,
            help_text=_("Công dân: số định danh cá nhân (số CCCD) gồm 12 chữ số."),
            widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
        ),
        f"{prefix}birth_date": forms.DateField(
            label=_("Ngày sinh"),
            required=False,
            widget=date_widget,
            error_messages={
                "invalid": _("Ngày sinh không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1990.")
            },
        ),
        f"{prefix}address": forms.CharField(label=_("Địa chỉ"), required=False),
        f"{prefix}phone": forms.CharField(
            label=_("Số điện thoại"), required=False, widget=forms.TextInput(attrs={"inputmode": "tel"})
        ),
        f"{prefix}email": forms.CharField(
            label=_("Thư điện tử"), required=False, widget=forms.TextInput(attrs={"inputmode": "email"})
        ),
    }


class IntakeForm(forms.Form):
    receiving_agency = forms.CharField(
        label=_("Đơn vị tiếp nhận"),
        error_messages={"required": _("Cần chọn đơn vị tiếp nhận.")},
    )
    q = forms.CharField(
        label=_("Tìm thủ tục (mã hoặc tên, có dấu hoặc không dấu)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    procedure_code = forms.CharField(
        label=_("Thủ tục hành chính"),
        max_length=16,
        error_messages={"required": _("Cần chọn thủ tục hành chính.")},
    )
    case_id = OptionalInt(label=_("Trường hợp"), required=False)
    checklist_case = OptionalInt(required=False, widget=forms.HiddenInput)
    components = ComponentsField(label=_("Thành phần hồ sơ đã nộp"), required=False)
    channel = forms.ChoiceField(label=_("Hình thức nộp"), choices=COUNTER_CHANNELS, initial=Channel.DIRECT)
    sets = forms.IntegerField(
        label=_("Số bộ hồ sơ"),
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "short"}),
        error_messages={
            "invalid": _("Số bộ hồ sơ phải là một số nguyên."),
            "required": _("Cần nhập số bộ hồ sơ."),
        },
    )
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"), choices=ResultDelivery.choices, initial=ResultDelivery.COUNTER
    )
    summary = forms.CharField(
        label=_("Trích yếu (nội dung yêu cầu giải quyết)"),
        required=False,
        help_text=_("Để trống thì dùng tên thủ tục."),
    )
    has_representative = forms.BooleanField(label=_("Người nộp là người được ủy quyền"), required=False)
    identity_checked = forms.BooleanField(
        label=_("Đã đối chiếu thông tin với thẻ CCCD / giấy tờ tùy thân của chủ hồ sơ"),
        required=False,
        help_text=_(
            "Chỉ đánh dấu khi đã xem giấy tờ: họ tên, ngày sinh đã đối chiếu được dùng lại cho các hồ sơ sau "
            "của người này (ghi lại người đối chiếu và thời điểm)."
        ),
    )
    decision = forms.ChoiceField(required=False, choices=[("", "")] + [(d, d) for d in DECISIONS])
    reason = forms.CharField(
        label=_("Lý do từ chối tiếp nhận"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Nội dung hướng dẫn thêm"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ghi những điểm cần sửa, bổ sung ngoài các giấy tờ còn thiếu."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix in PREFIXES.values():
            self.fields.update(_person_fields(prefix))
        self.order_fields(SCREEN_ORDER)  # the summary of errors lists them in the order of the screen

    # --- reading ------------------------------------------------------------------------------------------------

    def value(self, name: str, default=None):
        """The cleaned value of ``name`` if it cleaned, else ``default`` (the screen still renders)."""
        if not self.is_bound:
            return self.fields[name].initial if default is None else default
        self.errors  # noqa: B018  (cleans once)
        return self.cleaned_data.get(name, default)

    def text(self, name: str) -> str:
        return (self.value(name, "") or "").strip()

    def chosen_case_id(self) -> int | None:
        return self.value("case_id")

    def ticked(self) -> list[int] | None:
        """The components ticked on the checklist of the chosen case; None when that checklist was not shown yet
        (the domain then takes the required ones)."""
        case_id = self.chosen_case_id()
        if case_id is None or self.value("checklist_case") != case_id:
            return None
        return self.value("components", [])

    def person(self, prefix: str) -> ApplicantData:
        return ApplicantData(
            kind=self.value(f"{prefix}kind") or ApplicantKind.CITIZEN,
            name=self.text(f"{prefix}name"),
            id_number=self.text(f"{prefix}id_number"),
            birth_date=self.value(f"{prefix}birth_date"),
            address=self.text(f"{prefix}address"),
            phone=self.text(f"{prefix}phone"),
            email=self.text(f"{prefix}email"),
        )

    def with_representative(self) -> bool:
        """Ticked, or the representative's name or number typed (what was typed is never dropped silently)."""
        return bool(self.value("has_representative") or self.text("rep_name") or self.text("rep_id_number"))

    def intake_request(self) -> IntakeRequest:
        sets = self.value("sets")
        return IntakeRequest(
            procedure_code=self.text("procedure_code"),
            receiving_agency=self.text("receiving_agency"),
            applicant=self.person("applicant_"),
            representative=self.person("rep_") if self.with_representative() else None,
            channel=self.value("channel") or Channel.DIRECT,
            case_id=self.chosen_case_id(),
            components=self.ticked(),
            sets=sets if sets is not None else 1,
            result_delivery=self.value("result_delivery") or ResultDelivery.COUNTER,
            summary=self.text("summary"),
            identity_checked=bool(self.value("identity_checked")),
        )

    # --- errors -------------------------------------------------------------------------------------------------

    def quiet(self) -> IntakeForm:
        """Forget the errors of cleaning (a step of the screen, not a decision: nothing to complain about yet)."""
        self.errors  # noqa: B018
        self._errors = ErrorDict()
        return self

    def add_domain_errors(self, exc: ValidationError) -> None:
        """Put each error of the domain next to the field it names (``applicant.id_number`` → the applicant's
        ID number); an error naming no field of the screen goes to the summary."""
        for key, messages in exc.message_dict.items():
            name = FIELD_OF_KEY.get(key)
            if name is None and "." in key:
                person, _dot, attr = key.partition(".")
                candidate = PREFIXES.get(person, "") + attr
                name = candidate if person in PREFIXES and candidate in self.fields else None
            for message in messages:
                self._add(name, message)

    def _add(self, name: str | None, message: str) -> None:
        # add_error() would drop the field's cleaned value; the screen keeps showing what was chosen.
        self.errors  # noqa: B018
        key = name if name in self.fields else "__all__"
        self._errors.setdefault(key, self.error_class(renderer=self.renderer, field_id=self._field_id(key)))
        if message not in self._errors[key]:
            self._errors[key].append(message)

    def _field_id(self, key: str) -> str | None:
        return None if key == "__all__" else self[key].auto_id

    def add_error_to(self, name: str | None, message: str) -> None:
        self._add(name, message)

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(anchor, label, message) for the summary at the top of the page, in the order of the screen."""
        rows = []
        for message in self.non_field_errors():
            rows.append(("intake-form", "", message))
        for name, field in self.fields.items():
            for message in self.errors.get(name, ()):
                anchor = ANCHORS.get(name) or self[name].auto_id
                rows.append((anchor, str(field.label or ""), message))
        return rows


SCREEN_PERSON_ORDER = ("kind", "id_number", "name", "birth_date", "address", "phone", "email")
SCREEN_ORDER = [
    "receiving_agency",
    "q",
    "procedure_code",
    "case_id",
    "checklist_case",
    "components",
    "channel",
    "sets",
    "result_delivery",
    "summary",
    *(f"applicant_{name}" for name in SCREEN_PERSON_ORDER),
    "has_representative",
    *(f"rep_{name}" for name in SCREEN_PERSON_ORDER),
    "decision",
    "note",
    "reason",
]
ANCHORS = {  # fields rendered as a group: the summary links to the group
    "components": "intake-components",
    "case_id": "intake-cases",
    "procedure_code": "id_q",
}
