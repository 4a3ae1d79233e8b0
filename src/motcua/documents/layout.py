"""The layout language of the printed forms: text a province edits in the admin, read by both renderers.

A form template (``FormTemplate.layout``) is rendered in two steps:

1. **Values.** The text is rendered by a *sandboxed* Django template engine against a context of plain data only
   (dicts, lists and strings built by ``services.snapshot``: no model, no method, no file). The engine has no
   template loader (no ``{% include %}``/``{% extends %}``), no ``{% load %}``, no ``{% debug %}``; only the tags
   ``if for with firstof cycle ifchanged spaceless comment`` and a short list of text filters. Every value is
   escaped for step 2, so what a citizen typed (a name, a reason) can never add or change a block.
2. **Blocks.** The result is read line by line into a short list of blocks. Empty lines are ignored. A line that
   starts with ``@`` is a directive; any other line is a justified paragraph.

==================  ================================================================================================
line                block
==================  ================================================================================================
``text``            a paragraph, justified (``@p text`` too); ``@center text``: a centred paragraph
``@title T``        the form's title: centred, bold, 14 pt (``@subtitle T``: centred, bold, 13 pt)
``@kv L | V``       a “label: value” line; an empty value prints a dotted line to fill in by hand
``@item T``         a numbered item (1., 2., …; the numbering restarts after @title, @subtitle, @sign)
``@bullet T``       an item with a dash
``@left T``         a line of the national header's left column (the agencies; centred). Consecutive ``@left`` and
``@right T``        ``@right`` lines form ONE two-column header; ``@left-rule`` / ``@right-rule`` draw the short
                    rule under the line above (ND 30/2020: under the agency name and under the motto)
``@table W | W …``  starts a table with relative column widths; then ``@align C | L | …`` (L, C, R),
``@th A | B …``     header rows (bold, repeated on a new page) and
``@tr A | B …``     body rows
``@sign A | B``     a row of signature columns (bold); ``@sign-note`` (italic) and ``@sign-name`` (bold, after the
                    space for the signature) add lines to the same columns; an empty cell leaves its column blank
``@codes``          the dossier code as a Code 128 barcode and the QR code of the public tracking page
``@flow T``         the flow diagram of the document's steps (the internal process document, ``render.flow``)
                    under the heading T, kept on the diagram's page; nothing in a form that has no steps
``@small T``        a small line (11 pt), e.g. “Nơi nhận:”
``@space N``        N millimetres of vertical space
``@pagebreak``      a new page
==================  ================================================================================================

Inline: ``**bold**``, ``*italic*`` and ``<br>`` (a line break) anywhere in a text or a cell (a table cell takes one
style: it is bold when all its text is); ``|`` separates cells. Text is normalised to Unicode NFC (precomposed Vietnamese letters), so what is printed is what is searched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.template import Context, Engine, Library, TemplateSyntaxError, defaultfilters, defaulttags

# --- step 1: the sandboxed engine -------------------------------------------------------------------------------

ALLOWED_TAGS = ("if", "for", "with", "firstof", "cycle", "ifchanged", "spaceless", "comment")
ALLOWED_FILTERS = (
    "default",
    "default_if_none",
    "upper",
    "lower",
    "title",
    "capfirst",
    "length",
    "join",
    "first",
    "last",
    "cut",
    "add",
    "yesno",
    "pluralize",
    "truncatechars",
    "truncatewords",
    "slice",
    "divisibleby",
    "floatformat",
)

_sandbox = Library()
for _name in ALLOWED_TAGS:
    _sandbox.tags[_name] = defaulttags.register.tags[_name]
for _name in ALLOWED_FILTERS:
    _sandbox.filters[_name] = defaultfilters.register.filters[_name]


def _engine() -> Engine:
    engine = Engine(loaders=[], libraries={}, autoescape=False, string_if_invalid="", debug=False)
    engine.template_builtins = [_sandbox]  # replaces the default tags (include, extends, load, debug, url…)
    return engine


ENGINE = _engine()


class LayoutError(ValueError):
    """A template that cannot be rendered or read; ``line`` is the line of the rendered text (1-based, 0: none)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message, self.line = message, line


