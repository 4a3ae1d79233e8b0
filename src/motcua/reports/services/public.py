"""The public transparency figures (công khai): per unit of today (dossiers of merged or abolished bodies count
under their successor), the dossiers received, resolved, the on-time rate, those resolved late and how many of
them with an apology letter, and those in progress — never a name, a code or any personal data. The same rows
are the open data (CSV and JSON). Read from the daily roll-up, which every transition keeps current."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from motcua.reports.services import measures, shares
from motcua.reports.services.measures import Figures
from motcua.reports.services.periods import Period, PeriodError
from motcua.reports.services.periods import build as build_period
from motcua.reports.services.units import TODAY, Registry, Unit

# Open data columns: key → meaning (Vietnamese, shown on the page and in the JSON's "fields").
FIELDS = {
    "unit_identifier": "Mã định danh điện tử của cơ quan, đơn vị (QĐ 20/2020/QĐ-TTg)",
    "unit_name": "Tên cơ quan, đơn vị",
    "level": "Cấp (province: tỉnh, commune: xã, central: ngành dọc, district: huyện trước 01/7/2025)",
    "period_from": "Ngày đầu kỳ (YYYY-MM-DD)",
    "period_to": "Ngày cuối kỳ có số liệu (YYYY-MM-DD)",
    "received": "Số hồ sơ tiếp nhận mới trong kỳ",
    "received_online": "Trong đó nộp trực tuyến",
    "carried_over": "Số hồ sơ từ kỳ trước chuyển sang",
    "resolved": "Số hồ sơ đã giải quyết trong kỳ (gồm cả hồ sơ xin rút, dừng xử lý)",
    "resolved_early": "Trong đó trước hạn",
    "resolved_on_time": "Trong đó đúng hạn (kể cả hồ sơ xin rút, dừng xử lý)",
    "resolved_late": "Trong đó quá hạn (so với ngày hẹn trả ban đầu)",
    "late_with_apology": "Số hồ sơ quá hạn đã có văn bản xin lỗi, hẹn lại ngày trả",
    "on_time_rate": "Tỷ lệ giải quyết trước hạn và đúng hạn (%)",
    "in_progress": "Số hồ sơ đang giải quyết cuối kỳ",
    "in_progress_overdue": "Trong đó đã quá hạn",
}


@dataclass
class PublicLine:
    unit: Unit
    figures: Figures

    @property
    def on_time_rate(self) -> float | None:
        parts = shares.split([self.figures.in_time, self.figures.late])
        return parts[0] if parts else None

    def record(self, period: Period, through: dt.date) -> dict:
        f = self.figures
        return {
            "unit_identifier": self.unit.identifier,
            "unit_name": self.unit.name,
            "level": self.unit.level,
            "period_from": period.start.isoformat(),
            "period_to": through.isoformat(),
            "received": f.received,
            "received_online": f.received_online,
            "carried_over": f.carried_over,
            "resolved": f.resolved,
            "resolved_early": f.early,
            "resolved_on_time": f.on_time + f.withdrawn + f.stopped,
            "resolved_late": f.late,
            "late_with_apology": f.late_apologised,
            "on_time_rate": self.on_time_rate,
            "in_progress": f.open_end,
            "in_progress_overdue": f.overdue_end,
        }


def period_of(year: str | None, month: str | None, today: dt.date) -> Period:
    """The public page's period: a calendar year, or one of its months; not one that has not begun."""
    try:
        year_n = int(year) if year not in (None, "") else today.year
    except ValueError:
        raise PeriodError(_("Năm phải là một số, ví dụ %(year)s.") % {"year": today.year}, "year") from None
    try:
        month_n = int(month) if month not in (None, "", "0") else None
    except ValueError:
        raise PeriodError(_("Tháng phải từ 1 đến 12."), "number") from None
    period = build_period("month" if month_n else "year", year=year_n, number=month_n)
    if period.start > today:
        raise PeriodError(_("Kỳ này chưa bắt đầu: chưa có số liệu."), "number" if month_n else "year")
    return period


def lines(period: Period, *, registry: Registry, on: dt.date, root: Unit | None = None) -> list[PublicLine]:
    """One line per unit of today that has any figure in the period (``root``: only it and its subunits)."""
    through = period.through(on)
    scope = registry.scope(root.pk, TODAY) if root is not None else None
    data = measures.query(period.start, through, group_by=("handling_id",), scope=scope)
    per_unit: dict[int, Figures] = {}
    for (handling_id,), figures in data.items():
        current = registry.current(handling_id)
        per_unit.setdefault(current, Figures.zero()).add(figures)
    return [
        PublicLine(unit, per_unit[unit.pk])
        for unit in registry.ordered(per_unit)
        if any(per_unit[unit.pk].values())
    ]


def total(rows: list[PublicLine]) -> Figures:
    result = Figures.zero()
    for row in rows:
        result.add(row.figures)
    return result
