"""Import of a province's approved internal processes (quy trình nội bộ) from a spreadsheet, one row per step.

The layout (README, "The procedure catalogue"; the sample ``data/quy_trinh_mau.xlsx`` is written by
:func:`write_sample`): ``Mã thủ tục | Cấp | Mã quy trình | Số quyết định | Ngày quyết định | Người ký | Hiệu lực từ
| Bước | Nội dung công việc | Vai trò | Đơn vị thực hiện | Mã đơn vị | Thời gian | Đơn vị thời gian | Ký duyệt |
Báo công dân | Trả lại về bước | Kết quả, biểu mẫu``. Headers are found by their words (diacritics and case do not
matter, a note in brackets is ignored); a title above the header row is allowed.

The rows of one (procedure, level, decision number) form one process. A row whose "Mã thủ tục" is empty continues
the process of the row above (merged cells read that way). Each process is checked as a whole — its rows, its step
numbers, its units, then ``processes.share_problems`` against the procedure version in force on its "Hiệu lực từ"
day — and then, in its own transaction: an identical published process in force (same steps and decision) →
unchanged; otherwise a draft (``processes.new_draft``) gets the steps and is published with the decision
(``processes.publish``). A process with an error is not written, and the others still are; a second run of the
same file changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from motcua.catalog import processes, services
from motcua.catalog.choices import LimitUnit
from motcua.catalog.models import InternalProcess, Performer, ProcedureVersion, ProcessLevel, ProcessStep
from motcua.core.text import fold
from motcua.org.roles import Role
from motcua.org.services import agency_on

SAMPLE_FILE = Path(__file__).resolve().parents[1] / "data" / "quy_trinh_mau.xlsx"
MAX_ROWS = 10_000
MAX_BYTES = 5 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
IMPORT_NOTE = "Nhập quy trình nội bộ từ tệp"

# -- the columns -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as written in the sample and the README
    names: tuple[str, ...]  # folded header words that name it (a note in brackets removed)
    required: bool = True


COLUMNS = (
    Column("procedure", "Mã thủ tục", ("ma thu tuc", "ma tthc", "ma so thu tuc")),
    Column("level", "Cấp (tỉnh/xã/để trống)", ("cap", "cap thuc hien"), required=False),
    Column(
        "code", "Mã quy trình", ("ma quy trinh", "ma hieu quy trinh", "ky hieu quy trinh"), required=False
    ),
    Column("decision_number", "Số quyết định", ("so quyet dinh", "so qd", "quyet dinh so")),
    Column("decision_date", "Ngày quyết định (dd/mm/yyyy)", ("ngay quyet dinh", "ngay qd", "ngay ban hanh")),
    Column("decision_signer", "Người ký", ("nguoi ky", "nguoi ky quyet dinh")),
    Column("valid_from", "Hiệu lực từ (dd/mm/yyyy)", ("hieu luc tu", "co hieu luc tu", "ngay hieu luc")),
    Column("order", "Bước", ("buoc", "thu tu buoc", "stt buoc", "buoc so")),
    Column("name", "Nội dung công việc", ("noi dung cong viec", "noi dung", "ten buoc", "cong viec")),
    Column("role", "Vai trò", ("vai tro", "vai tro thuc hien", "nguoi thuc hien")),
    Column("performer", "Đơn vị thực hiện", ("don vi thuc hien", "bo phan thuc hien")),
    Column("unit", "Mã đơn vị", ("ma don vi", "ma dinh danh", "ma dinh danh don vi"), required=False),
    Column("amount", "Thời gian", ("thoi gian", "thoi gian thuc hien", "thoi gian giai quyet")),
    Column("time_unit", "Đơn vị thời gian (giờ/ngày)", ("don vi thoi gian", "don vi tinh")),
    Column("signature", "Ký duyệt (x)", ("ky duyet", "ky duyet ket qua", "ky"), required=False),
    Column(
        "notify",
        "Báo công dân (x)",
        ("bao cong dan", "thong bao cong dan", "thong bao cho nguoi nop", "bao nguoi nop"),
        required=False,
    ),
    Column("send_back", "Trả lại về bước", ("tra lai ve buoc", "tra lai buoc", "tra lai"), required=False),
    Column("output", "Kết quả, biểu mẫu", ("ket qua bieu mau", "ket qua", "bieu mau"), required=False),
)
HEADERS = [c.header for c in COLUMNS]
PROCESS_KEYS = ("level", "code", "decision_number", "decision_date", "decision_signer", "valid_from")

# Roles and performers as officers write them (folded), besides the labels of the enumerations themselves.
ROLE_WORDS = {
    Role.COUNTER_OFFICER: (
        "cong chuc mot cua",
        "can bo mot cua",
        "mot cua",
        "cong chuc tiep nhan",
        "cong chuc tiep nhan va tra ket qua",
        "cong chuc tiep nhan tra ket qua",
        "can bo tiep nhan",
    ),
    Role.SPECIALIST: (
        "chuyen vien",
        "chuyen vien thu ly",
        "cong chuc thu ly",
        "can bo thu ly",
        "cong chuc chuyen mon",
        "thu ly",
    ),
    Role.DEPT_LEAD: (
        "lanh dao phong",
        "lanh dao phong chuyen mon",
        "truong phong",
        "pho truong phong",
        "truong pho phong",
    ),
    Role.AGENCY_LEAD: (
        "lanh dao co quan",
        "lanh dao",
        "lanh dao so",
        "lanh dao don vi",
        "lanh dao ubnd",
        "lanh dao ubnd xa",
        "chu tich ubnd",
        "pho chu tich ubnd",
        "chu tich",
        "pho chu tich",
        "giam doc",
        "pho giam doc",
        "thu truong co quan",
    ),
    Role.CLERK: ("van thu", "van thu co quan", "bo phan van thu"),
    Role.CENTRE_HEAD: ("lanh dao trung tam",),
    Role.DIGITIZER: ("so hoa",),
    Role.CASHIER: ("thu phi", "can bo thu phi"),
}
PERFORMER_WORDS = {
    Performer.RECEIVING: (
        "bo phan mot cua",
        "mot cua",
        "bo phan tiep nhan va tra ket qua",
        "bo phan tiep nhan tra ket qua",
        "trung tam phuc vu hanh chinh cong",
        "tiep nhan",
    ),
    Performer.COMPETENT: (
        "co quan giai quyet",
        "co quan co tham quyen",
        "co quan chu tri",
        "co quan thu ly",
        "co quan",
    ),
    Performer.DIVISION: ("phong chuyen mon", "phong"),
    Performer.LEADER: ("lanh dao", "lanh dao co quan"),
    Performer.PARTNER: ("co quan phoi hop", "don vi phoi hop", "co quan lien thong", "lien thong"),
    Performer.COMMUNE: (
        "ubnd xa",
        "ubnd cap xa",
        "ubnd phuong",
        "ubnd xa phuong",
        "uy ban nhan dan xa",
        "uy ban nhan dan cap xa",
        "xa",
    ),
}
LEVEL_WORDS = {
    ProcessLevel.PROVINCE: ("tinh", "cap tinh", "province"),
    ProcessLevel.COMMUNE: ("xa", "cap xa", "phuong", "xa phuong", "cap xa phuong", "commune"),
    ProcessLevel.ANY: ("", "moi cap", "tat ca", "tat ca cac cap"),
}
HOURS_WORDS = ("gio", "gio lam viec", "h", "working hours")
DAYS_WORDS = ("ngay", "ngay lam viec", "working days")
YES_WORDS = ("x", "co", "1", "true", "yes", "dung")
NO_WORDS = ("", "khong", "0", "false", "no")
ROLE_SHOWN = ("Công chức một cửa", "Chuyên viên", "Lãnh đạo phòng", "Lãnh đạo cơ quan", "Văn thư")
PERFORMER_SHOWN = (
    "Bộ phận một cửa",
    "Cơ quan giải quyết",
    "Phòng chuyên môn",
    "Lãnh đạo",
    "Cơ quan phối hợp",
    "UBND xã",
)


def _lookup(words: dict, enum) -> dict[str, str]:
    table = {}
    with translation.override("vi"):
        for member in enum:
            table[fold(str(member.label))] = member.value
            table[fold(member.value)] = member.value
    for member, names in words.items():
        for name in names:
            table.setdefault(name, member.value)
    return table


# -- results -----------------------------------------------------------------------------------------------------


class ImportFileError(Exception):
    """The file cannot be read as a process table at all: nothing is imported."""


@dataclass
class RowError:
    line: int
    reason: str
    last_line: int | None = None

    @property
    def lines(self) -> str:
        if self.last_line and self.last_line != self.line:
            return _("dòng %(first)s–%(last)s") % {"first": self.line, "last": self.last_line}
        return _("dòng %(line)s") % {"line": self.line}

    def __str__(self) -> str:
        return f"{self.lines}: {self.reason}"


CREATED, UNCHANGED, FAILED = "created", "unchanged", "error"


@dataclass
class ProcessResult:
    procedure: str
    level: str
    decision_number: str
    first_line: int
    last_line: int
    outcome: str = FAILED
    number: int | None = None  # the process's number (phiên bản quy trình) when created or unchanged
    errors: list[RowError] = field(default_factory=list)

    @property
    def level_label(self) -> str:
        return str(ProcessLevel(self.level).label) if self.level in ProcessLevel.values else self.level

    @property
    def outcome_label(self) -> str:
        return {CREATED: _("tạo mới"), UNCHANGED: _("không đổi")}.get(self.outcome, _("lỗi, không nhập"))

    @property
    def lines(self) -> str:
        return RowError(self.first_line, "", self.last_line).lines


@dataclass
class ProcessImportSummary:
    results: list[ProcessResult] = field(default_factory=list)
    stray_errors: list[RowError] = field(default_factory=list)  # rows that belong to no process
    rows: int = 0
    seconds: float = 0.0
    dry_run: bool = False

    @property
    def created(self) -> int:
        return sum(r.outcome == CREATED for r in self.results)

    @property
    def unchanged(self) -> int:
        return sum(r.outcome == UNCHANGED for r in self.results)

    @property
    def failed(self) -> int:
        return sum(r.outcome == FAILED for r in self.results)

    @property
    def errors(self) -> list[RowError]:
        found = list(self.stray_errors)
        for result in self.results:
            found += result.errors
        return sorted(found, key=lambda e: e.line)


def render_report(summary: ProcessImportSummary) -> str:
    """The report as text (the command prints it; the upload page shows the same figures)."""
    lines = []
    if summary.dry_run:
        lines.append(_("Chạy thử: không ghi gì vào cơ sở dữ liệu."))
    lines += [
        _("Đã đọc %(rows)s dòng, %(processes)s quy trình, trong %(seconds)s giây:")
        % {
            "rows": summary.rows,
            "processes": len(summary.results),
            "seconds": f"{summary.seconds:.1f}".replace(".", ","),
        },
        "  - " + _("tạo mới: %(n)s") % {"n": summary.created},
        "  - " + _("không đổi: %(n)s") % {"n": summary.unchanged},
        "  - " + _("lỗi (không nhập): %(n)s") % {"n": summary.failed},
    ]
    if summary.stray_errors:
        lines.append("  - " + _("dòng không thuộc quy trình nào: %(n)s") % {"n": len(summary.stray_errors)})
    for result in summary.results:
        text = _("%(code)s, %(level)s, quyết định %(decision)s (%(lines)s): %(outcome)s") % {
            "code": result.procedure,
            "level": result.level_label.lower(),
            "decision": result.decision_number or "—",
            "lines": result.lines,
            "outcome": result.outcome_label,
        }
        if result.number:
            text += " " + _("(quy trình phiên bản %(number)s)") % {"number": result.number}
        lines.append("    " + text)
    errors = summary.errors
    if errors:
        lines.append(_("Lỗi:"))
        lines += [f"    {error}" for error in errors]
    return "\n".join(lines)


# -- reading the file --------------------------------------------------------------------------------------------


def read_table(source: Path | BinaryIO, filename: str = "") -> list[tuple[int, list]]:
    """(line number, cells) of the file's first sheet (.xlsx) or of its lines (.csv, UTF-8)."""
    filename = filename or str(getattr(source, "name", source))
    data = source.read_bytes() if isinstance(source, Path) else source.read()
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("Tệp lớn quá 5 MB; hãy chia thành nhiều tệp."))
    suffix = Path(filename).suffix.lower()
    if suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(
            _("Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại thành .xlsx hoặc .csv (UTF-8).")
        )
    if data[:2] == b"PK" or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(data)
    raise ImportFileError(_("Chỉ nhận tệp .xlsx hoặc .csv (UTF-8)."))


