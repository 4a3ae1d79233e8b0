"""Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP): “Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực
tiếp giải quyết TTHC” — and its variant for the Public Administration Service Centre (Biểu II.06a), with the same
13 columns (SPEC §4.1).

The columns are declared once (:data:`COLUMNS`): each is a sum of measures (``services.measures``) or a total of
other columns. Rows: the total, then one group per level (cấp tỉnh, cấp huyện, cấp xã, ngành dọc) with its
subtotal, then one row per field (lĩnh vực) within the level. Dossiers count at the agency that handles them
(Biểu 06) or at the centre that received them (the centre's variant); the scope is the chosen unit and all its
subunits, as then or re-mapped to today's units.

Identities (checked for every row, :func:`identities`): 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13 and 3 = 7 + 11
(every dossier to handle in the period was either resolved in it or is still being handled at its end).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import ProcedureField
from motcua.core.dated import today
from motcua.core.text import sort_key
from motcua.reports.services import measures
from motcua.reports.services.measures import Figures
from motcua.reports.services.periods import Period
from motcua.reports.services.units import LEVEL_LABELS, LEVEL_ORDER, THEN, Registry, Unit

AGENCY, CENTRE = "agency", "centre"
VARIANTS = (AGENCY, CENTRE)


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    group: str = ""  # the heading spanning several columns
    subgroup: str = ""  # "Trong đó" under the group's total
    measures: tuple[str, ...] = ()
    total_of: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        return f"c{self.number}"


LABEL = _("Lĩnh vực, công việc giải quyết theo cấp")
RECEIVED = _("Số hồ sơ nhận giải quyết")
RESOLVED = _("Số hồ sơ đã giải quyết")
PENDING = _("Số lượng hồ sơ đang giải quyết")
AMONG = _("Trong đó")

COLUMNS: tuple[Column, ...] = (
    Column(3, _("Tổng số"), RECEIVED, total_of=(4, 5, 6)),
    Column(4, _("Trực tuyến"), RECEIVED, AMONG, measures=("received_online",)),
    Column(
        5, _("Trực tiếp, dịch vụ bưu chính"), RECEIVED, AMONG, measures=("received_direct", "received_postal")
    ),
    Column(6, _("Từ kỳ trước"), RECEIVED, AMONG, measures=("carried_over",)),
    Column(7, _("Tổng số"), RESOLVED, total_of=(8, 9, 10)),
    Column(8, _("Trước hạn"), RESOLVED, AMONG, measures=("early",)),
    # As R1 and the form's note: withdrawn (“xin rút”) and stopped (“trả lại”) dossiers count as on time.
    Column(9, _("Đúng hạn"), RESOLVED, AMONG, measures=("on_time", "withdrawn", "stopped")),
    Column(10, _("Quá hạn"), RESOLVED, AMONG, measures=("late",)),
    Column(11, _("Tổng số"), PENDING, total_of=(12, 13)),
    # “bao gồm cả hồ sơ chờ bổ sung và hồ sơ khác”: a dossier paused at the end of the period is within time.
    Column(12, _("Trong hạn"), PENDING, AMONG, measures=("in_time_end",)),
    Column(13, _("Quá hạn"), PENDING, AMONG, measures=("overdue_end",)),
)
BY_NUMBER = {c.number: c for c in COLUMNS}
KEYS = tuple(c.key for c in COLUMNS)
NUMBERS = (1, 2, *BY_NUMBER)  # the numbered columns of the table: (1) STT, (2) the row's label, then COLUMNS
TITLE = _("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC")
TITLE_CENTRE = _("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
FORM_NUMBER = {AGENCY: "Biểu số 06/VPCP/KSTT", CENTRE: "Biểu số II.06a/VPCP/KSTT"}
LEGAL_BASIS = _("Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020")
UNIT_OF_COUNT = _("Đơn vị tính: Số hồ sơ TTHC.")
NOTE = _(
    "Ghi chú: cột (9) gồm cả hồ sơ công dân xin rút và hồ sơ dừng xử lý; cột (12) gồm cả hồ sơ đang tạm dừng chờ "
    "bổ sung hoặc thực hiện nghĩa vụ tài chính. Trước hạn, đúng hạn, quá hạn: so ngày kết thúc xử lý với ngày hẹn "
    "trả ban đầu (không tính ngày hẹn lại trong phiếu xin lỗi)."
)


@dataclass(frozen=True)
class HeaderCell:
    row: int  # 0–2
    column: int  # 0-based among the 13 columns
    rowspan: int
    colspan: int
    text: str


def header() -> list[HeaderCell]:
    """The three heading rows of the official table, from :data:`COLUMNS`: STT and the row label span all three;
    each group spans its columns; under it, a column with no sub-heading spans two rows, the others share
    “Trong đó”. The same cells make the screen's table, the .xlsx and the PDF."""
    cells = [HeaderCell(0, 0, 3, 1, str(_("STT"))), HeaderCell(0, 1, 3, 1, str(LABEL))]
    index = {c.number: c.number - 1 for c in COLUMNS}
    for _group, members in itertools.groupby(COLUMNS, key=lambda c: str(c.group)):
        members = list(members)
        cells.append(HeaderCell(0, index[members[0].number], 1, len(members), str(members[0].group)))
        for sub, same in itertools.groupby(members, key=lambda c: str(c.subgroup)):
            same = list(same)
            if not sub:
                cells.extend(HeaderCell(1, index[c.number], 2, 1, str(c.label)) for c in same)
            else:
                cells.append(HeaderCell(1, index[same[0].number], 1, len(same), sub))
                cells.extend(HeaderCell(2, index[c.number], 1, 1, str(c.label)) for c in same)
    return sorted(cells, key=lambda c: (c.row, c.column))


