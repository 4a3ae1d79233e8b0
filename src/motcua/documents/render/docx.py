"""Blocks (``documents.layout``) to an editable Word document (.docx) with ``python-docx``: the same blocks and
page as the PDF (A4, ND 30/2020 margins, 13 pt serif). The font is named “Times New Roman”, the official font of
administrative documents, which every office has and which Word and LibreOffice render with Vietnamese letters
(LibreOffice substitutes the metric-compatible Liberation Serif that the PDF embeds)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from PIL import Image, ImageDraw

from motcua.documents.layout import Block, Line, Run, all_bold, runs, strip_markup
from motcua.documents.render import flow
from motcua.documents.render.codes import QUIET_ZONE, code128_bars, code128_width, qr_matrix
from motcua.documents.render.pdf import (
    BODY,
    HEADER,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    SMALL,
    SUBTITLE,
    TABLE,
    TITLE,
    Codes,
)

FONT = "Times New Roman"
ALIGN = {
    "J": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "L": WD_ALIGN_PARAGRAPH.LEFT,
    "C": WD_ALIGN_PARAGRAPH.CENTER,
    "R": WD_ALIGN_PARAGRAPH.RIGHT,
}
CONTENT_WIDTH = 210 - MARGIN_LEFT - MARGIN_RIGHT  # mm


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _spacing(paragraph, before: float = 0, after: float = 2, line: float = 1.15) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line


def _write(paragraph, lines: list[Line], size: float, *, bold: bool = False, italic: bool = False) -> None:
    for n, line in enumerate(lines):
        if n:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        for part in line:
            _font(paragraph.add_run(part.text), size, bold or part.bold, italic or part.italic)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _rule(cell, share: float) -> None:
    """A short centred rule: an empty paragraph, indented to ``share`` of the cell, with a top border."""
    paragraph = cell.add_paragraph()
    _spacing(paragraph, 0, 2, 1.0)
    width = cell.width.mm if cell.width else CONTENT_WIDTH / 2
    indent = Mm(width * (1 - share) / 2)
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    p_pr.append(borders)
    _font(paragraph.add_run(""), 2)


def _png(image: Image.Image) -> io.BytesIO:
    out = io.BytesIO()
    image.save(out, format="PNG")
    out.seek(0)
    return out


def barcode_png(code: str, module_px: int = 3, height_px: int = 110) -> io.BytesIO:
    image = Image.new("1", (code128_width(code) * module_px, height_px), 1)
    draw = ImageDraw.Draw(image)
    for offset, width in code128_bars(code):
        draw.rectangle([offset * module_px, 0, (offset + width) * module_px - 1, height_px - 1], fill=0)
    return _png(image)


def qr_png(payload: str, module_px: int = 8) -> io.BytesIO:
    matrix = qr_matrix(payload)
    size = (len(matrix) + 8) * module_px
    image = Image.new("1", (size, size), 1)
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + 4) * module_px, (r + 4) * module_px
                draw.rectangle([x, y, x + module_px - 1, y + module_px - 1], fill=0)
    return _png(image)


def _field(paragraph, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``, showing “1” until Word or LibreOffice updates it."""
    element = OxmlElement("w:fldSimple")
    element.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    _font(run, size, italic=True)
    element.append(run._r)
    paragraph._p.append(element)