def _read_xlsx(data: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise ImportFileError(
            _("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.")
        ) from exc
    except Exception as exc:  # openpyxl raises its own errors for a malformed workbook
        raise ImportFileError(
            _("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.")
        ) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ImportFileError(_("Tệp Excel không có trang tính nào."))
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(cell not in (None, "") for cell in row):  # formatted but empty rows are skipped
                rows.append((number, list(row)))
                _check_size(rows)
        return rows
    finally:
        workbook.close()


def _check_size(rows: list) -> None:
    if len(rows) > MAX_ROWS + 1:
        raise ImportFileError(
            _("Tệp có quá %(n)s dòng; hãy chia thành nhiều tệp.") % {"n": f"{MAX_ROWS:,}".replace(",", ".")}
        )


def _read_csv(data: bytes) -> list[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("Tệp CSV không phải văn bản UTF-8 (lỗi ở byte thứ %(position)s); hãy lưu lại với mã hóa UTF-8.")
            % {"position": exc.start + 1}
        ) from exc
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
                _check_size(rows)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(
            _("Tệp CSV hỏng ở dòng %(line)s: %(reason)s.") % {"line": reader.line_num, "reason": exc}
        ) from exc
    return rows


def _header_name(value) -> str:
    return fold(re.sub(r"\([^)]*\)", " ", str(value or "")))


def find_columns(rows: list[tuple[int, list]]) -> tuple[int, dict[str, int]]:
    """The index in ``rows`` of the header row and the position of each known column in it."""
    names = {name: column.key for column in COLUMNS for name in column.names}
    best: tuple[int, dict[str, int]] | None = None
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for position, cell in enumerate(cells):
            key = names.get(_header_name(cell))
            if key and key not in found:
                found[key] = position
        if best is None or len(found) > len(best[1]):
            best = (index, found)
    required = [c for c in COLUMNS if c.required]
    if best is None or len(best[1]) < 2:
        raise ImportFileError(
            _(
                "Không tìm thấy dòng tiêu đề của bảng quy trình. Dòng tiêu đề cần các cột: %(columns)s "
                "(xem tệp mẫu)."
            )
            % {"columns": " | ".join(HEADERS)}
        )
    missing = [c.header for c in required if c.key not in best[1]]
    if missing:
        raise ImportFileError(
            _("Dòng tiêu đề (dòng %(line)s) thiếu cột: %(columns)s.")
            % {"line": rows[best[0]][0], "columns": "; ".join(missing)}
        )
    return best


# -- reading the rows --------------------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return re.sub(r"\s+", " ", str(value)).strip()


def _date(value, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    raise ValueError(
        _("%(label)s “%(value)s” không hợp lệ; cần dạng dd/mm/yyyy.") % {"label": label, "value": text}
    )


def _amount(value) -> Decimal:
    text = _text(value).replace(",", ".")
    try:
        amount = Decimal(str(value)) if isinstance(value, int | float) else Decimal(text)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValueError(_("thời gian “%(value)s” không phải là số.") % {"value": _text(value)})
    if amount <= 0:
        raise ValueError(_("thời gian của bước phải lớn hơn 0."))
    if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1000000"):
        raise ValueError(
            _("thời gian “%(value)s” quá lớn hoặc có quá hai chữ số thập phân.") % {"value": _text(value)}
        )
    return amount.quantize(Decimal("0.01")).normalize()


def _flag(value, label: str) -> bool:
    raw = _text(value)
    if raw in ("✓", "✔"):
        return True
    folded = fold(raw)
    if folded in YES_WORDS:
        return True
    if folded in NO_WORDS:
        return False
    raise ValueError(
        _("cột “%(label)s”: “%(value)s” không hiểu; ghi x nếu có, để trống nếu không.")
        % {"label": label, "value": raw}
    )


def _send_back(value) -> list[int]:
    text = _text(value)
    folded = fold(text)
    if re.sub(r"\d+|\bbuoc\b|\bva\b|\s", "", folded):
        raise ValueError(
            _("“Trả lại về bước” “%(value)s” không hiểu; ghi số bước, ví dụ 3 hoặc 3, 4.") % {"value": text}
        )
    return sorted({int(n) for n in re.findall(r"\d+", folded)})


@dataclass
class Row:
    line: int
    cells: dict  # column key → raw value
    errors: list[str] = field(default_factory=list)
    order: int | None = None  # the step number, once read

    def text(self, key: str) -> str:
        return _text(self.cells.get(key))


@dataclass
class Group:
    procedure: str
    level: str
    decision_number: str
    rows: list[Row] = field(default_factory=list)
    values: dict = field(default_factory=dict)  # process column → (value, line of the row that gave it)
    errors: list[RowError] = field(default_factory=list)

    def result(self) -> ProcessResult:
        lines = [r.line for r in self.rows]
        return ProcessResult(self.procedure, self.level, self.decision_number, min(lines), max(lines))


def _level(text: str) -> str:
    table = {name: level.value for level, names in LEVEL_WORDS.items() for name in names}
    folded = fold(text)
    if folded in table:
        return table[folded]
    raise ValueError(_("cấp “%(value)s” không hiểu; ghi tỉnh, xã hoặc để trống (mọi cấp).") % {"value": text})


def _continuation_errors(group: Group, row: Row) -> list[RowError]:
    """A row continuing the process above may repeat its level and decision, not change them."""
    errors = []
    number = row.text("decision_number")
    if number and number != group.decision_number:
        errors.append(
            RowError(
                row.line,
                _(
                    "số quyết định “%(value)s” khác với dòng %(line)s (“%(first)s”); dòng đầu của mỗi quy trình "
                    "phải ghi mã thủ tục."
                )
                % {"value": number, "line": group.rows[0].line, "first": group.decision_number},
            )
        )
    level = row.text("level")
    try:
        differs = bool(level) and _level(level) != group.level
    except ValueError as exc:
        errors.append(RowError(row.line, str(exc)))
    else:
        if differs:
            errors.append(
                RowError(
                    row.line,
                    _(
                        "cấp “%(value)s” khác với dòng %(line)s; dòng đầu của mỗi quy trình phải ghi mã thủ tục."
                    )
                    % {"value": level, "line": group.rows[0].line},
                )
            )
    return errors


def group_rows(rows: list[tuple[int, list]], header_index: int, positions: dict[str, int]):
    """The processes of the table (rows grouped by procedure, level and decision), and the rows that belong to
    none, with their errors."""
    groups: dict[tuple, Group] = {}
    stray: list[RowError] = []
    current: Group | None = None
    count = 0
    for line, cells in rows[header_index + 1 :]:
        values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in positions.items()}
        if all(_text(v) == "" for v in values.values()):
            continue
        count += 1
        row = Row(line, values)
        code = row.text("procedure")
        if code:
            try:
                level = _level(row.text("level"))
            except ValueError as exc:
                stray.append(RowError(line, str(exc)))
                current = None
                continue
            key = (code, level, row.text("decision_number"))
            current = groups.setdefault(key, Group(code, level, row.text("decision_number")))
        elif current is None:
            stray.append(
                RowError(line, _("thiếu mã thủ tục (dòng đầu của mỗi quy trình phải ghi mã thủ tục)."))
            )
            continue
        current.rows.append(row)
        if not code:
            current.errors += _continuation_errors(current, row)
        for name in PROCESS_KEYS:
            if name in ("level", "decision_number"):
                continue
            value = row.text(name)
            if not value:
                continue
            seen = current.values.get(name)
            if seen is None:
                current.values[name] = (row.cells[name], line)
            elif _text(seen[0]) != value:
                header = next(c.header for c in COLUMNS if c.key == name).split(" (")[0]
                current.errors.append(
                    RowError(
                        line,
                        _("cột “%(column)s” ghi “%(value)s”, khác với dòng %(line)s (“%(first)s”).")
                        % {"column": header, "value": value, "line": seen[1], "first": _text(seen[0])},
                    )
                )
    return list(groups.values()), stray, count


# -- checking a process ------------------------------------------------------------------------------------------


@dataclass
class Checked:
    version: ProcedureVersion
    level: str
    code: str
    valid_from: dt.date
    decision_date: dt.date
    decision_signer: str
    steps: list[ProcessStep]


class _Checker:
    def __init__(self):
        self.roles = _lookup(ROLE_WORDS, Role)
        self.performers = _lookup(PERFORMER_WORDS, Performer)
        self.agencies: dict[tuple[str, dt.date], object] = {}

    def agency(self, identifier: str, on: dt.date):
        key = (identifier, on)
        if key not in self.agencies:
            self.agencies[key] = agency_on(identifier, on)
        return self.agencies[key]

    def check(self, group: Group) -> Checked | None:
        errors = group.errors
        first = group.rows[0].line
        last = group.rows[-1].line
        process = {}
        for name, label in (
            ("decision_date", _("ngày quyết định")),
            ("valid_from", _("ngày hiệu lực")),
        ):
            seen = group.values.get(name)
            if seen is None:
                errors.append(RowError(first, _("thiếu %(label)s (dd/mm/yyyy).") % {"label": label}))
                continue
            try:
                process[name] = _date(seen[0], label[:1].upper() + label[1:])
            except ValueError as exc:
                errors.append(RowError(seen[1], str(exc)))
        if not group.decision_number:
            errors.append(RowError(first, _("thiếu số quyết định phê duyệt quy trình.")))
        elif len(group.decision_number) > 100:
            errors.append(RowError(first, _("số quyết định dài quá 100 ký tự.")))
        signer = _text(group.values.get("decision_signer", ("", 0))[0])
        if not signer:
            errors.append(RowError(first, _("thiếu người ký quyết định phê duyệt.")))
        code = _text(group.values.get("code", ("", 0))[0])
        if len(code) > 64:
            errors.append(RowError(group.values["code"][1], _("mã quy trình dài quá 64 ký tự.")))
        if "decision_date" in process and "valid_from" in process:  # noqa: SIM102
            if process["decision_date"] > process["valid_from"]:
                errors.append(
                    RowError(
                        group.values["decision_date"][1],
                        _("ngày quyết định (%(decision)s) sau ngày có hiệu lực (%(valid)s).")
                        % {
                            "decision": process["decision_date"].strftime("%d/%m/%Y"),
                            "valid": process["valid_from"].strftime("%d/%m/%Y"),
                        },
                    )
                )
        valid_from = process.get("valid_from")
        version = None
        if valid_from is not None:
            version = services.version_by_code(group.procedure, valid_from)
            if version is None:
                errors.append(RowError(first, self._no_version(group.procedure, valid_from)))
            elif group.level and version.levels and group.level not in version.levels:
                errors.append(
                    RowError(
                        first,
                        _("thủ tục %(code)s không thực hiện ở %(level)s.")
                        % {"code": group.procedure, "level": str(ProcessLevel(group.level).label).lower()},
                    )
                )
        steps = [self.step(row, valid_from) for row in group.rows]
        for row in group.rows:
            errors += [RowError(row.line, reason) for reason in row.errors]
        errors += self._numbering(group.rows)
        if errors or version is None:
            return None
        steps.sort(key=lambda s: s.order)
        draft = InternalProcess(version=version, level=group.level)
        problems = processes.share_problems(draft, steps)
        if problems:
            errors += [RowError(first, problem, last) for problem in problems]
            return None
        return Checked(version, group.level, code, valid_from, process["decision_date"], signer, steps)

    @staticmethod
    def _no_version(code: str, on: dt.date) -> str:
        from motcua.catalog.models import Procedure

        if not Procedure.objects.filter(code=code).exists():
            return _("không có thủ tục mã “%(code)s” trong danh mục.") % {"code": code}
        return _("thủ tục %(code)s không có phiên bản công bố có hiệu lực ngày %(day)s.") % {
            "code": code,
            "day": on.strftime("%d/%m/%Y"),
        }

    def step(self, row: Row, on: dt.date | None) -> ProcessStep | None:
        errors = row.errors
        values: dict = {}
        order_text = row.text("order")
        if not re.fullmatch(r"\d{1,3}", order_text) or int(order_text) < 1:
            errors.append(
                _("cột “Bước” cần số thứ tự của bước (1, 2, 3…), không phải “%(value)s”.")
                % {"value": order_text}
                if order_text
                else _("thiếu số thứ tự bước.")
            )
        else:
            values["order"] = row.order = int(order_text)
        name = row.text("name")
        if not name:
            errors.append(_("thiếu nội dung công việc."))
        elif len(name) > 500:
            errors.append(_("nội dung công việc dài quá 500 ký tự."))
        values["name"] = name
        role_text = row.text("role")
        values["role"] = self.roles.get(fold(role_text))
        if values["role"] is None:
            errors.append(
                _("vai trò “%(value)s” không nhận ra; ghi ví dụ: %(known)s.")
                % {"value": role_text, "known": ", ".join(ROLE_SHOWN)}
                if role_text
                else _("thiếu vai trò (ví dụ: %(known)s).") % {"known": ", ".join(ROLE_SHOWN)}
            )
        performer_text = row.text("performer")
        values["performer"] = self.performers.get(fold(performer_text))
        if values["performer"] is None:
            errors.append(
                _("đơn vị thực hiện “%(value)s” không nhận ra; ghi ví dụ: %(known)s.")
                % {"value": performer_text, "known": ", ".join(PERFORMER_SHOWN)}
                if performer_text
                else _("thiếu đơn vị thực hiện (ví dụ: %(known)s).") % {"known": ", ".join(PERFORMER_SHOWN)}
            )
        identifier = row.text("unit")
        values["unit"] = None
        if identifier and on is not None:
            values["unit"] = self.agency(identifier, on)
            if values["unit"] is None:
                errors.append(
                    _("không có đơn vị mang mã định danh “%(code)s” vào ngày %(day)s.")
                    % {"code": identifier, "day": on.strftime("%d/%m/%Y")}
                )
        elif not identifier and values["performer"] == Performer.PARTNER:
            errors.append(_("bước do cơ quan phối hợp thực hiện cần “Mã đơn vị” của cơ quan đó."))
        try:
            values["limit_amount"] = _amount(row.cells.get("amount")) if row.text("amount") else None
            if values["limit_amount"] is None:
                errors.append(_("thiếu thời gian của bước."))
        except ValueError as exc:
            errors.append(str(exc))
        unit_text = fold(row.text("time_unit"))
        if unit_text in HOURS_WORDS:
            values["limit_unit"] = LimitUnit.WORKING_HOURS
        elif unit_text in DAYS_WORDS:
            values["limit_unit"] = LimitUnit.WORKING_DAYS
        else:
            errors.append(
                _("đơn vị thời gian “%(value)s” không hiểu; ghi giờ hoặc ngày (làm việc).")
                % {"value": row.text("time_unit")}
                if unit_text
                else _("thiếu đơn vị thời gian (giờ hoặc ngày).")
            )
        for key, label in (("signature", _("Ký duyệt")), ("notify", _("Báo công dân"))):
            try:
                values[key] = _flag(row.cells.get(key), label)
            except ValueError as exc:
                errors.append(str(exc))
        try:
            values["send_back_to"] = _send_back(row.cells.get("send_back"))
        except ValueError as exc:
            errors.append(str(exc))
        else:
            wrong = [t for t in values["send_back_to"] if t < 1 or t >= (row.order or 1)]
            if wrong and row.order:
                errors.append(
                    _("bước %(order)s chỉ trả lại được về một bước trước nó (không về bước %(targets)s).")
                    % {"order": row.order, "targets": ", ".join(str(t) for t in wrong)}
                )
        output = row.text("output")
        if len(output) > 500:
            errors.append(_("cột “Kết quả, biểu mẫu” dài quá 500 ký tự."))
        if errors:
            return None
        return ProcessStep(
            order=values["order"],
            name=name,
            role=values["role"],
            performer=values["performer"],
            unit=values["unit"],
            limit_amount=values["limit_amount"],
            limit_unit=values["limit_unit"],
            needs_signature=values["signature"],
            notify_citizen=values["notify"],
            send_back_to=values["send_back_to"],
            output=output,
        )

    @staticmethod
    def _numbering(rows: list[Row]) -> list[RowError]:
        """Steps numbered 1, 2, 3… each once (rows whose number could not be read are reported already)."""
        errors = []
        lines_of: dict[int, int] = {}
        for row in rows:
            if row.order is None:
                continue
            if row.order in lines_of:
                errors.append(
                    RowError(
                        row.line,
                        _("bước %(order)s đã có ở dòng %(line)s.")
                        % {"order": row.order, "line": lines_of[row.order]},
                    )
                )
            else:
                lines_of[row.order] = row.line
        missing = [order for order in range(1, max(lines_of, default=0) + 1) if order not in lines_of]
        if missing:
            errors.append(
                RowError(
                    rows[0].line,
                    _("các bước phải đánh số liên tục từ 1: thiếu bước %(orders)s.")
                    % {"orders": ", ".join(str(order) for order in missing)},
                    rows[-1].line,
                )
            )
        return errors


# -- writing -----------------------------------------------------------------------------------------------------


def _step_key(step: ProcessStep) -> tuple:
    return (
        step.order,
        step.name,
        step.role,
        step.performer,
        step.unit_id,
        Decimal(step.limit_amount).normalize(),
        step.limit_unit,
        step.needs_signature,
        step.notify_citizen,
        tuple(step.send_back_to or ()),
        step.output,
    )


def _identical(existing: InternalProcess | None, checked: Checked, decision_number: str) -> bool:
    if existing is None:
        return False
    same_decision = (
        existing.decision_number,
        existing.decision_date,
        existing.decision_signer,
        existing.code,
    ) == (decision_number, checked.decision_date, checked.decision_signer, checked.code)
    if not same_decision:
        return False
    stored = [_step_key(s) for s in existing.steps.order_by("order")]
    return stored == [_step_key(s) for s in checked.steps]


def _write(checked: Checked, group: Group, result: ProcessResult, actor) -> None:
    existing = processes.process_for(checked.version, checked.level, checked.valid_from, exact=True)
    if _identical(existing, checked, group.decision_number):
        result.outcome, result.number = UNCHANGED, existing.number
        return
    draft = processes.new_draft(checked.version, level=checked.level, actor=actor)
    draft.steps.all().delete()  # new_draft starts from the process in force; the file gives every step
    draft.code, draft.note = checked.code, ""
    draft.save(update_fields=["code", "note"])
    for step in checked.steps:
        step.process = draft
    ProcessStep.objects.bulk_create(checked.steps)
    published = processes.publish(
        draft,
        valid_from=checked.valid_from,
        decision_number=group.decision_number,
        decision_date=checked.decision_date,
        decision_signer=checked.decision_signer,
        actor=actor,
        note=IMPORT_NOTE,
    )
    result.outcome, result.number = CREATED, published.number


def _refuse_same_day(checked_groups: list[tuple[Checked, Group, ProcessResult]]) -> None:
    """Two processes of one procedure and level from the same day: which one is approved is unclear (and the later
    would replace the earlier at every run), so neither is imported."""
    seen: dict[tuple, list[ProcessResult]] = {}
    for checked, group, result in checked_groups:
        seen.setdefault((group.procedure, checked.level, checked.valid_from), []).append(result)
    for results in seen.values():
        if len(results) < 2:
            continue
        for result in results:
            others = ", ".join(other.lines for other in results if other is not result)
            result.errors.append(
                RowError(
                    result.first_line,
                    _(
                        "quy trình cùng thủ tục, cùng cấp và cùng ngày hiệu lực với quy trình ở %(others)s; "
                        "mỗi ngày chỉ một quy trình được áp dụng."
                    )
                    % {"others": others},
                    result.last_line,
                )
            )


class _DryRun(Exception):
    pass


def import_processes(
    source: Path | BinaryIO, *, filename: str = "", actor=None, dry_run: bool = False
) -> ProcessImportSummary:
    """Import the processes of a spreadsheet; raises :class:`ImportFileError` (nothing written) when the file is
    not a process table. Each process is written in its own transaction; with ``dry_run`` nothing is kept."""
    started = time.monotonic()
    rows = read_table(source, filename)
    header_index, positions = find_columns(rows)
    groups, stray, count = group_rows(rows, header_index, positions)
    summary = ProcessImportSummary(stray_errors=stray, rows=count, dry_run=dry_run)
    checker = _Checker()
    checked_groups = []
    for group in groups:
        result = group.result()
        summary.results.append(result)
        checked = checker.check(group)
        result.errors = group.errors
        if checked is not None:
            checked_groups.append((checked, group, result))
    _refuse_same_day(checked_groups)
    checked_groups = [item for item in checked_groups if not item[2].errors]
    # a process replaces the one before it: the file's processes of one procedure and level go in date order
    checked_groups.sort(key=lambda item: (item[0].valid_from, item[2].first_line))
    for checked, group, result in checked_groups:
        try:
            with transaction.atomic():
                _write(checked, group, result, actor)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except ValidationError as exc:
            result.outcome, result.number = FAILED, None
            result.errors.append(RowError(result.first_line, " ".join(exc.messages), result.last_line))
    summary.seconds = time.monotonic() - started
    return summary


# -- the sample --------------------------------------------------------------------------------------------------

_SIGNER = "Phó Chủ tịch UBND tỉnh Lê Đức Giang"
_LAWYER = ("1.000688", "tỉnh", "QT-STP-01", "1520/QĐ-UBND", "20/06/2025", _SIGNER)
_LAND = ("1.012784", "", "QT-VPĐKĐĐ-07", "1521/QĐ-UBND", "20/06/2025", _SIGNER)
_ADOPTION = ("2.001255", "xã", "QT-XA-HT-12", "1522/QĐ-UBND", "20/06/2025", _SIGNER)
_RECEIPT = (
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01), Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"
)
_VALID = "01/07/2025"
_DIVISION = "000.01.03.H56"  # Phòng Hành chính tư pháp, Sở Tư pháp (demo province)
_TAX = "000.38.00.G12"  # Thuế tỉnh (demo province)

