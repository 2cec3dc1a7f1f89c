"""The search index: term postings narrow the directory to candidates, which are then scored and explained."""

from __future__ import annotations

import itertools
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from cpi_chat.assets.filtering import FilterColumns
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import (
    Word,
    fold,
    full_terms,
    joined,
    known_spellings,
    known_terms,
    raw_words,
    stem,
    words,
)
from cpi_chat.assets.terms import FIELDS, WEIGHT_LIST, WEIGHT_OF_CODE, TermExtractor
from cpi_chat.assets.vocabulary import Vocabulary

SOFT_WEIGHT = 0.3  # how much a word like "used" or "dad" counts in a query
UNMATCHED_WEIGHT = 0.5  # a query word that matches nothing at all counts this much against every hit
NAME_SIMILARITY_SHARE = 0.15
# Words that say what shape a thing takes rather than what it is about ("art class": art matters most).
GENERIC_TERMS = frozenset(stem(w) for w in ["club", "group", "class", "session", "society", "circle", "team", "meeting", "meetup", "centre", "association"])
GENERIC_WEIGHT = 0.6
CLOSE_ENOUGH_BESIDE_COMPLETIONS = 85.0
MINIMUM_SHARE = 0.12  # a hit must match at least this share of the query's weight...
RELATIVE_SHARE = 0.3  # ...or, for long queries, this share of what the best hit matched


@dataclass(frozen=True, slots=True)
class Alternative:
    """A term that may stand for a query word, how good a stand-in it is, and why."""

    term: str
    quality: float
    note: str = ""  # e.g. "from 'footy'"


@dataclass(slots=True)
class Slot:
    """One meaningful word of the query and the terms that may match it."""

    surface: str
    weight: float
    alternatives: list[Alternative]


@dataclass(frozen=True, slots=True)
class Reason:
    """One part of why an asset matched: the field, the term found there, and any note."""

    field: str
    term: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class IndexHit:
    """An asset position in the index, its score (0-100) and the reasons for it."""

    position: int
    asset_id: str
    score: float
    reasons: tuple[Reason, ...]


