"""Circles of support: the people, groups and places in a person's life, at the first session and now, as words and an SVG."""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from cpi_chat.records.model import Connection

KINDS = ("person", "group", "place")
KIND_WORDS = {"person": ("person", "people"), "group": ("group", "groups"), "place": ("place", "places")}
RING_TITLES = {"person": "People", "group": "Groups", "place": "Places"}
NEW_MARK = "★"
MAX_PER_RING = 8
# a white outline behind each label keeps words readable where they cross a circle
HOW_OFTEN_WORDS = frozenset({"sometimes", "often", "usually", "occasionally", "rarely", "mostly", "at times",
                             "now and then", "now and again", "every so often", "once in a while", "not often"})
HALO = ' paint-order="stroke" stroke="#ffffff" stroke-width="7" stroke-linejoin="round" fill="#000000"'


@dataclass(frozen=True)
class CircleItem:
    """Someone, a group or a place; `new` when it was not there at the first session."""

    text: str
    kind: str
    new: bool = False


@dataclass(frozen=True)
class Circles:
    """The circles of support at the first session and now."""

    first: tuple[CircleItem, ...]
    now: tuple[CircleItem, ...]

    def counts(self, when: str = "now") -> dict[str, int]:
        """How many people, groups and places, at the first session ("first") or now."""
        items = self.first if when == "first" else self.now
        return {kind: sum(1 for item in items if item.kind == kind) for kind in KINDS}

    def count_words(self, when: str = "now") -> str:
        """The counts as words: "3 people, 2 groups and 1 place"."""
        parts = [f"{n} {KIND_WORDS[k][0 if n == 1 else 1]}" for k, n in self.counts(when).items()]
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    def summary(self) -> list[str]:
        """Short sentences comparing the first session with now."""
        if not self.now:
            return ["We have not written down anyone yet. We can do it together next time."]
        lines = [f"Now: {self.count_words('now')}."]
        if self.first:
            lines.insert(0, f"At the first meeting: {self.count_words('first')}.")
        added = sum(1 for item in self.now if item.new)
        if self.first and added:
            lines.append(f"New since the first meeting: {added}.")
        return lines


def split_connection_text(text: str) -> list[str]:
    """The separate people, groups or places in words like "my sister Ama, neighbour Pat and the corner shop"."""
    parts = re.split(r"[,;\n]+", text)
    # "A, B and C": the last " and " also separates (but not in "now and then")
    if len(parts) > 1 and " ".join(parts[-1].casefold().split()).strip(" .") not in HOW_OFTEN_WORDS:
        parts = parts[:-1] + re.split(r"\s+and\s+", parts[-1])
    cleaned: list[str] = []
    for part in (" ".join(part.split()).strip(" .") for part in parts if part.strip(" .")):
        if cleaned and part.casefold() in HOW_OFTEN_WORDS:  # "my brother, sometimes" is one person, not two
            cleaned[-1] += f" ({part.casefold()})"
        else:
            cleaned.append(part)
    return [part[0].upper() + part[1:] for part in cleaned]


def _items(connections: Iterable[Connection]) -> list[CircleItem]:
    return [CircleItem(words, c.kind if c.kind in KINDS else "person") for c in connections
            for words in split_connection_text(c.text)]


