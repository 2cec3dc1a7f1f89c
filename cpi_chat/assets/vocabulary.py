"""Every term the index holds, with how often it occurs, and the look-ups for typos and prefixes."""

from __future__ import annotations

import bisect
from collections import Counter

from rapidfuzz.distance import OSA

from cpi_chat.assets.lexicon import Synonyms

TRIGRAM_LIST_LIMIT = 4000  # a trigram shared by more terms than this tells us nothing
FUZZY_CANDIDATES = 40
MAX_PREFIX_TERMS = 8


def _trigrams(term: str) -> set[str]:
    padded = f"^{term}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class Vocabulary:
    """The indexed terms and synonym variants: exact counts, close spellings and completions."""

    def __init__(self, synonyms: Synonyms) -> None:
        self._frequency: dict[str, int] = {}
        self._synonym_variants = synonyms.variant_terms()
        # Words as written (and synonym variants) that stand for a term: typos are closest to these.
        self._aliases: dict[str, set[str]] = {}
        self._trigram_terms: dict[str, list[str]] = {}
        self._sorted: list[str] | None = None
        self._written: set[str] = set()
        self.reset({}, {})

    def reset(self, frequencies: dict[str, int], surfaces: dict[str, str], written: set[str] | None = None) -> None:
        """Start again from these term counts, written forms (word -> term) and terms written as words."""
        self._frequency = dict(frequencies)
        self._written = set(frequencies) if written is None else set(written)
        self._aliases = {k: set(v) for k, v in self._synonym_variants.items()}
        for surface, term in surfaces.items():
            self._aliases.setdefault(surface, set()).add(term)
        self._trigram_terms = {}
        for word in set(self._frequency) | set(self._aliases):
            self._add_trigrams(word)
        self._sorted = None

    def alias(self, surface: str, term: str) -> None:
        """Record that the written word `surface` stands for `term`."""
        if surface == term:
            return
        known = surface in self._aliases or surface in self._frequency
        self._aliases.setdefault(surface, set()).add(term)
        if not known:
            self._add_trigrams(surface)

    def _add_trigrams(self, term: str) -> None:
        if len(term) >= 3 and term.isalpha():
            for gram in _trigrams(term):
                self._trigram_terms.setdefault(gram, []).append(term)

    def count(self, term: str, change: int, written: bool = True) -> None:
        """Record that one more (or one fewer) asset holds `term` (`written` as a word of its own)."""
        if written and change > 0 and term not in self._written:
            self._written.add(term)
            self._sorted = None
        old = self._frequency.get(term, 0)
        self._frequency[term] = max(0, old + change)
        if old == 0 and change > 0 and term not in self._aliases:
            self._add_trigrams(term)
            self._sorted = None

    def frequency(self, term: str) -> int:
        """How many assets hold `term`."""
        return self._frequency.get(term, 0)

    def close_terms(self, *spellings: str) -> list[tuple[str, float]]:
        """Indexed terms within one or two edits of any spelling (a likely typo), with a similarity 0-100."""
        results: dict[str, float] = {}
        for spelling in dict.fromkeys(spellings):
            self._close_to(spelling, results)
        ranked = sorted(results.items(), key=lambda pair: (-pair[1], -self.frequency(pair[0]), pair[0]))
        return ranked[:3]

    def _close_to(self, word: str, results: dict[str, float]) -> None:
        if len(word) < 4 or not word.isalpha():
            return
        allowed_edits = 1 if len(word) <= 5 else 2
        shared: Counter[str] = Counter()
        for gram in _trigrams(word):
            found = self._trigram_terms.get(gram)
            if found and len(found) <= TRIGRAM_LIST_LIMIT:
                shared.update(found)
        for candidate, _ in shared.most_common(FUZZY_CANDIDATES):
            edits = OSA.distance(word, candidate, score_cutoff=allowed_edits)
            if edits > allowed_edits:
                continue
            similarity = 100.0 * (1 - edits / max(len(word), len(candidate)))
            targets = [candidate] if self.frequency(candidate) else []
            targets += [t for t in self._aliases.get(candidate, ()) if self.frequency(t)]
            for target in targets:
                results[target] = max(results.get(target, 0.0), similarity)

    def terms_starting_with(self, prefix: str) -> list[str]:
        """The most common indexed terms that begin with `prefix` and are longer than it."""
        if self._sorted is None:
            self._sorted = sorted(t for t in self._written if self._frequency.get(t, 0) > 0)
        start = bisect.bisect_left(self._sorted, prefix)
        found: list[str] = []
        for term in self._sorted[start:start + 400]:
            if not term.startswith(prefix):
                break
            # Words much longer than what was typed are mostly two words joined: not a completion.
            if term != prefix and len(term) <= 1.6 * len(prefix) + 2:
                found.append(term)
        found.sort(key=lambda t: (-self.frequency(t), t))
        return found[:MAX_PREFIX_TERMS]
