"""Small charts drawn on the server as inline SVG (no JavaScript, no build step): vertical bars (grouped or
stacked, with an optional line) and horizontal bars.

Each chart is an image for assistive technology (``role="img"`` with ``<title>`` and ``<desc>``), every bar and
point has its own ``<title>`` (the exact figure, shown as a tooltip), colours keep WCAG AA contrast on white,
and the page puts the same figures in a data table next to it (the chart is never the only way to read them).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = {
    "early": "#1b6e3a",
    "on_time": "#0b4f9c",
    "late": "#a4161a",
    "received": "#3d3d3d",
    "online": "#6a3d9a",
    "direct": "#8a5a00",
    "postal": "#2a6f7a",
    "open": "#555b66",
    "overdue": "#a4161a",
}
_ids = itertools.count(1)


@dataclass
class Series:
    name: str
    values: list[float]
    colour: str


def _n(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, 1, force_grouping=True)
    return number_format(int(value), 0, force_grouping=True)


def _step(top: float) -> float:
    """A round step (1, 2 or 5 × 10^k) giving about four grid lines up to ``top``."""
    if top <= 0:
        return 1
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open(width: int, height: int, title: str, desc: str) -> tuple[list[str], str]:
    uid = f"chart-{next(_ids)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'font-family="inherit" font-size="12">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]
    return parts, uid


def _legend(parts: list[str], series: list[Series], x: float, y: float, line: Series | None = None) -> None:
    items = [(s.name, s.colour, "bar") for s in series] + ([(line.name, line.colour, "line")] if line else [])
    for name, colour, kind in items:
        if kind == "bar":
            parts.append(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="12" height="12" fill="{colour}"/>')
        else:
            parts.append(
                f'<line x1="{x:.1f}" y1="{y - 3:.1f}" x2="{x + 14:.1f}" y2="{y - 3:.1f}" stroke="{colour}" '
                'stroke-width="2.5"/>'
            )
        parts.append(f'<text x="{x + 18:.1f}" y="{y + 1:.1f}" fill="#1d1d1f">{escape(name)}</text>')
        x += 30 + 7 * len(name)


def columns(
    *,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    stacked: bool = False,
    line: Series | None = None,
    width: int = 760,
    height: int = 280,
) -> SafeString:
    """Vertical bars per label: one bar per series side by side, or ``stacked``; ``line`` on the same scale."""
    left, right, top, bottom = 56, 12, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    if stacked:
        peak = max((sum(s.values[i] for s in series) for i in range(len(labels))), default=0)
    else:
        peak = max((v for s in series for v in s.values), default=0)
    if line is not None:
        peak = max(peak, max(line.values, default=0))
    step = _step(peak)
    ceiling = step * max(1, math.ceil(peak / step)) if peak else step * 4
    parts, _uid = _open(width, height, title, desc)
    _legend(parts, series, left, 16, line)
    for k in range(0, int(round(ceiling / step)) + 1):
        value = k * step
        y = top + plot_h - plot_h * value / ceiling
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#d9dde3"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555b66">{_n(value)}</text>'
        )
    slot = plot_w / max(1, len(labels))
    bar_w = slot * 0.7 / (1 if stacked else max(1, len(series)))
    every = max(1, math.ceil(len(labels) * 34 / plot_w))  # thin out the labels of long series
    for i, label in enumerate(labels):
        x0 = left + slot * i + slot * 0.15
        base = top + plot_h
        for j, s in enumerate(series):
            value = s.values[i]
            h = plot_h * value / ceiling
            x = x0 if stacked else x0 + j * bar_w
            y = base - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{s.colour}">'
                f"<title>{escape(label)} — {escape(s.name)}: {_n(value)}</title></rect>"
            )
            if stacked:
                base = y
        if i % every == 0:
            cx = left + slot * (i + 0.5)
            parts.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#1d1d1f">'
                f"{escape(_short(label, 12))}</text>"
            )
    if line is not None and labels:
        points = [
            (left + slot * (i + 0.5), top + plot_h - plot_h * v / ceiling) for i, v in enumerate(line.values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{line.colour}" stroke-width="2.5"/>')
        for (x, y), label, value in zip(points, labels, line.values, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{line.colour}">'
                f"<title>{escape(label)} — {escape(line.name)}: {_n(value)}</title></circle>"
            )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#555b66"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def bars(
    *,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    width: int = 760,
    row: int = 26,
    label_width: int = 250,
    legend: bool = True,
) -> SafeString:
    """Horizontal stacked bars, one row per label (long names: fields, units), the total at the end."""
    top, right = (30 if legend else 6), 70
    height = top + row * max(1, len(labels)) + 10
    plot_w = width - label_width - right
    peak = max((sum(s.values[i] for s in series) for i in range(len(labels))), default=0) or 1
    parts, _uid = _open(width, height, title, desc)
    if legend:
        _legend(parts, series, 8, 16)
    for i, label in enumerate(labels):
        y = top + row * i + 4
        parts.append(
            f'<text x="{label_width - 8}" y="{y + row / 2 + 1:.1f}" text-anchor="end" fill="#1d1d1f">'
            f"<title>{escape(label)}</title>{escape(_short(label, 38))}</text>"
        )
        x = label_width
        total = 0
        for s in series:
            value = s.values[i]
            total += value
            w = plot_w * value / peak
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3:.1f}" width="{w:.1f}" height="{row - 10}" fill="{s.colour}">'
                f"<title>{escape(label)} — {escape(s.name)}: {_n(value)}</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + row / 2 + 1:.1f}" fill="#1d1d1f">{_n(total)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
