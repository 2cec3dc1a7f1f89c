"""The 'how things are going' ratings and the circles of support, as lines of words for the progress screen."""

from __future__ import annotations

from collections.abc import Iterable

from cpi_chat.plan.circles import KINDS, RING_TITLES, CircleItem, Circles
from cpi_chat.plan.ratings import RatingChange

NO_RATINGS = "Nothing rated yet. You can say how things are going at your next session."


def rating_lines(changes: Iterable[RatingChange]) -> list[str]:
    """Each topic's latest rating beside last time, improvements first (the order rating_changes gives)."""
    lines = []
    for change in changes:
        lines.append(f"{change.topic}: {change.in_words()}")
        if change.words:
            lines.append(f'  In your words: "{change.words}"')
    return lines or [NO_RATINGS]


def _by_kind(items: tuple[CircleItem, ...]) -> list[str]:
    lines = []
    for kind in KINDS:
        names = [item.text + (" (new)" if item.new else "") for item in items if item.kind == kind]
        if names:
            lines.append(f"  {RING_TITLES[kind]}: {', '.join(names)}")
    return lines


def circle_lines(circles: Circles) -> list[str]:
    """Who, which groups and which places at the first meeting and now, with counts, so the network can be seen to grow."""
    if not circles.now:
        return circles.summary()
    lines = []
    if circles.first:
        lines.append(f"At the first meeting: {circles.count_words('first')}.")
        lines.extend(_by_kind(circles.first))
    lines.append(f"Now: {circles.count_words('now')}.")
    lines.extend(_by_kind(circles.now))
    added = sum(1 for item in circles.now if item.new)
    if circles.first and added:
        lines.append(f"New since the first meeting: {added}.")
    return lines
