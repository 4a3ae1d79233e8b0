"""Blocks (``documents.layout``) to a print-ready A4 PDF with ``fpdf2`` (pure Python).

Presentation follows ND 30/2020/NĐ-CP for administrative documents: A4, margins top 20 mm, bottom 20 mm, left 30 mm,
right 15 mm; Times-metric serif type (Liberation Serif, embedded and subset, full Vietnamese coverage), body 13 pt;
the national header in two columns with the short rules under the agency name and under the motto.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from motcua.documents.layout import Block, Line, Run, all_bold, runs
from motcua.documents.render import flow
from motcua.documents.render.codes import code128_bars, code128_width, qr_matrix

logging.getLogger("fontTools").setLevel(logging.WARNING)  # its subsetter logs every glyph at INFO

FONT_DIR = Path(__file__).resolve().parents[1] / "data" / "fonts"
FONT = "LiberationSerif"
FONT_FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM = 30.0, 20.0, 15.0, 20.0
BODY, SMALL, TITLE, SUBTITLE, HEADER, TABLE = 13.0, 11.0, 14.0, 13.0, 12.5, 12.0
LINE = 1.3  # line height, times the font size
PT = 0.3528  # mm per point
ALIGN = {"J": "J", "L": "L", "C": "C", "R": "R"}
TABLE_ALIGN = {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}
SIGNATURE_SPACE = 22.0  # mm between the titles of a signature column and the signer's name
BAR_MODULE, BAR_HEIGHT, QR_SIZE = 0.26, 11.0, 24.0


@dataclass
class Codes:
    """What the ``@codes`` block draws: the dossier code (barcode) and the tracking URL (QR)."""

    code: str
    url: str


def _style(line: Line) -> str:
    bold = any(r.bold for r in line)
    italic = any(r.italic for r in line)
    return ("B" if bold else "") + ("I" if italic else "")


def _text(line: Line) -> str:
    return "".join(r.text for r in line)


class _Pages(FPDF):
    """An FPDF whose pages after the first carry a running header (a controlled document's code, edition and page:
    ``{page}`` and fpdf2's ``{nb}``, the number of pages)."""

    running = ""

    def header(self):
        if not self.running or self.page_no() == 1:
            return
        self.set_font(FONT, "I", 9)
        self.set_xy(self.l_margin, 10)
        self.cell(self.epw, 4, self.running.replace("{page}", str(self.page_no())), align="R")
        self.set_line_width(0.2)
        self.line(self.l_margin, 14.8, self.l_margin + self.epw, 14.8)
        self.set_xy(self.l_margin, self.t_margin)


@lru_cache(maxsize=1)
def font_paths() -> dict[str, str]:
    return {style: str(FONT_DIR / f"LiberationSerif-{name}.ttf") for style, name in FONT_FILES.items()}


class PdfForm:
    def __init__(
        self,
        title: str,
        codes: Codes | None,
        styles: set[str] | None = None,
        *,
        steps: list[flow.FlowStep] | None = None,
        running: str = "",
    ):
        self.codes = codes
        self.steps = steps
        pdf = _Pages(orientation="P", unit="mm", format="A4")
        pdf.running = running
        pdf.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
        pdf.set_auto_page_break(True, MARGIN_BOTTOM)
        pdf.set_title(title)
        pdf.set_creator("motcua")
        pdf.set_lang("vi")
        pdf.c_margin = 0
        for style, path in font_paths().items():
            if styles is None or style in styles:  # each embedded font costs parsing and subsetting time
                pdf.add_font(FONT, style, path)
        pdf.set_font(FONT, "", BODY)
        pdf.add_page()
        self.pdf = pdf

    # --- helpers -------------------------------------------------------------------------------------------------

    def _height(self, size: float) -> float:
        return size * PT * LINE

    def _room(self, needed: float) -> None:
        if self.pdf.get_y() + needed > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def _rich(self, lines: list[Line], *, size: float, align: str = "J", space_after: float = 1.2) -> None:
        """A paragraph of styled runs (bold, italic), wrapped and aligned; ``lines`` are hard line breaks."""
        pdf = self.pdf
        if not any(lines):
            return
        pdf.set_font(FONT, "", size)
        with (
            pdf.text_columns(text_align=ALIGN.get(align, "J"), line_height=LINE) as columns,
            columns.paragraph(bottom_margin=space_after) as paragraph,
        ):
            for n, line in enumerate(lines):
                if n:
                    paragraph.write("\n")
                for run in line:
                    pdf.set_font(FONT, ("B" if run.bold else "") + ("I" if run.italic else ""), size)
                    paragraph.write(run.text)
        pdf.set_font(FONT, "", size)
        pdf.set_x(pdf.l_margin)

    # --- blocks --------------------------------------------------------------------------------------------------

    def draw(self, blocks: list[Block]) -> bytes:
        for block in blocks:
            getattr(self, f"_b_{block.kind}")(block)
        return bytes(self.pdf.output())

    def _b_paragraph(self, block: Block) -> None:
        self._rich(block.lines, size=BODY, align=block.align)

    def _b_small(self, block: Block) -> None:
        self._rich(block.lines, size=SMALL, align="J", space_after=0.6)

    def _b_title(self, block: Block) -> None:
        self.pdf.ln(4)
        bold = [[Run(r.text, True, r.italic) for r in line] for line in block.lines]
        self._rich(bold, size=TITLE, align="C", space_after=1.5)

    def _b_subtitle(self, block: Block) -> None:
        bold = [[Run(r.text, True, r.italic) for r in line] for line in block.lines]
        self._rich(bold, size=SUBTITLE, align="C", space_after=1.5)

    def _b_kv(self, block: Block) -> None:
        value = runs(block.value) if block.value.strip() else [[Run("…" * 20)]]
        label = runs(block.label)
        first = label[-1] + [Run(": ")] + value[0] if label else value[0]
        self._rich([*label[:-1], first, *value[1:]], size=BODY, align="L")

    def _b_item(self, block: Block) -> None:
        lines = [list(line) for line in block.lines] or [[]]
        lines[0].insert(0, Run(f"{block.number}. "))
        self._rich(lines, size=BODY, align="J")

    def _b_bullet(self, block: Block) -> None:
        lines = [list(line) for line in block.lines] or [[]]
        lines[0].insert(0, Run("- "))
        self._rich(lines, size=BODY, align="J")

    def _b_space(self, block: Block) -> None:
        self.pdf.ln(block.size)

    def _b_pagebreak(self, block: Block) -> None:
        self.pdf.add_page()

    def _b_header(self, block: Block) -> None:
        pdf = self.pdf
        top = pdf.get_y()
        width = pdf.epw
        left_w = width * 0.42
        bottom_left = self._column(block.left, pdf.l_margin, left_w, top, shrink=False, rule_share=0.4)
        bottom_right = self._column(
            block.right, pdf.l_margin + left_w, width - left_w, top, shrink=True, rule_share=1.0
        )
        pdf.set_xy(pdf.l_margin, max(bottom_left, bottom_right) + 5)

    def _column(self, entries, x: float, w: float, y: float, *, shrink: bool, rule_share: float) -> float:
        pdf = self.pdf
        for lines, rule in entries:
            widest = 0.0
            for line in lines:
                text = _text(line)
                if not text.strip():
                    continue
                style = _style(line)
                size = HEADER
                pdf.set_font(FONT, style, size)
                if shrink:
                    while size > 10.5 and pdf.get_string_width(text) > w:
                        size -= 0.5
                        pdf.set_font(FONT, style, size)
                pdf.set_xy(x, y)
                pdf.multi_cell(w, self._height(size), text, align="C", new_x="LEFT", new_y="NEXT")
                widest = max(widest, min(pdf.get_string_width(text), w))
                y = pdf.get_y()
            if rule and widest:
                length = widest * rule_share
                pdf.set_line_width(0.3)
                pdf.line(x + (w - length) / 2, y + 0.6, x + (w + length) / 2, y + 0.6)
                y += 2.0
        pdf.set_font(FONT, "", BODY)
        return y

    def _b_table(self, block: Block) -> None:
        pdf = self.pdf
        from motcua.documents.layout import strip_markup

        pdf.set_font(FONT, "", TABLE)
        pdf.set_line_width(0.2)
        aligns = tuple(TABLE_ALIGN[a] for a in block.aligns)
        with pdf.table(
            col_widths=tuple(block.widths),
            width=pdf.epw,
            align="LEFT",
            text_align=aligns,
            line_height=self._height(TABLE) * 0.95,
            first_row_as_headings=bool(block.head),
            num_heading_rows=max(1, len(block.head)),
            headings_style=FontFace(emphasis="BOLD"),
            padding=(0.8, 1.2),
            v_align="MIDDLE",
        ) as table:
            for row in block.head:
                cells = table.row()
                for text in row:
                    cells.cell(strip_markup(text), align="CENTER")
            for row in block.rows:
                cells = table.row()
                for text in row:
                    bold = FontFace(emphasis="BOLD") if all_bold(text) else None
                    cells.cell(strip_markup(text), style=bold)
        pdf.ln(2)
        pdf.set_font(FONT, "", BODY)

    def _b_sign(self, block: Block) -> None:
        pdf = self.pdf
        columns = block.sign
        self._room(SIGNATURE_SPACE + 30)
        pdf.ln(2)
        top = pdf.get_y()
        width = pdf.epw / max(1, len(columns))
        bottom = top
        for n, column in enumerate(columns):
            x = pdf.l_margin + n * width
            y = top
            named = False
            for style, text in column:
                lines = runs(text)
                if not any(lines):
                    continue
                if style == "N" and not named:
                    y += SIGNATURE_SPACE
                    named = True
                if len(lines) > 1:  # a list (e.g. “Nơi nhận”): small, left-aligned
                    for line in lines:
                        pdf.set_font(FONT, _style(line), SMALL)
                        pdf.set_xy(x, y)
                        pdf.multi_cell(width - 4, self._height(SMALL) * 0.9, _text(line), align="L")
                        y = pdf.get_y()
                    continue
                line = lines[0]
                weight = {"B": "B", "I": "I", "N": "B"}[style]
                pdf.set_font(FONT, weight if not _style(line) else _style(line), BODY)
                pdf.set_xy(x, y)
                pdf.multi_cell(width, self._height(BODY), _text(line), align="C")
                y = pdf.get_y()
            bottom = max(bottom, y)
        pdf.set_xy(pdf.l_margin, bottom + 2)
        pdf.set_font(FONT, "", BODY)

    def _b_flow(self, block: Block) -> None:
        """The flow diagram of the steps under its heading, from the current line (the heading moves with the
        diagram when it starts on the next page; a diagram taller than a page continues on the next ones)."""
        if not self.steps:
            return
        pdf = self.pdf
        heading = self._height(BODY) * len(block.lines) + 2.0 if block.lines else 0.0
        page = pdf.page_break_trigger - pdf.t_margin
        parts = flow.layout(
            self.steps, pdf.epw, page - heading, pdf.page_break_trigger - pdf.get_y() - heading
        )
        for n, diagram in enumerate(parts):
            if n:
                pdf.add_page()
            if not diagram.height:
                continue
            if block.lines and (n == 0 or not parts[0].height and n == 1):
                bold = [[Run(r.text, True, r.italic) for r in line] for line in block.lines]
                self._rich(bold, size=BODY, align="L")
            top = pdf.get_y()
            flow.draw_pdf(pdf, diagram, pdf.l_margin, top)
            pdf.set_xy(pdf.l_margin, top + diagram.height + 2)
        pdf.set_font(FONT, "", BODY)

    def _b_codes(self, block: Block) -> None:
        if self.codes is None or not self.codes.code:
            return
        pdf = self.pdf
        self._room(QR_SIZE + 4)
        top = pdf.get_y() + 1
        x0 = pdf.l_margin
        code = self.codes.code
        for offset, width in code128_bars(code):
            pdf.rect(x0 + offset * BAR_MODULE, top + 2, width * BAR_MODULE, BAR_HEIGHT, style="F")
        bar_width = code128_width(code) * BAR_MODULE
        pdf.set_font(FONT, "", 10)
        pdf.set_xy(x0, top + 2 + BAR_HEIGHT + 0.5)
        pdf.cell(bar_width, 4, code, align="C")
        if self.codes.url:
            matrix = qr_matrix(self.codes.url)
            modules = len(matrix) + 8  # the quiet zone: 4 modules on each side
            size = QR_SIZE / modules
            qx = pdf.l_margin + pdf.epw - QR_SIZE
            for r, row in enumerate(matrix):
                c = 0
                while c < len(row):
                    if row[c]:
                        start = c
                        while c < len(row) and row[c]:
                            c += 1
                        pdf.rect(
                            qx + (start + 4) * size, top + (r + 4) * size, (c - start) * size, size, style="F"
                        )
                    else:
                        c += 1
            pdf.set_font(FONT, "I", 9)
            pdf.set_xy(qx - 62, top + QR_SIZE / 2 - 4)
            pdf.multi_cell(60, 4, "Quét mã QR để tra cứu\ntình trạng hồ sơ trực tuyến", align="R")
        pdf.set_xy(pdf.l_margin, top + QR_SIZE + 1)
        pdf.set_font(FONT, "", BODY)


def styles_used(blocks: list[Block]) -> set[str]:
    """The font styles the blocks need: regular, bold and italic always (header, signatures); bold italic only
    when a text asks for it."""
    styles = {"", "B", "I"}
    texts = [line for b in blocks for line in b.lines]
    texts += [line for b in blocks for lines, _rule in (*b.left, *b.right) for line in lines]
    texts += [line for b in blocks for column in b.sign for _style, text in column for line in runs(text)]
    texts += [line for b in blocks if b.kind == "kv" for line in runs(b.value)]
    if any(r.bold and r.italic for line in texts for r in line):
        styles.add("BI")
    return styles


def render_pdf(
    blocks: list[Block],
    *,
    title: str,
    codes: Codes | None = None,
    created=None,
    steps: list[flow.FlowStep] | None = None,
    running: str = "",
) -> bytes:
    """The PDF of ``blocks``; ``steps`` are drawn where the layout says ``@flow``, and ``running`` (with
    ``{page}`` and ``{nb}``) heads every page after the first."""
    form = PdfForm(title, codes, styles_used(blocks), steps=steps, running=running)
    if created is not None:
        form.pdf.set_creation_date(created)  # a re-render of the same issued form gives the same file
    return form.draw(blocks)
