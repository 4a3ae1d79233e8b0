"""The flow diagram of an internal process (lưu đồ), laid out once in millimetres and drawn by both renderers: with
fpdf2's drawing primitives in the PDF (:func:`draw_pdf`) and as a PNG made with Pillow for the .docx
(:func:`png`).

The layout is the one of Vietnamese ISO 9001 procedure documents: three columns — who is responsible, the flow, the
time — one box per step in the middle column, a solid arrow from each step to the next, and a dashed arrow from a
step back to each step it may send the dossier back to, routed in its own lane to the right of the boxes. Text is
wrapped with the metrics of the embedded font (Liberation Serif), so the PDF and the PNG break lines alike.

A process too tall for one page is cut into parts that each fit (:func:`layout` returns one diagram per part): a
part ends with an arrow to “(tiếp theo)” and the next starts with an arrow from “(tiếp theo)”; a send-back whose
target is in an earlier part ends at the top of its lane with the target's number.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path as FilePath

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = FilePath(__file__).resolve().parents[1] / "data" / "fonts"
FONT = "LiberationSerif"  # the PDF's embedded font (``render.pdf``), measured here with the same file
PT = 0.3528  # mm per point

TEXT, SMALL = 10.5, 9.0  # pt: box and column text, header and notes
LINE = 1.22  # line height, times the font size
PAD = 1.6  # mm inside a box
GAP = 8.0  # mm between two boxes (the arrow)
MIN_BOX = 11.0  # mm
LANE = 6.0  # mm between two send-back lanes
ARROW = 2.2  # mm: length of an arrowhead
HEAD = 9.0  # mm: the header row
TERMINAL_W, TERMINAL_H = 34.0, 8.0


@dataclass(frozen=True)
class FlowStep:
    order: int
    name: str
    responsible: str  # who does it (role and unit), as printed in the left column
    time: str  # its share of the time limit
    back: tuple[int, ...] = ()  # the orders of the earlier steps it may send the dossier back to


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    rounded: bool = False


@dataclass
class Label:
    x: float
    y: float  # top of the first line
    w: float
    lines: list[str]
    size: float = TEXT
    bold: bool = False
    italic: bool = False
    align: str = "C"  # L, C, R


@dataclass
class Path:
    points: list[tuple[float, float]]
    dashed: bool = False
    arrow: bool = True  # an arrowhead at the last point


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # thin lines (the frame)


# --- text metrics (the embedded font, read by FreeType) -------------------------------------------------------------

_STYLE_FILE = {
    (False, False): "Regular",
    (True, False): "Bold",
    (False, True): "Italic",
    (True, True): "BoldItalic",
}


@lru_cache(maxsize=8)
def _font(bold: bool, italic: bool, px: int = 200) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / f"{FONT}-{_STYLE_FILE[bold, italic]}.ttf"), px)


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The width of ``text`` in millimetres at ``size`` points."""
    return _font(bold, italic).getlength(text) / 200 * size * PT


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` mm (a word longer than the width is cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(word, size, bold) > width:  # a very long word: cut it
                cut = len(word)
                while cut > 1 and text_width(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _height(lines: int, size: float) -> float:
    return lines * size * PT * LINE


# --- layout ----------------------------------------------------------------------------------------------------------


def _lanes(edges: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """A lane for each send-back (source, target): the shortest spans nearest the boxes; spans that do not overlap
    share a lane."""
    taken: list[list[tuple[int, int]]] = []
    lane_of = {}
    for source, target in sorted(edges, key=lambda e: (e[0] - e[1], e[0])):
        for n, spans in enumerate(taken):
            if all(source <= lo or target >= hi for lo, hi in spans):
                spans.append((target, source))
                lane_of[source, target] = n
                break
        else:
            taken.append([(target, source)])
            lane_of[source, target] = len(taken) - 1
    return lane_of


def layout(
    steps: list[FlowStep], width: float, page_height: float, first_height: float | None = None
) -> list[Diagram]:
    """The diagram of ``steps`` in parts: the first no taller than ``first_height`` (the room left on the current
    page; if no step fits there, the first part starts on a new page) and each next no taller than
    ``page_height``."""
    orders = {s.order for s in steps}
    edges = [(s.order, t) for s in steps for t in s.back if t in orders and t < s.order]
    lane_of = _lanes(edges)
    lanes = max(lane_of.values(), default=-1) + 1
    resp_w = width * 0.24
    time_w = width * 0.15
    lane_room = max(6.0, min(lanes, 5) * LANE + 5.0)
    box_x = resp_w + 4.0
    box_w = width - resp_w - time_w - 8.0 - lane_room
    time_x = width - time_w
    lane_x = [box_x + box_w + 5.0 + n * min(LANE, (lane_room - 5.0) / max(1, lanes)) for n in range(lanes)]

    # the height of each step's row
    arrows = {s.order: 0 for s in steps}  # send-backs leaving or entering each box: room for each on its side
    for source, target in edges:
        arrows[source] += 1
        arrows[target] += 1
    rows = []
    for step in steps:
        name = wrap(f"B{step.order}. {step.name}", box_w - 2 * PAD, TEXT)
        resp = wrap(step.responsible, resp_w - 2.0, TEXT)
        time = wrap(step.time, time_w - 2.0, TEXT)
        h = max(
            MIN_BOX,
            _height(len(name), TEXT) + 2 * PAD,
            _height(max(len(resp), len(time)), TEXT) + 2.0,
            3.5 * arrows[step.order] + 3.0,
        )
        rows.append((step, name, resp, time, h))

    parts = _parts([h for *_texts, h in rows], page_height, first_height)
    diagrams = []
    for indices in parts:
        if not indices:
            diagrams.append(Diagram(width, 0.0))
            continue
        first, last = indices[0] == 0, indices[-1] == len(rows) - 1
        d = Diagram(width, 0.0)
        # the header row
        for x, w, text in (
            (0.0, resp_w, "Trách nhiệm"),
            (box_x, box_w, "Lưu đồ"),
            (time_x, time_w, "Thời gian"),
        ):
            d.labels.append(Label(x, 2.0, w, [text], size=TEXT, bold=True))
        y = HEAD
        centre = box_x + box_w / 2
        if first:
            d.boxes.append(Box(centre - TERMINAL_W / 2, y, TERMINAL_W, TERMINAL_H, rounded=True))
            d.labels.append(
                Label(centre - TERMINAL_W / 2, _middle(y, TERMINAL_H, 1), TERMINAL_W, ["Bắt đầu"])
            )
            y += TERMINAL_H
        else:
            d.labels.append(
                Label(centre + 2.0, y, box_w / 2, ["(tiếp theo)"], size=SMALL, italic=True, align="L")
            )
            y += 2.0
        top_of: dict[int, tuple[float, float]] = {}  # order → (top, height) of its box in this part
        for i in indices:
            step, name, resp, time, h = rows[i]
            d.paths.append(Path([(centre, y), (centre, y + GAP)]))
            y += GAP
            top_of[step.order] = (y, h)
            d.boxes.append(Box(box_x, y, box_w, h))
            d.labels.append(Label(box_x + PAD, _middle(y, h, len(name)), box_w - 2 * PAD, name))
            d.labels.append(Label(0.0, _middle(y, h, len(resp)), resp_w, resp))
            d.labels.append(Label(time_x, _middle(y, h, len(time)), time_w, time))
            y += h
        if last:
            d.paths.append(Path([(centre, y), (centre, y + GAP)]))
            y += GAP
            d.boxes.append(Box(centre - TERMINAL_W / 2, y, TERMINAL_W, TERMINAL_H, rounded=True))
            d.labels.append(
                Label(centre - TERMINAL_W / 2, _middle(y, TERMINAL_H, 1), TERMINAL_W, ["Kết thúc"])
            )
            y += TERMINAL_H + 2.0
        else:
            d.paths.append(Path([(centre, y), (centre, y + GAP)]))
            d.labels.append(
                Label(
                    centre + 2.0,
                    y + GAP - 4.0,
                    box_w / 2,
                    ["(tiếp theo)"],
                    size=SMALL,
                    italic=True,
                    align="L",
                )
            )
            y += GAP + 2.0
        # the send-back arrows leaving (upper half) and entering (lower half) each box, spread over its right side
        leaving = {o: [e for e in edges if e[0] == o] for o in top_of}
        entering = {o: [e for e in edges if e[1] == o] for o in top_of}
        for source, target in edges:
            if source not in top_of:
                continue
            lx = lane_x[lane_of[source, target]]
            out = leaving[source]
            sy = _spread(top_of[source], out.index((source, target)), len(out), upper=True)
            if target in top_of:
                into = entering[target]
                ty = _spread(top_of[target], into.index((source, target)), len(into), upper=False)
                d.paths.append(
                    Path([(box_x + box_w, sy), (lx, sy), (lx, ty), (box_x + box_w, ty)], dashed=True)
                )
            else:  # the target is in an earlier part: up to the top of the lane, with its number
                d.paths.append(Path([(box_x + box_w, sy), (lx, sy), (lx, HEAD + 3.0)], dashed=True))
                d.labels.append(Label(lx - 6.0, HEAD - 1.0, 12.0, [f"B{target}"], size=SMALL, italic=True))
        d.height = y
        d.rules.append((0.0, HEAD - 0.5, width, HEAD - 0.5))
        diagrams.append(d)
    return diagrams


def _parts(heights: list[float], page: float, first: float | None) -> list[list[int]]:
    """The steps (indices) of each part: all in one if they fit the room left on the page; all on the next page
    (an empty first part) if they fit a page; else as many as fit in each part, from the room left on this page."""
    tail = GAP + TERMINAL_H + 2.0
    whole = HEAD + TERMINAL_H + sum(GAP + h for h in heights) + tail
    everything = list(range(len(heights)))
    if first is None or whole <= first:
        if whole <= page:
            return [everything]
    elif whole <= page:
        return [[], everything]
    parts: list[list[int]] = []
    limit = first if first is not None else page
    used = HEAD + TERMINAL_H  # the header and the start (a later part: the header and “tiếp theo”)
    current: list[int] = []
    for n, h in enumerate(heights):
        end = tail if n == len(heights) - 1 else GAP + 2.0
        if used + GAP + h + end > limit:
            if current:
                parts.append(current)
                current, used = [], HEAD + 2.0
            elif not parts:
                parts.append([])  # not even the first step fits on the current page: start on the next one
            limit = page
        current.append(n)
        used += GAP + h
    parts.append(current)
    return parts


def _middle(top: float, h: float, lines: int, size: float = TEXT) -> float:
    return top + (h - _height(lines, size)) / 2


def _spread(box: tuple[float, float], n: int, count: int, *, upper: bool) -> float:
    """The height of the ``n``-th of ``count`` send-backs on a box's right side: those leaving it in its upper
    half, those entering it in its lower half — so that in a shared lane the arrow entering a box ends below the
    one leaving it, and the two never run over each other."""
    top, h = box
    return top + (0 if upper else h / 2) + h / 2 * (n + 1) / (count + 1)


def arrowhead(path: Path) -> list[tuple[float, float]]:
    """The triangle at the end of ``path`` (pointing along its last segment)."""
    (x0, y0), (x1, y1) = path.points[-2], path.points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x1 - ux * ARROW, y1 - uy * ARROW
    half = ARROW * 0.45
    return [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def _shortened(path: Path) -> list[tuple[float, float]]:
    """The path's points with the last segment ending at the arrowhead's base (a line does not poke through it)."""
    if not path.arrow:
        return path.points
    (x0, y0), (x1, y1) = path.points[-2], path.points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return [*path.points[:-1], (x1 - dx / length * ARROW * 0.8, y1 - dy / length * ARROW * 0.8)]


def _line_x(label: Label, text: str) -> float:
    width = text_width(text, label.size, label.bold, label.italic)
    if label.align == "L":
        return label.x
    if label.align == "R":
        return label.x + label.w - width
    return label.x + (label.w - width) / 2


# --- PDF -------------------------------------------------------------------------------------------------------------


def draw_pdf(pdf, diagram: Diagram, x0: float, y0: float) -> None:
    """Draw ``diagram`` on ``pdf`` (fpdf2, millimetres) with its top-left corner at (x0, y0)."""
    pdf.set_draw_color(0)
    pdf.set_fill_color(0)
    pdf.set_line_width(0.2)
    for x1, y1, x2, y2 in diagram.rules:
        pdf.line(x0 + x1, y0 + y1, x0 + x2, y0 + y2)
    pdf.set_line_width(0.3)
    for box in diagram.boxes:
        pdf.rect(
            x0 + box.x, y0 + box.y, box.w, box.h, style="D", round_corners=box.rounded, corner_radius=3.0
        )
    for path in diagram.paths:
        if path.dashed:
            pdf.set_dash_pattern(dash=1.4, gap=1.0)
        points = [(x0 + x, y0 + y) for x, y in _shortened(path)]
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            pdf.line(ax, ay, bx, by)
        pdf.set_dash_pattern()
        if path.arrow:
            pdf.polygon([(x0 + x, y0 + y) for x, y in arrowhead(path)], style="F")
    for label in diagram.labels:
        style = ("B" if label.bold else "") + ("I" if label.italic else "")
        pdf.set_font(FONT, style, label.size)
        step = label.size * PT * LINE
        for n, text in enumerate(label.lines):
            baseline = label.y + n * step + label.size * PT * 0.95
            pdf.text(x0 + _line_x(label, text), y0 + baseline, text)


# --- PNG (Pillow) ----------------------------------------------------------------------------------------------------


def png(diagram: Diagram, dpi: int = 200) -> io.BytesIO:
    """``diagram`` as a PNG at ``dpi`` (white background, black drawing)."""
    scale = dpi / 25.4  # px per mm
    w, h = round(diagram.width * scale) + 4, round(diagram.height * scale) + 4
    image = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(image)

    def px(x: float, y: float) -> tuple[float, float]:
        return (x * scale + 2, y * scale + 2)

    thin, normal = max(1, round(0.2 * scale)), max(1, round(0.3 * scale))
    for x1, y1, x2, y2 in diagram.rules:
        draw.line([px(x1, y1), px(x2, y2)], fill=0, width=thin)
    for box in diagram.boxes:
        corners = [px(box.x, box.y), px(box.x + box.w, box.y + box.h)]
        if box.rounded:
            draw.rounded_rectangle(corners, radius=3.0 * scale, outline=0, width=normal)
        else:
            draw.rectangle(corners, outline=0, width=normal)
    for path in diagram.paths:
        points = [px(x, y) for x, y in _shortened(path)]
        for a, b in zip(points, points[1:], strict=False):
            if path.dashed:
                _dashed(draw, a, b, 1.4 * scale, 1.0 * scale, normal)
            else:
                draw.line([a, b], fill=0, width=normal)
        if path.arrow:
            draw.polygon([px(x, y) for x, y in arrowhead(path)], fill=0)
    for label in diagram.labels:
        font = _font(label.bold, label.italic, max(6, round(label.size * PT * scale)))
        step = label.size * PT * LINE
        for n, text in enumerate(label.lines):
            baseline = label.y + n * step + label.size * PT * 0.95
            draw.text(px(_line_x(label, text), baseline), text, fill=0, font=font, anchor="ls")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    out.seek(0)
    return out


def _dashed(draw: ImageDraw.ImageDraw, a, b, dash: float, gap: float, width: int) -> None:
    (ax, ay), (bx, by) = a, b
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    if not length:
        return
    ux, uy = (bx - ax) / length, (by - ay) / length
    t = 0.0
    while t < length:
        end = min(t + dash, length)
        draw.line([(ax + ux * t, ay + uy * t), (ax + ux * end, ay + uy * end)], fill=0, width=width)
        t = end + gap