def values(figures: dict) -> dict[int, int]:
    """The 13 columns' values (3–13) of one row, from its measures."""
    result: dict[int, int] = {}
    for column in COLUMNS:
        if column.measures:
            result[column.number] = sum(int(figures.get(name, 0)) for name in column.measures)
    for column in COLUMNS:
        if column.total_of:
            result[column.number] = sum(result[n] for n in column.total_of)
    return dict(sorted(result.items()))


def identities(row: dict[int, int]) -> list[str]:
    """The identities a row breaks (empty: all hold)."""
    broken = []
    for column in COLUMNS:
        if column.total_of and row[column.number] != sum(row[n] for n in column.total_of):
            broken.append(f"{column.number} = " + " + ".join(str(n) for n in column.total_of))
    if row[3] != row[7] + row[11]:
        broken.append("3 = 7 + 11")
    return broken


@dataclass
class Row:
    stt: str
    label: str
    kind: str  # total | level | field
    values: dict[int, int]
    level: str = ""
    field_id: int | None = None

    def as_dict(self) -> dict:
        return {"stt": self.stt, "label": self.label, "kind": self.kind} | {
            f"c{n}": v for n, v in self.values.items()
        }


@dataclass
class Report:
    unit: Unit
    period: Period
    mapping: str
    variant: str
    through: dt.date  # the last day with figures (the period's end, or today)
    recipient: str
    rows: list[Row] = field(default_factory=list)
    generated_at: dt.datetime = field(default_factory=timezone.now)
    as_of: dt.datetime | None = None  # the figures include every change up to then (rollup.current_as_of)

    @property
    def form_number(self) -> str:
        return FORM_NUMBER[self.variant]

    @property
    def title(self) -> str:
        return str(TITLE_CENTRE if self.variant == CENTRE else TITLE)

    @property
    def total(self) -> Row:
        return self.rows[0]

    def broken_identities(self) -> list[tuple[str, str]]:
        return [(row.label, rule) for row in self.rows for rule in identities(row.values)]


def build(
    unit: Unit,
    period: Period,
    *,
    mapping: str = THEN,
    variant: str = AGENCY,
    registry: Registry | None = None,
    on: dt.date | None = None,
) -> Report:
    """Biểu 06 of ``unit`` and its subunits for ``period``. Queries: the roll-up once, the fields' names once
    (plus the registry's two if none is given)."""
    registry = registry or Registry.load()
    on = on or today()
    through = period.through(on)
    side = "receiving_id" if variant == CENTRE else "handling_id"
    scope = registry.scope(unit.pk, mapping)
    data = measures.query(period.start, through, group_by=("handling_id", "field_id"), side=side, scope=scope)
    by_level: dict[str, dict[int, Figures]] = {}
    for (handling_id, field_id), figures in data.items():
        reporting = registry.get(registry.report_unit(handling_id, mapping))
        level = reporting.level if reporting else "province"
        by_level.setdefault(level, {}).setdefault(int(field_id), Figures.zero()).add(figures)
    field_ids = {f for fields in by_level.values() for f in fields if f}
    names = (
        dict(ProcedureField.objects.filter(pk__in=field_ids).values_list("pk", "name")) if field_ids else {}
    )
    report = Report(unit, period, mapping, variant, through, registry.recipient(unit.pk))
    total = Figures.zero()
    groups = []
    levels = sorted(by_level, key=lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else 9)
    for index, level in enumerate(levels, 1):
        fields = by_level[level]
        subtotal = Figures.zero()
        rows = []
        ordered = sorted(fields, key=lambda f: sort_key(names.get(f, "")) if f else ("\uffff", ""))
        for number, field_id in enumerate(ordered, 1):
            figures = fields[field_id]
            subtotal.add(figures)
            label = names.get(field_id) or str(_("Chưa xác định lĩnh vực"))
            rows.append(Row(str(number), label, "field", values(figures), level, field_id))
        total.add(subtotal)
        groups.append(
            Row(ROMAN[index], str(LEVEL_LABELS.get(level, level)), "level", values(subtotal), level)
        )
        groups.extend(rows)
    report.rows = [Row("", str(_("Tổng số")), "total", values(total)), *groups]
    return report


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
