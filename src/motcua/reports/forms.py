"""The parameters of a report on the officers' screens: the unit (among those the officer may report on), the
period (a month, quarter, half-year or year — by the calendar or by the ND 09 windows — or any dates, typed
dd/mm/yyyy), figures as then or re-mapped to today's units, and for Biểu 06 the form (agency or centre).
Every error is attached to its field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.dated import today
from motcua.reports.services import bieu06
from motcua.reports.services.periods import Period, PeriodError
from motcua.reports.services.periods import build as build_period
from motcua.reports.services.units import LEVEL_LABELS, LEVEL_ORDER, THEN, TODAY, Registry, Unit

CUSTOM = "tuy-chon"


def period_choices() -> list:
    """Built per request, in the language of the request."""
    quarters = ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
    return [
        (_("Tháng"), [(f"t{m}", _("Tháng %(month)s") % {"month": m}) for m in range(1, 13)]),
        (_("Quý"), [(f"q{q}", _("Quý %(quarter)s") % {"quarter": roman}) for q, roman in quarters]),
        (_("6 tháng"), [("h1", _("6 tháng đầu năm")), ("h2", _("6 tháng cuối năm"))]),
        ("nam", _("Cả năm")),
        (CUSTOM, _("Từ ngày … đến ngày …")),
    ]


KINDS = {"t": "month", "q": "quarter", "h": "half"}
WINDOW_CHOICES = [
    ("calendar", gettext_lazy("Theo lịch (từ ngày 1)")),
    ("nd09", gettext_lazy("Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (ngày 15 đến ngày 14)")),
]
MAPPING_CHOICES = [
    (THEN, gettext_lazy("Như tại thời điểm đó")),
    (TODAY, gettext_lazy("Quy đổi theo đơn vị hiện nay (sau sắp xếp)")),
]
VARIANT_CHOICES = [
    (bieu06.AGENCY, gettext_lazy("Biểu 06: tại cơ quan, đơn vị trực tiếp giải quyết")),
    (
        bieu06.CENTRE,
        gettext_lazy("Biểu II.06a: tại Trung tâm Phục vụ hành chính công (hồ sơ tiếp nhận tại đó)"),
    ),
]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def unit_choices(registry: Registry, allowed: set[int]) -> list:
    """The units, grouped by level; a unit that has ceased shows its last day."""
    groups: dict[str, list] = {}
    for unit in registry.ordered(allowed):
        label = unit.name
        if unit.valid_to is not None:
            label = _("%(name)s (đến %(day)s)") % {
                "name": unit.name,
                "day": unit.valid_to.strftime("%d/%m/%Y"),
            }
        groups.setdefault(unit.level, []).append((str(unit.pk), label))
    return [
        (str(LEVEL_LABELS.get(level, level)), groups[level])
        for level in sorted(groups, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else 9)
    ]


class ReportForm(forms.Form):
    don_vi = forms.TypedChoiceField(label=gettext_lazy("Đơn vị"), coerce=int)
    ky = forms.ChoiceField(label=gettext_lazy("Kỳ báo cáo"))
    nam = forms.IntegerField(label=gettext_lazy("Năm"), required=False)
    cach_tinh = forms.ChoiceField(label=gettext_lazy("Cách tính kỳ"), choices=WINDOW_CHOICES, required=False)
    tu_ngay = forms.DateField(label=gettext_lazy("Từ ngày"), required=False, input_formats=DATE_FORMATS)
    den_ngay = forms.DateField(label=gettext_lazy("Đến ngày"), required=False, input_formats=DATE_FORMATS)
    theo = forms.ChoiceField(label=gettext_lazy("Số liệu"), choices=MAPPING_CHOICES, required=False)
    mau = forms.ChoiceField(label=gettext_lazy("Mẫu biểu"), choices=VARIANT_CHOICES, required=False)

    def __init__(self, data, *, registry: Registry, allowed: set[int], with_variant: bool = False, **kwargs):
        self.registry, self.allowed = registry, allowed
        now = today()
        defaults = {
            "ky": f"q{(now.month - 1) // 3 + 1}",
            "nam": str(now.year),
            "cach_tinh": "calendar",
            "theo": THEN,
            "mau": bieu06.AGENCY,
        }
        roots = [u for u in registry.ordered(allowed) if u.parent_id not in allowed and u.is_valid_on(now)]
        if roots:
            defaults["don_vi"] = str(roots[0].pk)
        merged = defaults | {k: v for k, v in (data or {}).items() if v not in ("", None)}
        super().__init__(merged, **kwargs)
        self.fields["don_vi"].choices = unit_choices(registry, allowed)
        self.fields["ky"].choices = period_choices()
        for name in ("tu_ngay", "den_ngay"):
            self.fields[name].widget.attrs.update({"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
            self.fields[name].error_messages["invalid"] = _("Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.")
        self.fields["nam"].widget.attrs.update({"min": 2000, "max": 2100})
        self.fields["don_vi"].error_messages["invalid_choice"] = _(
            "Bạn không có quyền xem báo cáo của đơn vị này, hoặc đơn vị không tồn tại."
        )
        if not with_variant:
            del self.fields["mau"]
        self.period: Period | None = None
        self.unit: Unit | None = None

    def mark_errors(self) -> None:
        """Point every field in error to its message (``aria-invalid``, ``aria-describedby``)."""
        for name, field in self.fields.items():
            if name in self.errors:
                field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"err-{name}"})

    def clean(self):
        data = super().clean()
        code = data.get("ky")
        if code is None:
            return data
        try:
            if code == CUSTOM:
                start, end = data.get("tu_ngay"), data.get("den_ngay")
                if "tu_ngay" in self.errors or "den_ngay" in self.errors:
                    return data
                self.period = build_period("custom", start=start, end=end)
            else:
                kind = KINDS.get(code[0], "year") if code != "nam" else "year"
                number = int(code[1:]) if kind != "year" else None
                if "nam" in self.errors:
                    return data
                self.period = build_period(
                    kind, window=data.get("cach_tinh") or "calendar", year=data.get("nam"), number=number
                )
        except PeriodError as error:
            self.add_error(FIELD_OF.get(error.field, "ky"), error.message)
            return data
        if self.period.start > today():
            self.add_error("tu_ngay" if code == CUSTOM else "ky", _("Kỳ báo cáo chưa bắt đầu."))
        pk = data.get("don_vi")
        if pk is not None and pk in self.registry.units:
            self.unit = self.registry[pk]
            if data.get("theo") == TODAY and not self.unit.is_valid_on(today()):
                self.add_error("theo", remap_refusal(self.registry, self.unit))
        return data


FIELD_OF = {
    "start": "tu_ngay",
    "end": "den_ngay",
    "year": "nam",
    "number": "ky",
    "kind": "ky",
    "window": "cach_tinh",
}


def remap_refusal(registry: Registry, unit: Unit) -> str:
    successor = registry.get(registry.current(unit.pk))
    message = _("%(unit)s đã kết thúc hoạt động ngày %(day)s: không quy đổi được theo đơn vị hiện nay.") % {
        "unit": unit.name,
        "day": unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else "",
    }
    if successor is not None and successor.pk != unit.pk:
        message += " " + _(
            "Hãy chọn đơn vị kế thừa (%(successor)s), hoặc xem số liệu như tại thời điểm đó."
        ) % {"successor": successor.name}
    return message


def reportable_units(access, registry: Registry) -> set[int]:
    """The units an officer may open a report of: those where ``reports.view`` counts, as
    :mod:`motcua.org.permissions` counts roles (the unit of the assignment, its internal divisions, the agency a
    division belongs to; every unit of the province for a province-wide role). A unit's report still counts the
    dossiers of the units below it (``Registry.scope``: the reporting hierarchy of Biểu 06), but opening the report
    *of* another agency — above or below in the tree — needs a role there (its figures, its list of overdue
    dossiers)."""
    from motcua.reports.permissions import VIEW_REPORTS

    return access.agencies_where(VIEW_REPORTS.code) & set(registry.units)
