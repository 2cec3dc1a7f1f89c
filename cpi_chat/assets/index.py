"""Searching the index: a query's words and the terms that may stand for them, scored, ranked and explained.

A word is matched literally (as written, stemmed, joined with its neighbour, part of a hyphenated
word, or a phrase the lexicon names) or through an expansion (a synonym, a likely typo, the rest of
a half-typed word). Expansions only count in names, tags and areas, and for less than any literal
match. A word that is a real English word is never read as a typo of another.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from cpi_chat.assets.index_store import IndexStore
from cpi_chat.assets.lexicon import Lexicon, SynonymSpan
from cpi_chat.assets.normalise import Word, fold, full_terms, joined, raw_words, stem, words
from cpi_chat.assets.scoring import Postings, SlotPostings, best_candidates, best_of
from cpi_chat.assets.spelling import is_real_word
from cpi_chat.assets.terms import (
    EXPANSION_SHARE,
    EXPANSION_WEIGHT,
    FIELDS,
    LITERAL_WEIGHT,
    TermExtractor,
)

SOFT_WEIGHT = 0.3  # how much a word like "used" or "dad" counts in a query
UNMATCHED_WEIGHT = 0.5  # a query word that matches nothing at all counts this much against every hit
NAME_SIMILARITY_SHARE = 0.15
# Words that say what shape a thing takes rather than what it is about ("art class": art matters most).
GENERIC_TERMS = frozenset(stem(w) for w in ["club", "group", "class", "session", "society", "circle", "team", "meeting", "meetup", "centre", "association"])
GENERIC_WEIGHT = 0.6
CLOSE_ENOUGH_BESIDE_COMPLETIONS = 85.0
TRIGRAM_LIST_LIMIT = 4000  # a trigram shared by more words than this tells us nothing
MAX_COMPLETIONS = 8
MIN_CANDIDATES = 50  # ranked by name likeness too: at least this many of the best scores, or five per hit asked for


@dataclass(frozen=True, slots=True)
class Alternative:
    """A term that may stand for a query word, how good a stand-in it is, and whether it is literal."""

    term: str
    quality: float
    typed: str = ""  # what was typed, when the search read it as another word
    literal: bool = True


@dataclass(slots=True)
class Slot:
    """One meaningful word of the query and the terms that may match it."""

    surface: str
    weight: float
    alternatives: list[Alternative] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reason:
    """One part of why an asset matched: the field, the term found there, and what was typed if it differs."""

    field: str
    term: str
    typed: str = ""


@dataclass(frozen=True, slots=True)
class IndexHit:
    """An asset id, its score (0-100) and the reasons for it."""

    asset_id: str
    score: float
    reasons: tuple[Reason, ...]


class SearchIndex:
    """Queries over the index tables of one assets.db (the caller holds a read transaction)."""

    def __init__(self, store: IndexStore, lexicon: Lexicon, extractor: TermExtractor) -> None:
        self.store = store
        self.lexicon = lexicon
        self.domain_terms = extractor.domain_terms()
        self._variants = lexicon.synonyms.variant_terms()

    # The query's words -------------------------------------------------------------------------

    def slots(self, query: str, known: dict[str, tuple[int, int, bool]], assets: int) -> list[Slot]:
        """The query's words, each with the terms (as written, phrases, typos, completions) that may match it."""
        found = words(query)
        if found and all(w.soft for w in found):
            found = [Word(w.surface, w.term, w.parts, False) for w in found]
        slots = [Slot(w.surface, 0.0) for w in found]
        wanted = self._candidate_terms(query, found)
        known.update(self.store.terms(wanted))

        def exists(term: str) -> bool:
            return known.get(term, (0, 0, False))[1] > 0

        for i, w in enumerate(found):
            for term, quality in [(w.term, 1.0), *((part, 0.6) for part in w.parts), (self.domain_terms.get(w.term, ""), 1.0)]:
                if term and exists(term):
                    slots[i].alternatives.append(Alternative(term, quality))
        for span, positions in self._spans(query, found):
            if exists(span.canonical):
                phrase = span.end - span.start > 1 or len(positions) > 1
                exact = phrase and span.surface.replace(" ", "") == span.canonical
                typed = "" if exact else span.surface
                for i in positions:
                    slots[i].alternatives.append(Alternative(span.canonical, 1.0 if exact else 0.9, typed, literal=phrase))
        for i in range(len(found) - 1):
            solid = joined(found[i], found[i + 1])
            if exists(solid):
                slots[i].alternatives.append(Alternative(solid, 1.0))
                slots[i + 1].alternatives.append(Alternative(solid, 1.0))
        for i, (w, slot) in enumerate(zip(found, slots)):
            if not w.soft:
                self._add_guesses(w, slot, last=i == len(found) - 1, known=known)
            slot.weight = self._slot_weight(w, slot, known, assets)
        return slots

    def _candidate_terms(self, query: str, found: list[Word]) -> list[str]:
        wanted = [w.term for w in found] + [p for w in found for p in w.parts]
        wanted += [self.domain_terms[w.term] for w in found if w.term in self.domain_terms]
        wanted += [span.canonical for span, _ in self._spans(query, found)]
        wanted += [joined(a, b) for a, b in itertools.pairwise(found)]
        return wanted

    def _spans(self, query: str, found: list[Word]) -> list[tuple[SynonymSpan, list[int]]]:
        synonyms = self.lexicon.synonyms
        spans: list[tuple[SynonymSpan, list[int]]] = [
            (span, list(range(span.start, span.end)))
            for span in synonyms.spans([w.term for w in found], [w.surface for w in found])
        ]
        if synonyms.might_hold_stop_phrase([w.term for w in found]):
            full, where = full_terms(query)
            for span in synonyms.stop_spans(full, raw_words(query)):
                spans.append((span, [where[i] for i in range(span.start, span.end) if where[i] >= 0]))
        return spans

    def _add_guesses(self, w: Word, slot: Slot, last: bool, known: dict[str, tuple[int, int, bool]]) -> None:
        """Completions of a half-typed last word and likely typos, for words that are not real words."""
        typed = w.surface.replace("-", "")
        if len(typed) < 3 or any(a.literal for a in slot.alternatives) or is_real_word(w.surface):
            return
        completions: list[tuple[str, int]] = []
        if last:
            prefix = typed if typed.isalpha() else w.term
            # Words much longer than what was typed are mostly two words joined: not a completion.
            found = [(t, f) for t, f in self.store.written_terms_starting(prefix) if len(t) <= 1.6 * len(prefix) + 2]
            completions = sorted(found, key=lambda pair: (-pair[1], pair[0]))[:MAX_COMPLETIONS]
        for term, similarity in self._close_terms(typed, w.term, known):
            if similarity >= CLOSE_ENOUGH_BESIDE_COMPLETIONS or not completions:
                slot.alternatives.append(Alternative(term, 0.9 * similarity / 100, w.surface, literal=False))
        for term, frequency in completions:
            known.setdefault(term, (0, frequency, True))
            quality = 0.8 * math.sqrt(min(1.0, len(typed) / len(term)))
            slot.alternatives.append(Alternative(term, quality, w.surface, literal=False))

    def _close_terms(self, typed: str, term: str, known: dict[str, tuple[int, int, bool]]) -> list[tuple[str, float]]:
        """Indexed terms one or two edits from what was typed (a likely typo), with a similarity 0-100."""
        results: dict[str, float] = {}
        for spelling in dict.fromkeys((typed, term)):
            if len(spelling) < 4 or not spelling.isalpha():
                continue
            allowed = 1 if len(spelling) <= 5 else 2
            candidates = [(s, meaning.split()) for s, meaning, _ in self.store.spellings_sharing_grams(spelling, TRIGRAM_LIST_LIMIT)]
            candidates += [(variant, sorted(targets)) for variant, targets in self._variants.items()
                           if abs(len(variant) - len(spelling)) <= allowed]
            for candidate, targets in candidates:
                edits = OSA.distance(spelling, candidate, score_cutoff=allowed)
                if edits > allowed:
                    continue
                similarity = 100.0 * (1 - edits / max(len(spelling), len(candidate)))
                for target in targets:
                    results[target] = max(results.get(target, 0.0), similarity)
        known.update(self.store.terms(results))
        present = [(t, s) for t, s in results.items() if known.get(t, (0, 0, False))[1] > 0]
        present.sort(key=lambda pair: (-pair[1], -known[pair[0]][1], pair[0]))
        return present[:3]

    def _slot_weight(self, word: Word, slot: Slot, known: dict[str, tuple[int, int, bool]], assets: int) -> float:
        if slot.alternatives:
            meant = max(slot.alternatives, key=lambda a: (a.literal, a.quality)).term
            weight = math.log(1.0 + (assets + 1) / (1 + known.get(meant, (0, 0, False))[1]))
        else:
            meant = word.term
            weight = math.log(1.0 + assets + 1) * UNMATCHED_WEIGHT
        if word.soft:
            return weight * SOFT_WEIGHT
        return weight * (GENERIC_WEIGHT if meant in GENERIC_TERMS else 1.0)

    # Scoring ------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10, allowed: np.ndarray | None = None) -> list[IndexHit]:
        """The best `limit` assets for `query`, among those `allowed` (a boolean mask by position) if given."""
        size = self.store.slot_count()
        assets = self.store.alive_count()
        known: dict[str, tuple[int, int, bool]] = {}
        slots = self.slots(query, known, assets)
        total_weight = sum(slot.weight for slot in slots)
        if not slots or total_weight <= 0 or not size:
            return []
        ids = sorted({known[a.term][0] for slot in slots for a in slot.alternatives if a.term in known and known[a.term][0]})
        postings = self.store.postings(ids)
        by_term = {term: postings.get(row[0]) for term, row in known.items() if row[0] in postings}
        # The best a hit could score: every word matched literally in a name, or by expansion where nothing is literal.
        possible = sum(slot.weight * (1.0 if any(a.literal for a in slot.alternatives) else EXPANSION_SHARE)
                       for slot in slots) / total_weight
        keep = max(limit * 5, MIN_CANDIDATES)
        dead = self.store.dead_positions()

        def usable(held: np.ndarray) -> np.ndarray:
            ok = ~np.isin(held, dead) if len(dead) else np.ones(len(held), dtype=bool)
            if allowed is not None:
                ok &= held < len(allowed)
                ok[ok] = allowed[held[ok]]
            return ok

        held, total = best_candidates(_slot_postings(slots, by_term, total_weight), size, keep, usable)
        if not len(held):
            return []
        held, total = best_of(held, total, keep)
        score_at = dict(zip(held.tolist(), total.tolist(), strict=True))
        names = self.store.names(held.tolist())
        plain_query = " ".join(w.surface for w in words(query) if not w.soft) or fold(query)
        scored: list[tuple[float, str, int]] = []
        for position in held.tolist():
            name = names[position][1]
            likeness = fuzz.ratio(plain_query, name) / 100
            score = 100 * score_at[position] / possible * (1 - NAME_SIMILARITY_SHARE + NAME_SIMILARITY_SHARE * likeness)
            scored.append((score, name, position))
        scored.sort(key=lambda row: (-row[0], row[1]))
        shown = scored[:limit]
        reasons = self.explain(slots, [position for _, _, position in shown], by_term)
        return [
            IndexHit(names[position][0], round(min(score, 100.0), 1), why)
            for (score, _, position), why in zip(shown, reasons, strict=True)
        ]

    @staticmethod
    def explain(
        slots: list[Slot], positions: list[int], by_term: dict[str, tuple[np.ndarray, np.ndarray] | None],
    ) -> list[tuple[Reason, ...]]:
        """Why the asset at each position matched: for each query word, the field and term that did it (the best three)."""
        wanted = np.asarray(positions, dtype=np.int32)
        best: list[list[tuple[float, Reason] | None]] = [[None] * len(slots) for _ in positions]
        for s, slot in enumerate(slots):
            for alternative in slot.alternatives:
                found = by_term.get(alternative.term)
                if found is None or not len(found[0]):
                    continue
                held, codes = found
                at = np.minimum(np.searchsorted(held, wanted), len(held) - 1)
                table = LITERAL_WEIGHT if alternative.literal else EXPANSION_WEIGHT
                for h in np.flatnonzero(held[at] == wanted).tolist():
                    code = int(codes[at[h]])
                    value = float(table[code]) * alternative.quality * slot.weight
                    kept = best[h][s]
                    if value > 0 and (kept is None or value > kept[0]):
                        best[h][s] = (value, Reason(FIELDS[code >> 2], alternative.term, alternative.typed))
        return [_best_reasons([pair for pair in pairs if pair is not None]) for pairs in best]


def _slot_postings(
    slots: list[Slot], by_term: dict[str, tuple[np.ndarray, np.ndarray] | None], total_weight: float,
) -> list[SlotPostings]:
    """Each slot's share of the query and the postings of its terms, each code worth the best any alternative makes it."""
    found = []
    for slot in slots:
        held: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        worth: dict[str, np.ndarray] = {}  # one term may stand for a word in several ways ("read" as written and as a synonym)
        for alternative in slot.alternatives:
            hit = by_term.get(alternative.term)
            if hit is not None and len(hit[0]):
                table = (LITERAL_WEIGHT if alternative.literal else EXPANSION_WEIGHT) * np.float32(alternative.quality)
                worth[alternative.term] = np.maximum(worth[alternative.term], table) if alternative.term in worth else table
                held[alternative.term] = hit
        alternatives = tuple(Postings(*held[term], table) for term, table in worth.items())
        found.append(SlotPostings(np.float32(slot.weight / total_weight), alternatives))
    return found


def _best_reasons(reasons: list[tuple[float, Reason]]) -> tuple[Reason, ...]:
    """The three reasons that count most, each once."""
    reasons.sort(key=lambda pair: -pair[0])
    return tuple(dict.fromkeys(reason for _, reason in reasons))[:3]
