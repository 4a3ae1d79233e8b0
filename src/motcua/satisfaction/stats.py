"""Satisfaction statistics for a unit and its subunits over a period (``/bao-cao/hai-long/``): per unit rated and
per officer concerned, the number of ratings, the count of each level and the average of the citizens' scores
(result ratings only; a reception rating has no score). Two queries whatever the number of ratings; the names of
units come from the reports' registry already in memory.

Officer-level results are what ND 61 asks to keep for the annual evaluation of officers (SPEC §10.2)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Avg, Count, Max, Q
from django.utils.translation import gettext as _

from motcua.satisfaction.models import Kind, Level, Rating, RatingOfficer

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Row:
    key: int
    name: str
    unit: str = ""
    ratings: int = 0
    reception: int = 0
    result: int = 0
    levels: dict[str, int] = field(default_factory=dict)
    average: float | None = None
    max_score: int | None = None

    @property
    def very(self) -> int:
        return self.levels.get(Level.VERY_SATISFIED, 0)

    @property
    def satisfied(self) -> int:
        return self.levels.get(Level.SATISFIED, 0)

    @property
    def dissatisfied(self) -> int:
        return self.levels.get(Level.DISSATISFIED, 0)

    @property
    def satisfied_share(self) -> float | None:
        """Share of ratings at “Hài lòng” or better, in percent."""
        return None if not self.ratings else 100 * (self.very + self.satisfied) / self.ratings


def window(start: dt.date, through: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after ``through`` 00:00) in Vietnam time."""
    zone = ZoneInfo(settings.TIME_ZONE)
    begin = dt.datetime.combine(start, dt.time(0, 0), tzinfo=zone)
    end = dt.datetime.combine(through + dt.timedelta(days=1), dt.time(0, 0), tzinfo=zone)
    return begin, end


def _counts(prefix: str, distinct: bool) -> dict:
    rid = f"{prefix}id" if prefix else "id"
    values = {
        "n": Count(rid, distinct=distinct),
        "reception": Count(rid, distinct=distinct, filter=Q(**{f"{prefix}kind": Kind.RECEPTION})),
        "result": Count(rid, distinct=distinct, filter=Q(**{f"{prefix}kind": Kind.RESULT})),
        "average": Avg(f"{prefix}score"),
        "top": Max(f"{prefix}max_score"),
    }
    for level in Level.values:
        values[level] = Count(rid, distinct=distinct, filter=Q(**{f"{prefix}level": level}))
    return values


def _row(key: int, name: str, values: dict, unit: str = "") -> Row:
    return Row(
        key=key,
        name=name,
        unit=unit,
        ratings=values["n"],
        reception=values["reception"],
        result=values["result"],
        levels={level: values[level] for level in Level.values},
        average=float(values["average"]) if values["average"] is not None else None,
        max_score=values["top"],
    )


def by_unit(agency_ids: set[int], start: dt.date, through: dt.date, names: dict[int, str]) -> list[Row]:
    begin, end = window(start, through)
    rows = (
        Rating.objects.filter(agency_id__in=agency_ids, rated_at__gte=begin, rated_at__lt=end)
        .values("agency_id")
        .annotate(**_counts("", distinct=False))
        .order_by()
    )
    result = [_row(r["agency_id"], names.get(r["agency_id"], str(r["agency_id"])), r) for r in rows]
    return sorted(result, key=lambda row: row.name)


def by_officer(agency_ids: set[int], start: dt.date, through: dt.date, names: dict[int, str]) -> list[Row]:
    """One row per officer and unit they acted in; a rating counts once per officer even if they acted in it in
    several roles."""
    begin, end = window(start, through)
    rows = (
        RatingOfficer.objects.filter(
            agency_id__in=agency_ids, rating__rated_at__gte=begin, rating__rated_at__lt=end
        )
        .values("officer_id", "agency_id")
        .annotate(officer=Max("officer_name"), **_counts("rating__", distinct=True))
        .order_by()
    )
    result = [
        _row(r["officer_id"], r["officer"] or str(r["officer_id"]), r, names.get(r["agency_id"], ""))
        for r in rows
    ]
    return sorted(result, key=lambda row: (row.unit, row.name))


def total(rows: list[Row]) -> Row:
    """The sum of unit rows (the average weighted by the result ratings)."""
    out = Row(key=0, name=_("Tổng cộng"))
    weighted, scored = 0.0, 0
    for row in rows:
        out.ratings += row.ratings
        out.reception += row.reception
        out.result += row.result
        for level in Level.values:
            out.levels[level] = out.levels.get(level, 0) + row.levels.get(level, 0)
        if row.average is not None:
            weighted += row.average * row.result
            scored += row.result
        out.max_score = max(filter(None, [out.max_score, row.max_score]), default=None)
    out.average = weighted / scored if scored else None
    return out


def xlsx(title: str, units: list[Row], officers: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    head = [
        _("Số đánh giá"),
        _("Tại quầy"),
        _("Sau trả kết quả"),
        _("Rất hài lòng"),
        _("Hài lòng"),
        _("Không hài lòng"),
        _("Tỷ lệ hài lòng (%)"),
        _("Điểm trung bình"),
        _("Điểm tối đa"),
    ]

    def values(row: Row) -> list:
        share = round(row.satisfied_share, 2) if row.satisfied_share is not None else None
        average = round(row.average, 2) if row.average is not None else None
        return [row.ratings, row.reception, row.result, row.very, row.satisfied, row.dissatisfied, share, average,
                row.max_score]  # fmt: skip

    sheet = book.active
    sheet.title = _("Theo đơn vị")[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("Đơn vị"), *head])
    for row in units:
        sheet.append([row.name, *values(row)])
    sheet.append([_("Tổng cộng"), *values(total(units))])
    sheet.column_dimensions["A"].width = 48

    second = book.create_sheet(_("Theo cán bộ")[:31])
    second.append([title])
    second["A1"].font = Font(bold=True)
    second.append([_("Cán bộ"), _("Đơn vị"), *head])
    for row in officers:
        second.append([row.name, row.unit, *values(row)])
    second.column_dimensions["A"].width = 30
    second.column_dimensions["B"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
