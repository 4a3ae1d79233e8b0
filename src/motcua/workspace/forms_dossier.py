"""The form of one action of the dossier page: exactly the inputs its row of the transition table requires (plus
the optional inputs the service reads: the result code of T13, the step a send-back returns to, the signer's
comment), and the dossier version the page was read at.

The form only checks the shape of what was typed (present, a number, a date); every rule — who may act, which
officer may be assigned, whether the new appointment is later — stays in ``dossiers.services.transitions``, whose
refusals the view shows next to the field they name.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.lifecycle import Transition
from motcua.dossiers.services.transitions import INPUT_LABELS

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",  # <input type="datetime-local">
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]

# What the reason is called in each action's form (the service calls them all “lý do”).
REASON_LABELS = {
    "request_completion": _("Nội dung cần bổ sung, hoàn thiện (Mẫu 02)"),
    "refuse": _("Lý do từ chối tiếp nhận (Mẫu 03)"),
    "send_back": _("Lý do trả lại bước trước"),
    "request_supplement": _("Lý do và giấy tờ cần bổ sung (Mẫu 02)"),
    "request_payment": _("Nội dung nghĩa vụ tài chính (loại phí, thuế, số tiền)"),
    "stop": _("Lý do dừng xử lý"),
    "withdraw": _("Lý do rút hồ sơ (theo đề nghị của công dân)"),
    "apologize": _("Lý do chậm trễ (Mẫu 04)"),
}

# The order in which the inputs appear, whatever the order of the transition table.
FIELD_ORDER = (
    "handler",
    "partner",
    "share_amount",
    "new_agency",
    "legal_basis",
    "new_due_at",
    "result_number",
    "result_summary",
    "result_signer",
    "result_signed_on",
    "result_code",
    "to_step",
    "reason",
    "note",
)
# Inputs an action reads when given, beyond those its row requires.
OPTIONAL_INPUTS = {"finish": {"result_code"}, "send_back": {"to_step"}, "approve": {"note"}}


def _required(name: str, verb: str = "enter") -> dict:
    label = INPUT_LABELS.get(name, name)
    if verb == "choose":
        return {"required": _("Chưa chọn %(input)s.") % {"input": label}}
    return {"required": _("Chưa nhập %(input)s.") % {"input": label}}


class LocalDecimalField(forms.DecimalField):
    """A decimal number written with a comma (Vietnamese) or a point."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class ActionForm(forms.Form):
    """``ActionForm(transition, people=…, agencies=…, steps=…, data=…)``. ``people``: (user id, label) of the
    officers an assignment may name; ``agencies``: (identifier, label) of the agencies the dossier may be sent to;
    ``steps``: (order, name) of the steps a send-back may return to, the default first."""

    expected_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={
            "required": _("Trang không ghi phiên bản hồ sơ: hãy tải lại trang."),
            "invalid": _("Trang không ghi phiên bản hồ sơ: hãy tải lại trang."),
        },
    )

    def __init__(
        self,
        transition: Transition,
        *args,
        people: list[tuple[str, str]] = (),
        agencies: list[tuple[str, str]] = (),
        steps: list[tuple[int, str]] = (),
        today: dt.date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.transition = transition
        today = today or timezone.localdate()
        self.steps = list(steps)
        wanted = set(transition.requires) | OPTIONAL_INPUTS.get(transition.action, set())
        if not self.steps:
            wanted.discard("to_step")  # the service then returns to the step the process names
        for name in FIELD_ORDER:
            if name in wanted:
                self.fields[name] = self._field(name, people, agencies, today)
        for name in transition.requires:  # an input this page does not know: refuse clearly, never guess
            if name not in self.fields:
                raise ValueError(f"the dossier page has no field for the input {name!r}")

    def _field(self, name, people, agencies, today) -> forms.Field:
        choose = [("", _("— Chọn —"))]
        if name == "reason":
            return forms.CharField(
                label=REASON_LABELS.get(self.transition.action, _("Lý do")),
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages=_required(name),
            )
        if name == "note":
            return forms.CharField(
                label=_("Ý kiến"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        if name == "to_step":
            return forms.TypedChoiceField(
                label=_("Trả lại về bước"),
                choices=[(order, f"{order}. {step_name}") for order, step_name in self.steps],
                initial=self.steps[0][0],
                coerce=int,
                empty_value=None,
                required=False,  # not sent: the service returns to the latest step allowed (the first choice)
                error_messages={"invalid_choice": _("Bước này không được trả lại về bước đã chọn.")},
            )
        if name == "handler":
            return forms.TypedChoiceField(
                label=_("Cán bộ được phân công"),
                choices=choose + list(people),
                coerce=int,
                error_messages=_required(name, "choose")
                | {"invalid_choice": _("Cán bộ này không có vai trò xử lý tại đơn vị đang giữ hồ sơ.")},
            )
        if name in ("partner", "new_agency"):
            return forms.ChoiceField(
                label=_("Cơ quan phối hợp") if name == "partner" else _("Cơ quan kế thừa"),
                choices=choose + list(agencies),
                error_messages=_required(name, "choose")
                | {"invalid_choice": _("Không có cơ quan này vào ngày hôm nay.")},
            )
        if name == "share_amount":
            return LocalDecimalField(
                label=_("Thời gian dành cho cơ quan phối hợp (ngày làm việc)"),
                max_digits=8,
                decimal_places=2,
                widget=forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "inputmode": "decimal"}),
                error_messages=_required(name)
                | {"invalid": _("Thời gian liên thông phải là một số ngày làm việc, ví dụ 2 hoặc 1,5.")},
            )
        if name == "legal_basis":
            return forms.CharField(
                label=_("Căn cứ pháp lý"),
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=_required(name),
            )
        if name == "new_due_at":
            return forms.DateTimeField(
                label=_("Ngày hẹn trả mới (giờ Việt Nam)"),
                input_formats=DATETIME_INPUT_FORMATS,
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                error_messages=_required(name)
                | {"invalid": _("Ngày giờ không hợp lệ: ghi theo dạng dd/mm/yyyy hh:mm.")},
            )
        if name == "result_signed_on":
            return forms.DateField(
                label=_("Ngày ký"),
                input_formats=DATE_INPUT_FORMATS,
                initial=today,
                # a text field, not <input type="date">: the browser would show the date in its own locale
                widget=forms.DateInput(
                    attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
                    format="%d/%m/%Y",
                ),
                error_messages=_required(name)
                | {"invalid": _("Ngày không hợp lệ: ghi theo dạng dd/mm/yyyy.")},
            )
        texts = {
            "result_number": (_("Số, ký hiệu văn bản kết quả"), 100, None),
            "result_summary": (_("Trích yếu"), 2000, forms.Textarea(attrs={"rows": 2})),
            "result_signer": (_("Người ký"), 200, None),
            "result_code": (_("Mã kết quả (nếu có)"), 32, None),
        }
        label, length, widget = texts[name]
        return forms.CharField(
            label=label,
            max_length=length,
            required=name != "result_code",
            widget=widget or forms.TextInput,
            error_messages=_required(name),
        )

    def inputs(self) -> dict:
        """The cleaned inputs in the form the transition service reads."""
        data = {}
        for name in self.fields:
            if name == "expected_version":
                continue
            value = self.cleaned_data.get(name)
            if isinstance(value, str):
                value = value.strip()
            if isinstance(value, Decimal):
                value = format(value.normalize(), "f")  # 2.00 → "2", 1.50 → "1.5"
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                value = value.isoformat()
            if name in ("result_code", "note", "to_step") and value in ("", None):
                continue
            data[name] = value
        return data

    def raw_inputs(self) -> dict:
        """What was typed, unchecked: given to the service when it is to refuse the action anyway (the service's
        refusal — stale page, wrong status, no role — comes before any input is read)."""
        return {name: self.data.get(name, "") for name in self.transition.requires}

    def error_for_service(self, field: str, message: str) -> None:
        """Show a refusal of the transition service next to the field it names (or above the form)."""
        self.errors  # noqa: B018  (cleans the form first if it was not)
        self.add_error(field if field in self.fields and field != "expected_version" else None, message)


def version_of(data) -> int | None:
    """The dossier version the page was read at, from the posted data (None if absent or malformed)."""
    try:
        value = int(str(data.get("expected_version", "")).strip())
    except ValueError:
        return None
    return value if value >= 0 else None


def stale_message() -> str:
    return gettext(
        "Hồ sơ đã được cập nhật bởi người khác sau khi bạn mở trang. Thao tác của bạn chưa được thực hiện: "
        "hãy tải lại trang để xem tình trạng mới nhất rồi thao tác lại."
    )