# (process, step, content, role, performer, unit, amount, time unit, signs, tells citizen, send back, output)
# fmt: off
SAMPLE_STEPS = [
    (_LAWYER, 1, "Tiếp nhận, kiểm tra, chuyển hồ sơ", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "", "", _RECEIPT),
    (_LAWYER, 2, "Phân công thụ lý", "Lãnh đạo phòng", "Phòng chuyên môn", _DIVISION, 4, "giờ", "", "", "", ""),
    (_LAWYER, 3, "Thẩm định hồ sơ, dự thảo kết quả", "Chuyên viên", "Phòng chuyên môn", _DIVISION, 11, "ngày", "", "", "2", "Dự thảo Chứng chỉ hành nghề luật sư, tờ trình"),
    (_LAWYER, 4, "Xem xét, trình ký", "Lãnh đạo phòng", "Phòng chuyên môn", _DIVISION, 1, "ngày", "", "", "3", ""),
    (_LAWYER, 5, "Ký duyệt kết quả", "Lãnh đạo cơ quan", "Lãnh đạo", "", 1, "ngày", "x", "", "3, 4", "Chứng chỉ hành nghề luật sư"),
    (_LAWYER, 6, "Vào số, phát hành kết quả", "Văn thư", "Cơ quan giải quyết", "", 4, "giờ", "", "", "", ""),
    (_LAWYER, 7, "Trả kết quả", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "x", "", "Sổ theo dõi hồ sơ (Mẫu 06)"),
    (_LAND, 1, "Tiếp nhận, kiểm tra, chuyển hồ sơ", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "", "", _RECEIPT),
    (_LAND, 2, "Phân công thụ lý", "Lãnh đạo phòng", "Cơ quan giải quyết", "", 4, "giờ", "", "", "", ""),
    (_LAND, 3, "Kiểm tra hồ sơ, trích đo, lập hồ sơ tách thửa", "Chuyên viên", "Cơ quan giải quyết", "", 6, "ngày", "", "", "2", "Mảnh trích đo địa chính"),
    (_LAND, 4, "Xác định nghĩa vụ tài chính", "Chuyên viên", "Cơ quan phối hợp", _TAX, 3, "ngày", "", "x", "", "Thông báo nộp tiền"),
    (_LAND, 5, "Ký duyệt kết quả", "Lãnh đạo cơ quan", "Lãnh đạo", "", 1, "ngày", "x", "", "3", "Giấy chứng nhận quyền sử dụng đất"),
    (_LAND, 6, "Vào số, phát hành kết quả", "Văn thư", "Cơ quan giải quyết", "", 4, "giờ", "", "", "", ""),
    (_LAND, 7, "Trả kết quả", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "x", "", ""),
    (_ADOPTION, 1, "Tiếp nhận, kiểm tra, chuyển hồ sơ", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "", "", _RECEIPT),
    (_ADOPTION, 2, "Thẩm định hồ sơ, dự thảo kết quả", "Chuyên viên", "UBND xã", "", 3, "ngày", "", "", "", "Dự thảo Trích lục đăng ký nuôi con nuôi"),
    (_ADOPTION, 3, "Ký duyệt kết quả", "Lãnh đạo cơ quan", "UBND xã", "", 4, "giờ", "x", "", "2", ""),
    (_ADOPTION, 4, "Vào sổ, phát hành kết quả", "Văn thư", "UBND xã", "", 4, "giờ", "", "", "", ""),
    (_ADOPTION, 5, "Trả kết quả", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "x", "", "Trích lục đăng ký nuôi con nuôi"),
]
# fmt: on