# Characters of the block language, replaced in every value by private-use stand-ins, restored when printed.
_ESCAPES = {"*": "\ue000", "|": "\ue001", "@": "\ue002", "<": "\ue003", "\n": "\ue00a"}
_UNESCAPE = {v: k for k, v in _ESCAPES.items() if k != "\n"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_PRIVATE = re.compile("[\ue000-\ue0ff]")


def escape(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return _PRIVATE.sub("", text).translate(_ESCAPE_TABLE)


def plain(value):
    """``value`` as sandbox data: dicts, lists and escaped strings only (numbers and dates become text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return escape(str(value))
    if isinstance(value, dt.datetime | dt.date):
        return escape(value.strftime("%d/%m/%Y"))
    return escape(str(value))


def render_text(layout: str, data: dict) -> str:
    """Step 1: the template ``layout`` filled with ``data`` (plain data, escaped here)."""
    try:
        template = ENGINE.from_string(layout)
        return template.render(Context(plain(data), autoescape=False))
    except TemplateSyntaxError as exc:
        raise LayoutError(f"Lỗi cú pháp mẫu: {exc}") from None


# --- step 2: the blocks ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


Line = list[Run]  # one printed line's runs; a text is a list of lines (split at <br>)


@dataclass
class Block:
    kind: str  # paragraph, title, subtitle, kv, item, bullet, header, table, sign, codes, flow, small, space, pagebreak
    lines: list[Line] = field(default_factory=list)
    align: str = "J"  # J, C, L, R
    number: int = 0  # item number
    label: str = ""  # kv label
    value: str = ""  # kv value
    left: list[tuple[list[Line], bool]] = field(default_factory=list)  # header: (text, rule under it)
    right: list[tuple[list[Line], bool]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # table
    aligns: list[str] = field(default_factory=list)
    head: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    sign: list[list[tuple[str, str]]] = field(default_factory=list)  # rows of (style, text) per column
    size: float = 0  # space (mm)

    def text(self) -> str:
        """The block's text without markup (tests, previews)."""
        return "\n".join("".join(r.text for r in line) for line in self.lines)


_INLINE = re.compile(r"(\*\*|\*|<br\s*/?>)", re.I)


def runs(text: str) -> list[Line]:
    """Inline markup to lines of runs: ``**bold**``, ``*italic*``, ``<br>``; escaped characters restored."""
    lines: list[Line] = [[]]
    bold = italic = False
    for token in _INLINE.split(text.strip()):
        if not token:
            continue
        if token == "**":
            bold = not bold
        elif token == "*":
            italic = not italic
        elif token.lower().startswith("<br"):
            lines.append([])
        else:
            parts = unescape(token).split("\n")
            for n, part in enumerate(parts):
                if n:
                    lines.append([])
                if part:
                    lines[-1].append(Run(part, bold, italic))
    return lines


def unescape(text: str) -> str:
    for stand_in, char in _UNESCAPE.items():
        text = text.replace(stand_in, char)
    return text.replace("\ue00a", "\n")


def all_bold(text: str) -> bool:
    """Whether every letter of ``text`` is bold (a table cell printed bold: cells take one style)."""
    parts = [r for line in runs(text) for r in line if r.text.strip()]
    return bool(parts) and all(r.bold for r in parts)


def strip_markup(text: str) -> str:
    """A cell or value as plain text (markup removed, escapes restored, <br> as a new line)."""
    return "\n".join("".join(r.text for r in line) for line in runs(text))


def _cells(rest: str) -> list[str]:
    return [c.strip() for c in rest.split("|")]


DIRECTIVES = {
    "p",
    "center",
    "left",
    "right",
    "title",
    "subtitle",
    "kv",
    "item",
    "bullet",
    "left-rule",
    "right-rule",
    "table",
    "align",
    "th",
    "tr",
    "sign",
    "sign-note",
    "sign-name",
    "codes",
    "flow",
    "small",
    "space",
    "pagebreak",
}


def parse(text: str) -> list[Block]:
    """Step 2: the rendered text as blocks; raises LayoutError naming the line of a wrong directive."""
    blocks: list[Block] = []
    counter = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("@"):
            directive, rest = "p", line
        else:
            directive, _, rest = line[1:].partition(" ")
            directive, rest = directive.lower(), rest.strip()
            if directive not in DIRECTIVES:
                raise LayoutError(f"Dòng {number}: không có lệnh “@{directive}”.", number)
        last = blocks[-1] if blocks else None
        if directive in ("title", "subtitle", "sign", "pagebreak"):
            counter = 0  # numbering runs through paragraphs and tables, restarts with a new section
        if directive in ("p", "center"):
            blocks.append(Block("paragraph", runs(rest), align="C" if directive == "center" else "J"))
        elif directive in ("left", "right", "left-rule", "right-rule"):
            header = last if last is not None and last.kind == "header" else None
            if header is None:
                if directive.endswith("-rule"):
                    raise LayoutError(
                        f"Dòng {number}: “@{directive}” phải đứng sau một dòng @left/@right.", number
                    )
                header = Block("header")
                blocks.append(header)
            column = header.left if directive.startswith("left") else header.right
            if directive.endswith("-rule"):
                if not column:
                    raise LayoutError(
                        f"Dòng {number}: “@{directive}” phải đứng sau một dòng của cột đó.", number
                    )
                column[-1] = (column[-1][0], True)
            else:
                column.append((runs(rest), False))
        elif directive in ("title", "subtitle", "small"):
            blocks.append(Block(directive, runs(rest), align="C" if directive != "small" else "L"))
        elif directive == "kv":
            label, _, value = rest.partition("|")
            blocks.append(Block("kv", label=label.strip(), value=value.strip()))
        elif directive == "item":
            counter += 1
            blocks.append(Block("item", runs(rest), number=counter))
        elif directive == "bullet":
            blocks.append(Block("bullet", runs(rest)))
        elif directive == "table":
            try:
                widths = [float(w) for w in _cells(rest)]
            except ValueError:
                raise LayoutError(f"Dòng {number}: độ rộng cột của @table phải là các số.", number) from None
            if not widths or any(w <= 0 for w in widths):
                raise LayoutError(f"Dòng {number}: độ rộng cột của @table phải là các số dương.", number)
            blocks.append(Block("table", widths=widths, aligns=["L"] * len(widths)))
        elif directive in ("align", "th", "tr"):
            if last is None or last.kind != "table":
                raise LayoutError(f"Dòng {number}: “@{directive}” phải đứng ngay sau @table.", number)
            cells = _cells(rest)
            if len(cells) != len(last.widths):
                raise LayoutError(
                    f"Dòng {number}: có {len(cells)} ô, bảng có {len(last.widths)} cột.",
                    number,
                )
            if directive == "align":
                if any(c.upper() not in ("L", "C", "R") for c in cells):
                    raise LayoutError(f"Dòng {number}: @align chỉ nhận L, C hoặc R.", number)
                last.aligns = [c.upper() for c in cells]
            elif directive == "th":
                if last.rows:
                    raise LayoutError(
                        f"Dòng {number}: dòng tiêu đề @th phải đứng trước các dòng @tr.", number
                    )
                last.head.append(cells)
            else:
                last.rows.append(cells)
        elif directive in ("sign", "sign-note", "sign-name"):
            style = {"sign": "B", "sign-note": "I", "sign-name": "N"}[directive]
            cells = _cells(rest)
            if directive == "sign":
                blocks.append(Block("sign", sign=[[(style, c)] for c in cells]))
                continue
            if last is None or last.kind != "sign":
                raise LayoutError(f"Dòng {number}: “@{directive}” phải đứng sau @sign.", number)
            if len(cells) != len(last.sign):
                raise LayoutError(
                    f"Dòng {number}: có {len(cells)} cột chữ ký, @sign có {len(last.sign)} cột.", number
                )
            for column, cell in zip(last.sign, cells, strict=True):
                column.append((style, cell))
        elif directive == "codes":
            blocks.append(Block("codes"))
        elif directive == "flow":
            blocks.append(Block("flow", runs(rest) if rest else []))
        elif directive == "space":
            try:
                size = float(rest or "5")
            except ValueError:
                raise LayoutError(f"Dòng {number}: @space cần một số milimét.", number) from None
            blocks.append(Block("space", size=max(0.0, min(size, 100.0))))
        elif directive == "pagebreak":
            blocks.append(Block("pagebreak"))
    for block in blocks:
        if block.kind == "table" and not (block.head or block.rows):
            raise LayoutError("Bảng @table không có dòng nào (@th hoặc @tr).")
    return blocks


def build(layout: str, data: dict) -> list[Block]:
    """The blocks of ``layout`` filled with ``data``: what both renderers draw."""
    return parse(render_text(layout, data))
