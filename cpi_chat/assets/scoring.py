"""Scoring a query over the index's postings, skipping assets that cannot reach the best few.

Each query word (a slot) is worth a share of the query; an asset scores, for each slot, its best
alternative's weight times that share, and the shares add up. Only the best `keep` assets go on to
be ranked, and a hit must score over a bar, so the scoring starts from the words that can add the
most (mostly the rarer ones): once the `keep`-th best asset among those holding them (or the bar)
already scores more than the remaining words could add all together, no asset holding only the
remaining words (a "club", a "group", a "year") can make the cut, and they are never gathered; and
as each remaining word is looked up, the assets that can no longer make the cut are dropped. The
scores and hits are the same as scoring every asset: each score is added up over the slots in the
query's order, and ties go to the lowest position.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

MINIMUM_SHARE = 0.12  # a hit must match at least this share of the query's weight...
RELATIVE_SHARE = 0.3  # ...or, for long queries, this share of what the best hit matched
DENSE_FROM_SHARE = 32  # positions numbering more than 1/32 of the directory: worked on in one array of its size
Bound = TypeVar("Bound", float, np.ndarray)
Usable = Callable[[np.ndarray], np.ndarray]  # positions -> which of them may be shown


@dataclass(frozen=True, slots=True)
class Postings:
    """The positions holding one term (ascending), the code of each, and what each code is worth to this query."""

    positions: np.ndarray
    codes: np.ndarray
    worth: np.ndarray  # by code, already times the alternative's quality

    @property
    def ceiling(self) -> float:
        """The most this term can give an asset."""
        return float(self.worth.max()) if len(self.positions) else 0.0


@dataclass(frozen=True, slots=True)
class SlotPostings:
    """One query word's share of the query and the postings of the terms that may stand for it."""

    share: np.float32
    alternatives: tuple[Postings, ...]

    @property
    def ceiling(self) -> float:
        """The most this word can add to an asset's score."""
        return float(self.share) * max((p.ceiling for p in self.alternatives), default=0.0)

    def values_at(self, candidates: np.ndarray, size: int) -> np.ndarray:
        """What this word adds to each candidate (ascending positions): nothing where none of its terms is."""
        best = np.zeros(len(candidates), dtype=np.float32)
        for postings in self.alternatives:
            positions = postings.positions
            if min(len(positions), len(candidates)) * DENSE_FROM_SHARE > size:
                spread = np.zeros(size, dtype=np.float32)
                spread[positions] = postings.worth[postings.codes]
                np.maximum(best, spread[candidates], out=best)
            elif len(positions) <= len(candidates):  # look the term's positions up among the candidates
                at = np.searchsorted(candidates, positions)
                at[at == len(candidates)] = 0
                found = candidates[at] == positions
                at = at[found]
                best[at] = np.maximum(best[at], postings.worth[postings.codes[found]])
            else:  # look the candidates up among the term's positions
                at = np.searchsorted(positions, candidates)
                at[at == len(positions)] = 0
                found = positions[at] == candidates
                best[found] = np.maximum(best[found], postings.worth[postings.codes[at[found]]])
        return best * self.share


def best_candidates(slots: list[SlotPostings], size: int, keep: int, usable: Usable) -> tuple[np.ndarray, np.ndarray]:
    """Usable positions (ascending) over the bar that may be among the best `keep`, with their scores.

    Every usable position over the bar whose score could reach the best `keep` is returned; those
    left out score less than the `keep`-th best returned.
    """
    if not slots:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    held, values = _gathered(slots, size, keep, usable)
    partial = _summed(values, len(held))
    looked_up = sorted(set(range(len(slots))) - values.keys(), key=lambda i: (-slots[i].ceiling, i))
    rest = sum(slots[i].ceiling for i in looked_up)
    for i in looked_up:
        could = _with_margin(partial + rest) >= _cut(partial, keep)  # drop the positions that can no longer make the cut
        if not could.all():
            held, partial = held[could], partial[could]
            values = {j: found[could] for j, found in values.items()}
        values[i] = slots[i].values_at(held, size)
        partial += values[i]
        rest -= slots[i].ceiling
    total = _summed(values, len(held))
    over = total > bar(total)
    return held[over], total[over]


def bar(total: np.ndarray) -> float:
    """The share of the query a hit must match: MINIMUM_SHARE, or for long queries a share of the best hit's."""
    return min(MINIMUM_SHARE, RELATIVE_SHARE * float(total.max())) if len(total) else 0.0


def _cut(partial: np.ndarray, keep: int) -> float:
    """What a position must score more than to be shown, at least, given scores so far (each final score is at least its partial)."""
    return max(_kth_largest(partial, keep), bar(partial))


def _gathered(slots: list[SlotPostings], size: int, keep: int, usable: Usable) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """The usable positions holding the terms of the fewest words, those that can add most first, that every hit must hold.

    Returned with what each of those words adds to each position.
    """
    order = sorted(range(len(slots)), key=lambda i: (-slots[i].ceiling, i))
    for count in range(1, len(order) + 1):
        held = usable_positions([slots[i] for i in order[:count]], size, usable)
        values = {i: slots[i].values_at(held, size) for i in order[:count]}
        if count == len(order):
            break
        if _cut(_summed(values, len(held)), keep) > _with_margin(sum(slots[i].ceiling for i in order[count:])):
            break  # a position holding none of these words' terms could not make the cut
    return held, values


def _with_margin(most: Bound) -> Bound:
    """The most a score could be, allowing for rounding."""
    return most * (1 + 1e-5) + 1e-6


def _summed(values: dict[int, np.ndarray], length: int) -> np.ndarray:
    """Each position's score: the words' values added in the query's order, as over the whole directory."""
    total = np.zeros(length, dtype=np.float32)
    for i in sorted(values):
        total += values[i]
    return total


def usable_positions(slots: list[SlotPostings], size: int, usable: Usable) -> np.ndarray:
    """The usable positions holding any term of these slots, ascending."""
    lists = [p.positions for slot in slots for p in slot.alternatives if len(p.positions)]
    if not lists:
        return np.empty(0, dtype=np.int32)
    if len(lists) == 1:
        held = lists[0]
    elif sum(map(len, lists)) * DENSE_FROM_SHARE > size:
        marked = np.zeros(size, dtype=bool)
        for positions in lists:
            marked[positions] = True
        held = np.flatnonzero(marked).astype(np.int32)
    else:
        held = np.unique(np.concatenate(lists))
    return held[usable(held)]


def _kth_largest(values: np.ndarray, k: int) -> float:
    """The `k`-th largest value (0 when there are fewer): mostly found among the few highest, without ordering them all."""
    if len(values) < k:
        return 0.0
    top = float(values.max())
    for bar in (top, 0.75 * top, 0.5 * top):
        over = values[values >= bar]
        if len(over) >= k:
            return top if bar == top else float(np.partition(over, len(over) - k)[len(over) - k])
    return float(np.partition(values, len(values) - k)[len(values) - k])


def best_of(held: np.ndarray, total: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """The `keep` best-scoring positions (ascending), ties going to the lowest positions so a query always finds the same."""
    if keep >= len(held):
        return held, total
    bar = _kth_largest(total, keep)
    above = total > bar
    tied = np.flatnonzero(total == bar)[:keep - int(above.sum())]
    chosen = np.sort(np.concatenate([np.flatnonzero(above), tied]))
    return held[chosen], total[chosen]