def _unique(items: Iterable[CircleItem]) -> list[CircleItem]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        key = (item.kind, item.text.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def build_circles(first: Iterable[Connection], now: Iterable[Connection], goal_groups: Iterable[str] = ()) -> Circles:
    """Circles from the connections at the first session, the connections now, and the groups of the person's goals."""
    before = _unique(_items(first))
    known = {(item.kind, item.text.casefold()) for item in before}
    current = _unique([*_items(now), *(CircleItem(name, "group") for name in goal_groups if name.strip())])
    marked = tuple(CircleItem(i.text, i.kind, bool(before) and (i.kind, i.text.casefold()) not in known) for i in current)
    return Circles(tuple(before), marked)


def text_alternative(circles: Circles) -> list[tuple[str, list[str]]]:
    """The picture in words: each circle's title and what is in it (new ones say so)."""
    return [(RING_TITLES[kind], [item.text + (" (new)" if item.new else "") for item in circles.now if item.kind == kind])
            for kind in KINDS]


Box = tuple[float, float, float, float]  # left, top, right, bottom
CHAR_WIDTH = 0.6  # of the font size: a little wider than Arial's average letter, so a label's box is never too small


def _label(x: float, y: float, text: str, anchor: str, size: int, width: int = 18, prefix: str = "") -> tuple[str, Box]:
    """A label of up to three wrapped lines centred on (x, y), and the box its words fill; `prefix` (the new-star)
    starts the first line."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False, max_lines=3, placeholder=" …") or [text]
    lines[0] = prefix + lines[0]
    top = y - (len(lines) - 1) * size * 0.55
    spans = "".join(f'<tspan x="{x:.0f}" y="{top + i * size * 1.1:.0f}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    wide = max(len(line) for line in lines) * size * CHAR_WIDTH
    left = {"start": x, "end": x - wide}.get(anchor, x - wide / 2)
    box = (left, top - size * 0.6, left + wide, top + (len(lines) - 1) * size * 1.1 + size * 0.6)
    return f'<text text-anchor="{anchor}" dominant-baseline="middle" font-size="{size}"{HALO}>{spans}</text>', box


def _fitting(boxes: Iterable[Box], width: int, height: int, margin: int = 12) -> str:
    """The view box holding the whole picture and every label's words (a long label near an edge is never cut off)."""
    lefts, tops, rights, bottoms = zip(*[(0, 0, width, height), *boxes], strict=True)
    left, top = min(lefts) - margin, min(tops) - margin
    return f"{left:.0f} {top:.0f} {max(rights) + margin - left:.0f} {max(bottoms) + margin - top:.0f}"


def circles_svg(circles: Circles, centre_label: str = "Me", large_print: bool = False) -> str:
    """The circles of support as an accessible SVG: you in the middle, then people, groups and places around you."""
    # The picture is scaled to the page width, so its words are drawn large: about 17pt on screen (21pt large print).
    size, wrap = (44, 11) if large_print else (36, 13)
    width, height, cx, cy = 1400, 1060, 700, 530
    radii = {"person": 160, "group": 300, "place": 440}
    described = " ".join(f"{title}: {', '.join(items) if items else 'none yet'}." for title, items in text_alternative(circles))
    label = f"Circles of support for {centre_label}. {described}"
    parts = [
        f"<title>Circles of support for {escape(centre_label)}</title>",
        f"<desc>{escape(described)}</desc>",
    ]
    boxes: list[Box] = []
    for kind in reversed(KINDS):
        dash = {"person": "", "group": ' stroke-dasharray="18 10"', "place": ' stroke-dasharray="5 10"'}[kind]
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="{radii[kind]}" fill="none" stroke="#1a1a1a" stroke-width="4"{dash}/>')
        parts.append(f'<text x="{cx}" y="{cy - radii[kind] + size + 8}" text-anchor="middle" font-size="{size}" '
                     f'font-weight="bold"{HALO}>{RING_TITLES[kind]}</text>')
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="105" fill="#fff2b3" stroke="#1a1a1a" stroke-width="4"/>')
    parts.append(_label(cx, cy, centre_label, "middle", size, width=9)[0])
    for kind in KINDS:
        items = [item for item in circles.now if item.kind == kind][:MAX_PER_RING]
        for index, item in enumerate(items):
            angle = math.radians(-90 + (index + 0.5) * 360 / len(items) + (25 if kind == "group" else 0))
            x, y = cx + radii[kind] * math.cos(angle), cy + radii[kind] * math.sin(angle)
            parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="12" fill="#1a1a1a"/>')
            anchor = "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle"
            dx = 22 if anchor == "start" else -22 if anchor == "end" else 0
            lines = len(textwrap.wrap(item.text, wrap, break_on_hyphens=False, max_lines=3)) or 1
            lift = size * (0.6 + 0.55 * (lines - 1)) + 12  # clear of the dot, above or below it
            dy = 0 if anchor != "middle" else (lift if math.sin(angle) > 0 else -lift)
            prefix = NEW_MARK + " " if item.new else ""
            text, box = _label(x + dx, y + dy, item.text, anchor, size, width=wrap, prefix=prefix)
            parts.append(text)
            boxes.append(box)
    opening = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_fitting(boxes, width, height)}" role="img" '
               f'aria-label="{escape(label)}" font-family="Arial, Helvetica, sans-serif" class="circles">')
    return "\n".join([opening, *parts, "</svg>"])
