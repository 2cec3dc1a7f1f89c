"""How things are going: each topic's latest 1-5 rating beside the one before, improvements first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cpi_chat.records.model import Rating


@dataclass(frozen=True)
class RatingChange:
    """One topic's latest score and the score before it (None the first time it was rated)."""

    topic: str
    latest: int
    previous: int | None
    words: str
    date: str

    @property
    def change(self) -> int | None:
        """Latest minus previous; None when there is nothing to compare with."""
        return None if self.previous is None else self.latest - self.previous

    def in_words(self) -> str:
        """One short sentence, never relying on colour or arrows alone."""
        if self.previous is None:
            return f"{self.latest} out of 5. This is the first time."
        if self.latest > self.previous:
            return f"{self.latest} out of 5. Better than last time ({self.previous})."
        if self.latest < self.previous:
            return f"{self.latest} out of 5. Last time it was {self.previous}."
        return f"{self.latest} out of 5. The same as last time."


def _order(change: RatingChange) -> tuple[int, int, str]:
    # improvements first (biggest first), then first ratings, then the same, then lower
    delta = change.change
    if delta is None:
        return (1, 0, change.topic.casefold())
    if delta > 0:
        return (0, -delta, change.topic.casefold())
    return (2 if delta == 0 else 3, -delta, change.topic.casefold())


def rating_changes(ratings: Iterable[Rating]) -> list[RatingChange]:
    """Each topic's latest rating beside the previous one, improvements first."""
    by_topic: dict[str, list[Rating]] = {}
    for rating in sorted(ratings, key=lambda r: (r.date, r.id)):
        by_topic.setdefault(" ".join(rating.topic.casefold().split()), []).append(rating)
    changes = []
    for history in by_topic.values():
        latest = history[-1]
        previous = history[-2].score if len(history) > 1 else None
        changes.append(RatingChange(latest.topic, latest.score, previous, latest.words, latest.date))
    return sorted(changes, key=_order)
