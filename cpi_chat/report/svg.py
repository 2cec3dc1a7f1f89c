"""Bar charts for the outcomes report as SVG: labelled in words, told apart by fill patterns, readable in black and white."""

from __future__ import annotations

import textwrap
from html import escape

from cpi_chat.report.view import Chart

WIDTH = 760
LABEL_WIDTH = 250
VALUE_GAP = 8
BAR_HEIGHT = 26
BAR_GAP = 6
GROUP_GAP = 16
FONT = 16
WORDS_ROOM = 150  # space right of the longest bar for its value in words



def _patterns(chart_id: str) -> str:
    """The hatching, named for this chart alone (a page holds several charts, and ids must not repeat)."""
    return (f'<defs><pattern id="{chart_id}-hatch" width="10" height="10" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="10" height="10" fill="#ffffff"/>'
            '<rect width="4" height="10" fill="#1a1a1a"/></pattern></defs>')


def _fill(fill: str, chart_id: str) -> str:
    """Solid, outline and hatched stay different on a black-and-white printer and to people who see few colours."""
    inside = {"solid": "#3a3a3a", "outline": "#ffffff", "hatched": f"url(#{chart_id}-hatch)"}[fill]
    return f'fill="{inside}" stroke="#1a1a1a" stroke-width="1.5"'



LABEL_CHARACTERS = 27  # a label longer than this is wrapped, so it stays left of the bars


def _text(x: float, y: float, words: str, anchor: str = "start", weight: str = "normal") -> str:
    """Words centred on `y`, on two lines when too long to fit before the bars."""
    lines = textwrap.wrap(words, LABEL_CHARACTERS) if anchor == "end" else [words]
    top = y - (len(lines) - 1) * FONT * 0.6
    spans = "".join(f'<tspan x="{x:.0f}" y="{top + n * FONT * 1.2:.0f}">{escape(line)}</tspan>' for n, line in enumerate(lines or [""]))
    return (f'<text font-size="{FONT}" text-anchor="{anchor}" font-weight="{weight}" '
            f'dominant-baseline="middle" fill="#1a1a1a">{spans}</text>')


def _legend(chart: Chart, chart_id: str, y: float) -> tuple[list[str], float]:
    """One line per fill: its swatch and what it stands for."""
    parts: list[str] = []
    for fill, words in chart.legend:
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y:.0f}" width="36" height="20" {_fill(fill, chart_id)}/>')
        parts.append(_text(LABEL_WIDTH + 46, y + 10, words))
        y += 28
    return parts, y


def chart_svg(chart: Chart, chart_id: str) -> str:
    """The chart as an SVG image with a title and description; each bar carries its value in words beside it."""
    plot = WIDTH - LABEL_WIDTH - WORDS_ROOM
    scale = plot / chart.scale_max if chart.scale_max else 0
    parts: list[str] = [_patterns(chart_id)]
    parts_legend, y = _legend(chart, chart_id, 8)
    parts.extend(parts_legend)
    y += 4
    axis_top = y
    for group in chart.groups:
        several = len(group.bars) > 1
        if several:  # the group's name on its own line, its bars named beneath it
            parts.append(_text(8, y + BAR_HEIGHT / 2, group.label, weight="bold"))
            y += BAR_HEIGHT + BAR_GAP
        for bar in group.bars:
            label = bar.label if several else group.label
            if len(label) > LABEL_CHARACTERS:  # room for its second line
                y += FONT * 0.6
            parts.append(_text(LABEL_WIDTH - VALUE_GAP, y + BAR_HEIGHT / 2, label, anchor="end"))
            length = 0.0 if bar.value is None else max(bar.value * scale, 2.0)
            if bar.value is not None:
                parts.append(f'<rect x="{LABEL_WIDTH}" y="{y:.0f}" width="{length:.1f}" height="{BAR_HEIGHT}" '
                             f'{_fill(bar.fill, chart_id)}/>')
            parts.append(_text(LABEL_WIDTH + length + VALUE_GAP, y + BAR_HEIGHT / 2, bar.words))
            y += BAR_HEIGHT + BAR_GAP + (FONT * 0.6 if len(label) > LABEL_CHARACTERS else 0)
        y += GROUP_GAP
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{axis_top:.0f}" x2="{LABEL_WIDTH}" y2="{y - GROUP_GAP:.0f}" stroke="#1a1a1a" stroke-width="1.5"/>')
    height = y
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="Arial, Helvetica, sans-serif" class="chart">'
            f'<title id="{chart_id}-title">{escape(chart.title)}</title><desc id="{chart_id}-desc">{escape(chart.summary)}</desc>')
    return head + "\n".join(parts) + "</svg>"
