"""The Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06; TT 03/2025 Mẫu 07): the book of the dossiers a unit received, in the
order of receipt. One book (quyển) per unit and calendar year, numbered from 1 (số thứ tự) — the same numbers the
receipt prints (``snapshot.book_position``). Read by keyset pages (never an offset) and exported as .xlsx with the
official columns (SPEC §2.6)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from motcua.dossiers.choices import Status, Timeliness
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.queues import Cursor

MAX_EXPORT = 20_000  # rows in one .xlsx; a longer period is refused with a message
DATES = (
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Nhận kết quả từ cơ quan giải quyết",
    "Trả kết quả cho cá nhân, tổ chức",
)
COLUMNS = (
    "Quyển số",
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    *DATES,
    "Ký nhận",
    "Ghi chú",
)
DATES_FROM = COLUMNS.index(DATES[0])  # the group “Ngày, tháng, năm” spans these five columns
CLOSED_NOTES = {Status.WITHDRAWN, Status.STOPPED, Status.REFUSED}


@dataclass
class BookRow:
    volume: str
    number: int
    code: str
    procedure: str
    sets: int
    applicant: str
    address_phone: str
    handling: str
    received: dt.datetime | None
    due: dt.datetime | None
    transferred: dt.datetime | None
    result_received: dt.datetime | None
    returned: dt.datetime | None
    note: str

    def dates(self) -> list[dt.datetime | None]:
        return [self.received, self.due, self.transferred, self.result_received, self.returned]


@dataclass
class BookPage:
    rows: list[BookRow]
    next: Cursor | None


def bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after end 00:00) in Vietnam time."""
    tz = timezone.get_default_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def _query(unit_id: int, start: dt.date, end: dt.date):
    low, high = bounds(start, end)
    return Dossier.objects.filter(receiving_agency_id=unit_id, received_at__gte=low, received_at__lt=high)


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(value, timezone.get_default_timezone()) if value else None


def page(
    unit_id: int, start: dt.date, end: dt.date, *, after: Cursor | None = None, limit: int = 50
) -> BookPage:
    """One page of the book of ``unit_id`` for the days ``start``–``end`` (inclusive), in receipt order. Three
    queries: the rows (with procedure, applicant and competent agency), their transfer times, and the number of the
    first row in its year's book."""
    query = _query(unit_id, start, end)
    if after is not None:
        query = query.filter(
            Q(received_at__gt=after.deadline_at) | Q(received_at=after.deadline_at, id__gt=after.id)
        )
    dossiers = list(
        query.select_related("procedure_version", "applicant", "handling_agency")
        .only(
            "id",
            "code",
            "reference",
            "sets",
            "status",
            "timeliness",
            "received_at",
            "due_at",
            "original_due_at",
            "finished_at",
            "returned_at",
            "closed_at",
            "receiving_agency_id",
            "procedure_version__name",
            "applicant__name",
            "applicant__address",
            "applicant__phone",
            "handling_agency__name",
        )
        .order_by("received_at", "id")[: limit + 1]
    )
    more = len(dossiers) > limit
    dossiers = dossiers[:limit]
    if not dossiers:
        return BookPage([], None)
    rows = _rows(unit_id, dossiers)
    last = dossiers[-1]
    return BookPage(rows, Cursor(last.received_at, last.pk) if more else None)


def _rows(unit_id: int, dossiers: list[Dossier]) -> list[BookRow]:
    transfers: dict[int, dt.datetime] = {}
    for dossier_id, at in (
        ProcessLogEntry.objects.filter(dossier_id__in=[d.pk for d in dossiers], action="transfer")
        .order_by("seq")
        .values_list("dossier_id", "at")
    ):
        transfers.setdefault(dossier_id, at)
    first = dossiers[0]
    year_start = _local(first.received_at).replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    number = Dossier.objects.filter(
        Q(received_at__lt=first.received_at) | Q(received_at=first.received_at, id__lt=first.pk),
        receiving_agency_id=unit_id,
        received_at__gte=year_start,
    ).count()
    rows, year = [], _local(first.received_at).year
    for d in dossiers:
        local = _local(d.received_at)
        if local.year != year:
            year, number = local.year, 0
        number += 1
        if d.status in CLOSED_NOTES:
            note = str(Status(d.status).label)
        elif d.timeliness == Timeliness.LATE:
            note = str(Timeliness.LATE.label)
        else:
            note = ""
        applicant = d.applicant
        rows.append(
            BookRow(
                volume=str(year),
                number=number,
                code=d.code or d.reference,
                procedure=d.procedure_version.name,
                sets=d.sets,
                applicant=applicant.name,
                address_phone=", ".join(p for p in (applicant.address, applicant.phone) if p),
                handling=d.handling_agency.name,
                received=_local(d.received_at),
                due=_local(d.original_due_at or d.due_at),
                transferred=_local(transfers.get(d.pk)),
                result_received=_local(d.finished_at),
                returned=_local(d.returned_at),
                note=note,
            )
        )
    return rows


def all_rows(unit_id: int, start: dt.date, end: dt.date, batch: int = 1000):
    after = None
    while True:
        chunk = page(unit_id, start, end, after=after, limit=batch)
        yield from chunk.rows
        if chunk.next is None:
            return
        after = chunk.next


def count(unit_id: int, start: dt.date, end: dt.date) -> int:
    return _query(unit_id, start, end).count()


def xlsx(unit_name: str, form_label: str, start: dt.date, end: dt.date, rows) -> bytes:
    """The book as an .xlsx workbook: title, unit and period, the official two-row header, one row per dossier."""
    wb = Workbook()
    ws = wb.active
    ws.title = "So theo doi ho so"
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, horizontal="center", vertical="center")
    width = len(COLUMNS)
    ws.append([unit_name.upper()])
    ws.append(["SỔ THEO DÕI HỒ SƠ"])
    ws.append([f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y} — {form_label}"])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1).font = bold if r < 3 else normal
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    head1 = [c if i < DATES_FROM or i >= DATES_FROM + len(DATES) else "" for i, c in enumerate(COLUMNS)]
    head1[DATES_FROM] = "Ngày, tháng, năm"
    head2 = [c if DATES_FROM <= i < DATES_FROM + len(DATES) else "" for i, c in enumerate(COLUMNS)]
    ws.append(head1)
    ws.append(head2)
    top, bottom = 4, 5
    for col in range(1, width + 1):
        if DATES_FROM < col <= DATES_FROM + len(DATES):
            continue
        ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
    ws.merge_cells(
        start_row=top, start_column=DATES_FROM + 1, end_row=top, end_column=DATES_FROM + len(DATES)
    )
    for r in (top, bottom):
        for col in range(1, width + 1):
            cell = ws.cell(r, col)
            cell.font, cell.alignment, cell.border = bold, centre, box
    for row in rows:
        ws.append(
            [
                row.volume,
                row.number,
                row.code,
                row.procedure,
                row.sets,
                row.applicant,
                row.address_phone,
                row.handling,
                *[f"{d:%H:%M %d/%m/%Y}" if d else "" for d in row.dates()],
                "",
                row.note,
            ]
        )
        for cell in ws[ws.max_row]:
            cell.font, cell.alignment, cell.border = normal, wrap, box
    for col, size in enumerate((9, 6, 26, 40, 9, 24, 28, 28, 16, 16, 16, 16, 16, 12, 16), 1):
        ws.column_dimensions[get_column_letter(col)].width = size
    ws.freeze_panes = ws.cell(bottom + 1, 1)
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