class DocxForm:
    def __init__(self, title: str, codes: Codes | None, *, steps=None, running: str = ""):
        self.codes = codes
        self.steps = steps
        document = Document()
        document.core_properties.title = title
        document.core_properties.language = "vi-VN"
        document.core_properties.author = "motcua"
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
        normal = document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "vi-VN")
        normal.element.get_or_add_rPr().append(lang)
        self.document = document
        if running:
            self._running(running)

    def _running(self, running: str) -> None:
        """The header of every page after the first: ``running`` with ``{page}`` and ``{nb}`` as Word fields."""
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        section.header_distance = Mm(10)
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _spacing(paragraph, 0, 0, 1.0)
        text = running
        while text:
            head, marker, text = _split_field(text)
            if head:
                _font(paragraph.add_run(head), 9, italic=True)
            if marker:
                _field(paragraph, marker, 9)

    def draw(self, blocks: list[Block]) -> bytes:
        for block in blocks:
            getattr(self, f"_b_{block.kind}")(block)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _para(self, lines: list[Line], size: float = BODY, align: str = "J", **style):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
        _spacing(paragraph)
        _write(paragraph, lines, size, **style)
        return paragraph

    def _b_paragraph(self, block: Block) -> None:
        self._para(block.lines, align=block.align)

    def _b_small(self, block: Block) -> None:
        self._para(block.lines, size=SMALL)

    def _b_title(self, block: Block) -> None:
        paragraph = self._para(block.lines, size=TITLE, align="C", bold=True)
        _spacing(paragraph, before=10, after=3)

    def _b_subtitle(self, block: Block) -> None:
        self._para(block.lines, size=SUBTITLE, align="C", bold=True)

    def _b_kv(self, block: Block) -> None:
        value = runs(block.value) if block.value.strip() else [[Run("…" * 20)]]
        label = runs(block.label)
        first = label[-1] + [Run(": ")] + value[0] if label else value[0]
        self._para([*label[:-1], first, *value[1:]], align="L")

    def _b_item(self, block: Block) -> None:
        lines = [list(line) for line in block.lines] or [[]]
        lines[0].insert(0, Run(f"{block.number}. "))
        self._para(lines)

    def _b_bullet(self, block: Block) -> None:
        lines = [list(line) for line in block.lines] or [[]]
        lines[0].insert(0, Run("- "))
        self._para(lines)

    def _b_space(self, block: Block) -> None:
        paragraph = self.document.add_paragraph()
        _spacing(paragraph, 0, 0, 1.0)
        paragraph.paragraph_format.space_after = Mm(block.size)

    def _b_pagebreak(self, block: Block) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _b_header(self, block: Block) -> None:
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = (CONTENT_WIDTH * 0.42, CONTENT_WIDTH * 0.58)
        for cell, width, entries, share in zip(
            table.rows[0].cells, widths, (block.left, block.right), (0.4, 0.8), strict=True
        ):
            cell.width = Mm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            for lines, rule in entries:
                paragraph = cell.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _spacing(paragraph, 0, 0, 1.0)
                _write(paragraph, lines, HEADER)
                if rule:
                    _rule(cell, share)
            if not cell.paragraphs:
                cell.add_paragraph()
        self.document.add_paragraph()

    def _b_table(self, block: Block) -> None:
        head, rows = block.head, block.rows
        table = self.document.add_table(rows=len(head) + len(rows), cols=len(block.widths))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        total = sum(block.widths)
        widths = [Mm(CONTENT_WIDTH * w / total) for w in block.widths]
        for r, values in enumerate([*head, *rows]):
            row = table.rows[r]
            heading = r < len(head)
            if heading:  # repeated at the top of each page
                marker = OxmlElement("w:tblHeader")
                marker.set(qn("w:val"), "true")
                row._tr.get_or_add_trPr().append(marker)
            for c, text in enumerate(values):
                cell = row.cells[c]
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                paragraph.alignment = ALIGN["C" if heading else block.aligns[c]]
                _spacing(paragraph, 1, 1, 1.0)
                lines = [[Run(part)] for part in strip_markup(text).split("\n")]
                _write(paragraph, lines, TABLE, bold=heading or all_bold(text))
        self.document.add_paragraph()

    def _b_sign(self, block: Block) -> None:
        columns = block.sign
        table = self.document.add_table(rows=1, cols=max(1, len(columns)))
        _no_borders(table)
        for cell, column in zip(table.rows[0].cells, columns, strict=False):
            cell.width = Mm(CONTENT_WIDTH / max(1, len(columns)))
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            named = False
            for style, text in column:
                lines = runs(text)
                if not any(lines):
                    continue
                paragraph = cell.add_paragraph()
                _spacing(paragraph, 0, 0, 1.0)
                if len(lines) > 1:  # a list (e.g. “Nơi nhận”): small, left-aligned
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    _write(paragraph, lines, SMALL)
                    continue
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if style == "N" and not named:
                    paragraph.paragraph_format.space_before = Pt(62)
                    named = True
                _write(paragraph, lines, BODY, bold=style in ("B", "N"), italic=style == "I")
            if not cell.paragraphs:
                cell.add_paragraph()

    def _b_flow(self, block: Block) -> None:
        """The flow diagram as pictures drawn on the server (one per part that fits a page)."""
        if not self.steps:
            return
        page = 297 - MARGIN_TOP - MARGIN_BOTTOM - 12  # less the running header's room and the picture's line
        if block.lines:  # the heading, kept on the page of the picture
            heading = self._para(block.lines, align="L", bold=True)
            heading.paragraph_format.keep_with_next = True
            page -= 8
        for diagram in flow.layout(self.steps, CONTENT_WIDTH, page):
            if not diagram.height:
                continue
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _spacing(paragraph, 0, 2, 1.0)
            paragraph.add_run().add_picture(flow.png(diagram), width=Mm(diagram.width))

    def _b_codes(self, block: Block) -> None:
        if self.codes is None or not self.codes.code:
            return
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        left, right = table.rows[0].cells
        left.width, right.width = Mm(CONTENT_WIDTH * 0.7), Mm(CONTENT_WIDTH * 0.3)
        bar_width = code128_width(self.codes.code) * 0.26
        paragraph = left.paragraphs[0]
        paragraph.add_run().add_picture(barcode_png(self.codes.code), width=Mm(bar_width), height=Mm(11))
        caption = left.add_paragraph()
        _font(caption.add_run(self.codes.code), 10)
        caption.paragraph_format.left_indent = Mm(QUIET_ZONE * 0.26)
        if self.codes.url:
            paragraph = right.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run().add_picture(qr_png(self.codes.url), width=Mm(24), height=Mm(24))
            note = right.add_paragraph()
            note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(note.add_run("Quét mã QR để tra cứu tình trạng hồ sơ"), 9, italic=True)


_FIELDS = {"{page}": "PAGE", "{nb}": "NUMPAGES"}


def _split_field(text: str) -> tuple[str, str, str]:
    """``text`` up to its first ``{page}``/``{nb}``, that field's instruction, and the rest."""
    found = [(text.find(marker), marker) for marker in _FIELDS if marker in text]
    if not found:
        return text, "", ""
    at, marker = min(found)
    return text[:at], _FIELDS[marker], text[at + len(marker) :]


def render_docx(
    blocks: list[Block],
    *,
    title: str,
    codes: Codes | None = None,
    steps: list[flow.FlowStep] | None = None,
    running: str = "",
) -> bytes:
    return DocxForm(title, codes, steps=steps, running=running).draw(blocks)
