"""The parameters of Biểu 06 given as text (API, command line): a unit's identifier, a period (dates, or a code
such as 2026-Q1 with its kind of window), figures as then or re-mapped, the agency or centre form. Every error
names its parameter (:class:`ParamError`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from motcua.core.dated import today
from motcua.reports.services import bieu06
from motcua.reports.services.periods import WINDOWS, Period, PeriodError, build, parse_code, parse_iso_date
from motcua.reports.services.units import MAPPINGS, TODAY, Registry, Unit


class ParamError(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass
class Bieu06Request:
    unit: Unit
    period: Period
    mapping: str
    variant: str


def unit_by_identifier(registry: Registry, identifier: str, on: dt.date) -> Unit | None:
    """The agency bearing ``identifier`` on ``on``, else its latest record (an identifier retired by a
    reorganisation still names the old unit, for reports as then)."""
    records = [u for u in registry.units.values() if u.identifier == identifier]
    if not records:
        return None
    valid = [u for u in records if u.is_valid_on(on)]
    return valid[0] if valid else max(records, key=lambda u: u.valid_from)


def parse(
    registry: Registry,
    *,
    unit: str | None,
    start: str | None = None,
    end: str | None = None,
    period: str | None = None,
    window: str | None = None,
    mapping: str | None = None,
    variant: str | None = None,
) -> Bieu06Request:
    errors: dict[str, str] = {}
    window = window or "calendar"
    mapping = mapping or "then"
    variant = variant or bieu06.AGENCY
    if window not in WINDOWS:
        errors["window"] = _("Cách tính kỳ phải là “calendar” (theo lịch) hoặc “nd09” (ngày 15 đến ngày 14).")
    if mapping not in MAPPINGS:
        errors["mapping"] = _(
            "Cách tính theo đơn vị phải là “then” (như tại thời điểm đó) hoặc “today” (quy đổi)."
        )
    if variant not in bieu06.VARIANTS:
        errors["variant"] = _("Mẫu biểu phải là “agency” (Biểu 06) hoặc “centre” (Biểu II.06a).")
    chosen: Period | None = None
    try:
        if period:
            if start or end:
                errors["period"] = _("Chỉ dùng một trong hai: kỳ (period) hoặc khoảng ngày (from, to).")
            elif "window" not in errors:
                chosen = parse_code(period, window)
        else:
            first = parse_iso_date(start, "from") if start else None
            last = parse_iso_date(end, "to") if end else None
            if first is None:
                errors["from"] = _("Cần ngày bắt đầu (YYYY-MM-DD) hoặc một kỳ (period).")
            if last is None:
                errors["to"] = _("Cần ngày kết thúc (YYYY-MM-DD) hoặc một kỳ (period).")
            if first and last:
                chosen = build("custom", start=first, end=last)
    except PeriodError as error:
        errors[{"start": "from", "end": "to"}.get(error.field, error.field)] = error.message
    if chosen is not None and chosen.start > today():
        errors["from" if not period else "period"] = _("Kỳ báo cáo chưa bắt đầu.")
    found = None
    if not unit:
        errors["unit"] = _("Cần mã định danh của đơn vị (ví dụ 000.00.00.H56).")
    else:
        found = unit_by_identifier(registry, unit.strip(), chosen.through(today()) if chosen else today())
        if found is None:
            errors["unit"] = _("Không có đơn vị mã định danh “%(unit)s”.") % {"unit": unit}
        elif mapping == TODAY and not found.is_valid_on(today()):
            from motcua.reports.forms import remap_refusal

            errors["unit"] = remap_refusal(registry, found)
    if errors:
        raise ParamError(errors)
    return Bieu06Request(found, chosen, mapping, variant)
