"""Biểu 06 as files: .xlsx in the official layout (openpyxl) and a landscape A4 PDF (fpdf2, embedded Liberation
Serif for the Vietnamese letters). Both draw the heading cells of ``bieu06.header()`` and the rows of the report;
the sheets are always in Vietnamese, like the official form."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils import timezone
from django.utils.translation import override

from motcua.reports.services import bieu06
from motcua.reports.services.bieu06 import COLUMNS, Report
from motcua.reports.services.units import TODAY

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
FONT = "Times New Roman"


def filename(report: Report, extension: str) -> str:
    form = "bieu-II06a" if report.variant == bieu06.CENTRE else "bieu-06"
    return (
        f"{form}_{report.unit.identifier}_{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}.{extension}"
    )


def _lines(report: Report) -> dict[str, str]:
    period = report.period
    mapping = (
        "Số liệu quy đổi theo đơn vị hiện nay (sau sắp xếp)."
        if report.mapping == TODAY
        else "Số liệu như tại thời điểm phát sinh."
    )
    through = ""
    if report.through < period.end:
        through = f" Số liệu đến hết ngày {report.through:%d/%m/%Y}."
    as_of = timezone.localtime(report.as_of or report.generated_at)
    return {
        "form": report.form_number,
        "basis": str(bieu06.LEGAL_BASIS),
        "title": report.title,
        "period": f"Kỳ báo cáo: {period.name()}"
        + (f" ({period.range_text()})" if period.kind != "custom" else ""),
        "unit": f"Đơn vị báo cáo: {report.unit.name}",
        "recipient": f"Đơn vị nhận báo cáo: {report.recipient}",
        "count": str(bieu06.UNIT_OF_COUNT),
        "as_of": f"Số liệu đến {as_of:%H:%M %d/%m/%Y}.",
        "note": f"{mapping}{through} {bieu06.NOTE}",
    }


# --- xlsx ----------------------------------------------------------------------------------------------------------

HEAD_ROW = 6  # first heading row of the table
WIDTHS = {1: 6, 2: 46} | {column.number: 12 for column in COLUMNS}  # by column number


def xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    with override("vi"):
        lines = _lines(report)
        cells = bieu06.header()
    book = Workbook()
    sheet = book.active
    sheet.title = "Biểu 06" if report.variant == bieu06.AGENCY else "Biểu II.06a"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    def put(
        row, col, text, *, bold=False, italic=False, align=centre, span=1, height=1, border=False, size=12
    ):
        cell = sheet.cell(row=row, column=col, value=text)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        cell.alignment = align
        if span > 1 or height > 1:
            sheet.merge_cells(
                start_row=row, start_column=col, end_row=row + height - 1, end_column=col + span - 1
            )
        if border:
            for r in range(row, row + height):
                for c in range(col, col + span):
                    sheet.cell(row=r, column=c).border = box
        return cell

    put(1, 1, lines["form"], bold=True, span=3, align=left)
    put(2, 1, lines["basis"], italic=True, span=3, height=2, align=left, size=11)
    put(1, 4, lines["title"], bold=True, span=6, height=2)
    put(3, 4, lines["period"], span=6)
    put(4, 4, lines["as_of"], italic=True, span=6, size=11)
    put(1, 10, lines["unit"], span=4, align=left, size=11)
    put(2, 10, lines["recipient"], span=4, align=left, size=11)
    put(3, 10, lines["count"], italic=True, span=4, align=left, size=11)
    sheet.row_dimensions[1].height = 32
    sheet.row_dimensions[2].height = 32
    for cell in cells:
        put(HEAD_ROW + cell.row, cell.column + 1, cell.text, bold=cell.row == 0, span=cell.colspan,
            height=cell.rowspan, border=True, size=11)  # fmt: skip
    numbers = HEAD_ROW + 3
    for n in bieu06.NUMBERS:
        put(numbers, n, f"({n})", italic=True, border=True, size=11)
    row = numbers + 1
    for item in report.rows:
        bold = item.kind in ("total", "level")
        put(row, 1, item.stt, bold=bold, border=True)
        put(row, 2, item.label, bold=bold, border=True, align=left)
        for column in COLUMNS:
            cell = put(row, column.number, item.values[column.number], bold=bold, border=True)
            cell.number_format = "#,##0"
            cell.alignment = Alignment(horizontal="right", vertical="center")
        row += 1
    put(row + 1, 1, lines["note"], italic=True, span=len(bieu06.NUMBERS), align=left, size=11)
    sheet.row_dimensions[row + 1].height = 44
    sign = row + 3
    put(sign, 10, "…, ngày … tháng … năm …", italic=True, span=4)
    put(sign + 1, 1, "NGƯỜI LẬP BIỂU", bold=True, span=3)
    put(sign + 2, 1, "(Ký, ghi rõ họ tên)", italic=True, span=3, size=11)
    put(sign + 1, 10, "THỦ TRƯỞNG ĐƠN VỊ", bold=True, span=4)
    put(sign + 2, 10, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, span=4, size=11)
    for col, width in WIDTHS.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    for r in range(HEAD_ROW, HEAD_ROW + 3):
        sheet.row_dimensions[r].height = 36
    sheet.freeze_panes = sheet.cell(row=numbers + 1, column=3)
    sheet.print_title_rows = f"{HEAD_ROW}:{numbers}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = f"{lines['form']} — {report.unit.name}"
    book.properties.creator = "motcua"
    book.properties.created = timezone.now().replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- pdf -----------------------------------------------------------------------------------------------------------

FONT_FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}


def font_dir() -> Path:
    """The embedded Vietnamese fonts: the documents app's Liberation Serif, else the system's copy."""
    shipped = Path(__file__).resolve().parents[2] / "documents" / "data" / "fonts"
    if (shipped / "LiberationSerif-Regular.ttf").exists():
        return shipped
    return Path("/usr/share/fonts/truetype/liberation")


def pdf(report: Report) -> bytes:
    from fpdf import FPDF

    with override("vi"):
        lines = _lines(report)
        cells = bieu06.header()
    doc = FPDF(orientation="L", unit="mm", format="A4")
    doc.set_margins(12, 12, 12)
    doc.set_auto_page_break(True, 14)
    doc.set_title(f"{lines['form']} — {report.unit.name}")
    doc.set_creator("motcua")
    doc.set_lang("vi")
    folder = font_dir()
    for style, name in FONT_FILES.items():
        doc.add_font("Serif", style, str(folder / f"LiberationSerif-{name}.ttf"))
    widths = [10, 73] + [17.6] * len(COLUMNS)  # 273 mm = A4 landscape minus the margins
    row_h = 6.0

    def heading():
        doc.set_font("Serif", "B", 10)
        x0, y0 = doc.l_margin, doc.get_y()
        level_h = [9.0, 7.0, 12.0]
        tops = [y0, y0 + level_h[0], y0 + level_h[0] + level_h[1]]
        for cell in cells:
            x = x0 + sum(widths[: cell.column])
            w = sum(widths[cell.column : cell.column + cell.colspan])
            h = sum(level_h[cell.row : cell.row + cell.rowspan])
            doc.rect(x, tops[cell.row], w, h)
            doc.set_font("Serif", "B" if cell.row == 0 else "", 9)
            count = len(doc.multi_cell(w - 1, 3.8, cell.text, dry_run=True, output="LINES"))
            doc.set_xy(x + 0.5, tops[cell.row] + max(0.3, (h - 3.8 * count) / 2))
            doc.multi_cell(w - 1, 3.8, cell.text, align="C", new_x="LEFT", new_y="TOP")
        doc.set_xy(x0, y0 + sum(level_h))
        doc.set_font("Serif", "I", 9)
        for n, w in zip(bieu06.NUMBERS, widths, strict=True):
            doc.cell(w, 5, f"({n})", border=1, align="C")
        doc.ln(5)

    doc.add_page()
    doc.set_font("Serif", "B", 11)
    top = doc.get_y()
    doc.multi_cell(70, 5, lines["form"], new_x="LEFT", new_y="NEXT")
    doc.set_font("Serif", "I", 9)
    doc.multi_cell(70, 4.2, lines["basis"], new_x="LEFT", new_y="NEXT")
    doc.set_xy(doc.l_margin + 72, top)
    doc.set_font("Serif", "B", 12)
    doc.multi_cell(130, 5.5, lines["title"], align="C", new_x="LEFT", new_y="NEXT")
    doc.set_font("Serif", "", 11)
    doc.multi_cell(130, 5.5, lines["period"], align="C", new_x="LEFT", new_y="NEXT")
    doc.set_font("Serif", "I", 10)
    doc.multi_cell(130, 5, lines["as_of"], align="C", new_x="LEFT", new_y="NEXT")
    bottom = doc.get_y()
    doc.set_xy(doc.l_margin + 204, top)
    doc.set_font("Serif", "", 9.5)
    for key in ("unit", "recipient", "count"):
        doc.set_font("Serif", "I" if key == "count" else "", 9.5)
        doc.multi_cell(69, 4.5, lines[key], new_x="LEFT", new_y="NEXT")
    doc.set_y(max(bottom, doc.get_y()) + 4)
    heading()
    for item in report.rows:
        if doc.will_page_break(row_h):
            doc.add_page()
            heading()
        bold = "B" if item.kind in ("total", "level") else ""
        doc.set_font("Serif", bold, 9.5)
        doc.cell(widths[0], row_h, item.stt, border=1, align="C")
        label = item.label
        while doc.get_string_width(label) > widths[1] - 2 and len(label) > 4:
            label = label[:-2].rstrip() + "…"
        doc.cell(widths[1], row_h, label, border=1)
        for column, width in zip(COLUMNS, widths[2:], strict=True):
            doc.cell(width, row_h, f"{item.values[column.number]:,}".replace(",", "."), border=1, align="R")
        doc.ln(row_h)
    doc.ln(2)
    doc.set_font("Serif", "I", 8.5)
    doc.multi_cell(0, 4, lines["note"])
    if doc.will_page_break(20):
        doc.add_page()
    doc.ln(3)
    y = doc.get_y()
    doc.set_font("Serif", "B", 10.5)
    doc.set_xy(doc.l_margin, y + 5)
    doc.cell(90, 5, "NGƯỜI LẬP BIỂU", align="C")
    doc.set_xy(doc.l_margin + 183, y)
    doc.set_font("Serif", "I", 10)
    doc.cell(90, 5, "…, ngày … tháng … năm …", align="C")
    doc.set_xy(doc.l_margin + 183, y + 5)
    doc.set_font("Serif", "B", 10.5)
    doc.cell(90, 5, "THỦ TRƯỞNG ĐƠN VỊ", align="C")
    doc.set_font("Serif", "I", 9.5)
    doc.set_xy(doc.l_margin, y + 10)
    doc.cell(90, 5, "(Ký, ghi rõ họ tên)", align="C")
    doc.set_xy(doc.l_margin + 183, y + 10)
    doc.cell(90, 5, "(Ký, ghi rõ họ tên, đóng dấu)", align="C")
    return bytes(doc.output())