class SearchIndex:
    """Postings from terms to assets, built once and updated one asset at a time."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.vocabulary = Vocabulary(lexicon.synonyms)
        self.ids: list[str] = []
        self.names: list[str] = []  # folded names, for the final ranking
        self.position_of: dict[str, int] = {}
        self.alive = np.zeros(0, dtype=bool)
        self.extractor = TermExtractor(lexicon)
        # Postings built in bulk: positions and codes of each term in one sorted block.
        self._block: dict[str, tuple[int, int]] = {}
        self._block_positions = np.zeros(0, dtype=np.int32)
        self._block_codes = np.zeros(0, dtype=np.uint8)
        # Postings added since: term -> (positions, codes).
        self._recent: dict[str, tuple[list[int], list[int]]] = {}
        self._terms_of: dict[int, tuple[str, ...]] = {}  # only for assets added since the bulk build
        self.attributes: FilterColumns | None = None
        self._domain_terms = self.extractor.domain_terms()
        self._domain_numbers: dict[str, int] = {d.slug: i for i, d in enumerate(lexicon.domains)}
        self._domain_of = array("h")  # the domain number of each position
        self._domain_of_array: np.ndarray | None = None

    # Building and updating -------------------------------------------------------------------

    def build(self, assets: Iterable[Asset]) -> None:
        """Index every asset from scratch."""

        term_numbers: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # numbered as first seen
        term_column = array("i")
        position_column = array("i")
        code_column = array("B")
        columns = FilterColumns()
        for position, asset in enumerate(assets):
            self.ids.append(asset.id)
            self.names.append(fold(asset.name))
            self.position_of[asset.id] = position
            self._domain_of.append(self._domain_number(asset.domain))
            columns.append(asset, self.lexicon)
            found = self.extractor.terms(asset)
            term_column.extend([term_numbers[term] for term in found])
            position_column.extend([position] * len(found))
            code_column.extend(found.values())
        self.attributes = columns
        self.alive = np.ones(len(self.ids), dtype=bool)
        term_array = np.frombuffer(term_column, dtype=np.int32)
        order = np.argsort(term_array, kind="stable")
        self._block_positions = np.frombuffer(position_column, dtype=np.int32)[order]
        self._block_codes = np.frombuffer(code_column, dtype=np.uint8)[order]
        counts = np.bincount(term_array, minlength=len(term_numbers))
        del term_column, position_column, code_column, term_array, order
        count_list = counts.tolist()
        end_list = np.cumsum(counts).tolist()
        self._block = {term: (end_list[n] - count_list[n], end_list[n]) for term, n in term_numbers.items()}
        frequencies = {term: count_list[n] for term, n in term_numbers.items()}
        # Terms somebody wrote as a word (not only two words run together): the only completions offered.
        words_written = known_terms() & frequencies.keys()
        self.vocabulary.reset(self._with_domain_counts(frequencies), dict(known_spellings()), words_written)

    def _domain_number(self, slug: str) -> int:
        return self._domain_numbers.setdefault(slug, len(self._domain_numbers))

    def _with_domain_counts(self, frequencies: dict[str, int]) -> dict[str, int]:
        """Term counts with each domain word counted once for every asset in its domains."""
        per_domain = np.bincount(np.frombuffer(self._domain_of, dtype=np.int16), minlength=len(self._domain_numbers))
        for term, domains in self._domain_terms.items():
            held = sum(int(per_domain[self._domain_numbers[slug]]) for slug in domains if slug in self._domain_numbers)
            frequencies[term] = min(len(self.ids), frequencies.get(term, 0) + held) or 1
        return frequencies

    def domain_column(self) -> np.ndarray:
        """The domain number of every position, as an array."""
        if self._domain_of_array is None or len(self._domain_of_array) != len(self._domain_of):
            self._domain_of_array = np.frombuffer(self._domain_of, dtype=np.int16).copy()
        return self._domain_of_array

    def add(self, asset: Asset) -> None:
        """Index one new or changed asset without rebuilding the rest."""

        if self.attributes is None:
            self.attributes = FilterColumns()
        if asset.id in self.position_of:
            self.remove(asset.id)
        position = len(self.ids)
        self.ids.append(asset.id)
        self.names.append(fold(asset.name))
        self.position_of[asset.id] = position
        self.alive = np.append(self.alive, True)
        self._domain_of.append(self._domain_number(asset.domain))
        self.attributes.append(asset, self.lexicon)
        self.attributes.freeze()
        found = self.extractor.terms(asset)
        own_words = words(" ".join((asset.name, asset.description, asset.area, *asset.tags)))
        written = {w.term for w in own_words}
        for term, code in found.items():
            positions, codes = self._recent.setdefault(term, ([], []))
            positions.append(position)
            codes.append(code)
            self.vocabulary.count(term, +1, written=term in written)
        self._terms_of[position] = tuple(found)
        for w in own_words:
            if w.surface != w.term:
                self.vocabulary.alias(w.surface.replace("-", ""), w.term)

    def remove(self, asset_id: str) -> None:
        """Forget one asset; its postings stay but can never match again."""
        position = self.position_of.pop(asset_id, None)
        if position is None:
            return
        self.alive[position] = False
        for term in self._terms_of.pop(position, ()):
            self.vocabulary.count(term, -1)

    def __len__(self) -> int:
        return len(self.position_of)

    # Postings ------------------------------------------------------------------------------

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the assets holding `term` and the code of where it is held."""
        block = self._block.get(term)
        recent = self._recent.get(term)
        if block is not None:
            positions = self._block_positions[block[0] : block[1]]
            codes = self._block_codes[block[0] : block[1]]
            if recent is None:
                return positions, codes
            return (
                np.concatenate([positions, np.asarray(recent[0], dtype=np.int32)]),
                np.concatenate([codes, np.asarray(recent[1], dtype=np.uint8)]),
            )
        if recent is not None:
            return np.asarray(recent[0], dtype=np.int32), np.asarray(recent[1], dtype=np.uint8)
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint8)

    def code_at(self, term: str, position: int) -> int | None:
        """Where `term` occurs in the asset at `position`, as a code, or None."""
        best = self._code_in_postings(term, position)
        domains = self._domain_terms.get(term)
        if domains:
            slug = next((s for s, n in self._domain_numbers.items() if n == self._domain_of[position]), "")
            code = domains.get(slug)
            if code is not None and (best is None or WEIGHT_LIST[code] > WEIGHT_LIST[best]):
                best = code
        return best

    def _code_in_postings(self, term: str, position: int) -> int | None:
        block = self._block.get(term)
        if block is not None:
            positions = self._block_positions[block[0] : block[1]]
            found = int(np.searchsorted(positions, position))
            if found < len(positions) and positions[found] == position:
                return int(self._block_codes[block[0] + found])
        recent = self._recent.get(term)
        if recent is not None and position in recent[0]:
            return recent[1][recent[0].index(position)]
        return None

    def idf(self, term: str) -> float:
        """Inverse document frequency: rare terms count for more."""
        return math.log(1.0 + (len(self.ids) + 1) / (1 + self.vocabulary.frequency(term)))

    # Queries -------------------------------------------------------------------------------

    def slots(self, query: str) -> list[Slot]:
        """The query's words, each with the terms (exact, synonym, joined, typo, prefix) that may match it."""
        found = words(query)
        if not found:
            return []
        if all(w.soft for w in found):
            found = [Word(w.surface, w.term, w.parts, False) for w in found]
        slots = [Slot(w.surface, 0.0, []) for w in found]
        known = self.vocabulary
        for i, w in enumerate(found):
            if known.frequency(w.term):
                slots[i].alternatives.append(Alternative(w.term, 1.0))
            for part in w.parts:
                if known.frequency(part):
                    slots[i].alternatives.append(Alternative(part, 0.6))
        synonyms = self.lexicon.synonyms
        spans = [(span, list(range(span.start, span.end))) for span in synonyms.spans([w.term for w in found], [w.surface for w in found])]
        if synonyms.might_hold_stop_phrase([w.term for w in found]):
            full, where = full_terms(query)
            for span in synonyms.stop_spans(full, raw_words(query)):
                spans.append((span, [where[i] for i in range(span.start, span.end) if where[i] >= 0]))
        for span, positions in spans:
            if not known.frequency(span.canonical):
                continue
            exact = span.end - span.start > 1 and span.surface.replace(" ", "") == span.canonical
            for i in positions:
                slots[i].alternatives.append(
                    Alternative(
                        span.canonical, 1.0 if exact else 0.9, "" if exact else f"from '{span.surface}'"
                    )
                )
        for i in range(len(found) - 1):
            solid = joined(found[i], found[i + 1])
            if known.frequency(solid):
                slots[i].alternatives.append(Alternative(solid, 1.0))
                slots[i + 1].alternatives.append(Alternative(solid, 1.0))
        for i, (w, slot) in enumerate(zip(found, slots)):
            if w.soft:
                slot.weight = self._slot_weight(w, slot)
                continue
            typed = w.surface.replace("-", "")
            completions: list[str] = []
            if (not slot.alternatives or i == len(found) - 1) and len(typed) >= 3:
                # Completions of what was typed, not of its stem ("soccer" must not complete to "social").
                completions = known.terms_starting_with(typed if typed.isalpha() else w.term)
            if not slot.alternatives:
                for term, similarity in known.close_terms(w.term, typed):
                    # Half a word that completes is more likely than a typo two letters away.
                    if similarity >= CLOSE_ENOUGH_BESIDE_COMPLETIONS or not completions:
                        slot.alternatives.append(Alternative(term, 0.9 * similarity / 100, f"from '{w.surface}'"))
            for term in completions:
                quality = 0.8 * math.sqrt(min(1.0, len(typed) / len(term)))
                slot.alternatives.append(Alternative(term, quality, f"from '{w.surface}'"))
            slot.weight = self._slot_weight(w, slot)
        return slots

    def _slot_weight(self, word: Word, slot: Slot) -> float:
        meant = word.term
        if slot.alternatives:
            meant = max(slot.alternatives, key=lambda a: a.quality).term
            weight = self.idf(meant)
        else:
            weight = math.log(1.0 + len(self.ids) + 1) * UNMATCHED_WEIGHT
        if word.soft:
            return weight * SOFT_WEIGHT
        return weight * (GENERIC_WEIGHT if meant in GENERIC_TERMS else 1.0)

    def search(self, query: str, limit: int = 10, allowed: np.ndarray | None = None) -> list[IndexHit]:
        """The best `limit` assets for `query`, among those `allowed` (a boolean mask) if given."""
        slots = self.slots(query)
        total_weight = sum(slot.weight for slot in slots)
        if not slots or total_weight <= 0 or not self.ids:
            return []
        size = len(self.ids)
        total = np.zeros(size, dtype=np.float32)
        for slot in slots:
            if not slot.alternatives:
                continue
            best = np.zeros(size, dtype=np.float32)
            self._add_domain_matches(slot, best)
            for alternative in slot.alternatives:
                positions, codes = self.postings(alternative.term)
                if not len(positions):
                    continue
                weights = WEIGHT_OF_CODE[codes] * np.float32(alternative.quality)
                best[positions] = np.maximum(best[positions], weights)
            total += best * np.float32(slot.weight / total_weight)
        total[~self.alive] = 0
        if allowed is not None:
            total[~allowed] = 0
        # A long description from notes spreads the score over many words, so the bar is relative.
        best_total = float(total.max())
        candidates = np.flatnonzero(total > min(MINIMUM_SHARE, RELATIVE_SHARE * best_total))
        if not len(candidates):
            return []
        keep = min(len(candidates), max(limit * 5, 50))
        if keep < len(candidates):
            candidates = candidates[np.argpartition(-total[candidates], keep - 1)[:keep]]
        plain_query = " ".join(w.surface for w in words(query) if not w.soft) or fold(query)
        scored: list[tuple[float, int]] = []
        for position in candidates.tolist():
            likeness = fuzz.ratio(plain_query, self.names[position]) / 100
            score = 100 * (
                (1 - NAME_SIMILARITY_SHARE) * float(total[position]) + NAME_SIMILARITY_SHARE * likeness
            )
            scored.append((score, position))
        scored.sort(key=lambda pair: (-pair[0], self.names[pair[1]]))
        return [
            IndexHit(position, self.ids[position], round(min(score, 100.0), 1), self.explain(slots, position))
            for score, position in scored[:limit]
        ]

    def _add_domain_matches(self, slot: Slot, best: np.ndarray) -> None:
        """Credit every asset whose domain's label or description holds one of the slot's terms."""
        by_domain = np.zeros(max(1, len(self._domain_numbers)), dtype=np.float32)
        for alternative in slot.alternatives:
            for slug, code in self._domain_terms.get(alternative.term, {}).items():
                number = self._domain_numbers[slug]
                by_domain[number] = max(by_domain[number], WEIGHT_LIST[code] * alternative.quality)
        if by_domain.any():
            np.maximum(best, by_domain[self.domain_column()], out=best)

    def explain(self, slots: list[Slot], position: int) -> tuple[Reason, ...]:
        """Why the asset at `position` matched: for each query word, the field and term that did it."""
        reasons: list[tuple[float, Reason]] = []
        for slot in slots:
            best: tuple[float, Reason] | None = None
            for alternative in slot.alternatives:
                code = self.code_at(alternative.term, position)
                if code is None:
                    continue
                value = float(WEIGHT_OF_CODE[code]) * alternative.quality
                if best is None or value > best[0]:
                    best = (
                        value * slot.weight,
                        Reason(FIELDS[(code & 31) >> 2], alternative.term, alternative.note),
                    )
            if best is not None:
                reasons.append(best)
        reasons.sort(key=lambda pair: -pair[0])
        unique: list[Reason] = []
        for _, reason in reasons:
            if reason not in unique:
                unique.append(reason)
        return tuple(unique[:3])