def sample_rows() -> list[list]:
    """The sample table: the header row, then one row per step (every cell of the process columns filled)."""
    rows = [list(HEADERS)]
    for process, *step in SAMPLE_STEPS:
        code, level, iso_code, number, date, signer = process
        rows.append([code, level, iso_code, number, date, signer, _VALID, *step])
    return rows


def write_sample(target: Path | BinaryIO = SAMPLE_FILE, rows: Iterable[list] | None = None) -> None:
    """Write the sample workbook (the layout officers fill in): a bold, frozen header and readable widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Quy trình nội bộ"
    for row in sample_rows() if rows is None else rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (12, 10, 14, 16, 14, 28, 14, 7, 40, 20, 20, 16, 9, 12, 9, 10, 10, 48)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.creator = "motcua"
    workbook.properties.created = SAMPLE_STAMP
    written = io.BytesIO()
    workbook.save(written)
    data = _fixed_times(written.getvalue())
    if isinstance(target, Path | str):
        Path(target).write_bytes(data)
    else:
        target.write(data)


SAMPLE_STAMP = dt.datetime(2025, 6, 20, 8, 0)


def _fixed_times(data: bytes) -> bytes:
    """The workbook with the save time (openpyxl writes now) replaced by a fixed one, in the document properties
    and the zip entries: the same rows give the same bytes."""
    stamp = SAMPLE_STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", content
                )
            copy.writestr(
                zipfile.ZipInfo(info.filename, date_time=SAMPLE_STAMP.timetuple()[:6]),
                content,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return output.getvalue()
