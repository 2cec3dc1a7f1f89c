"""An asset's search terms: which field each word is in, how it was found, and what that is worth."""

from __future__ import annotations

import itertools

import numpy as np

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import joined, words_and_full_terms

# Where a term was found, and how much a match there counts.
FIELDS = ("name", "tags", "area", "domain", "description", "details", "domain")
FIELD_WEIGHTS = (1.0, 0.8, 0.6, 0.55, 0.5, 0.3, 0.2)
NAME, TAGS, AREA, DOMAIN, DESCRIPTION, DETAILS, DOMAIN_NOTE = range(7)
# How the term came from the asset's words: as written, two words joined, a synonym, part of a hyphenated word.
EXACT, JOINED, SYNONYM, PART = range(4)
QUALITY_WEIGHTS = (1.0, 0.95, 0.9, 0.85)
# A code is field << 2 | quality. (Counting the other fields that hold a term too was tried:
# it made no difference to the labelled queries and cost a tenth of the build time.)
WEIGHT_OF_CODE = np.array(
    [FIELD_WEIGHTS[f] * QUALITY_WEIGHTS[q] if f < len(FIELDS) else 0.0 for f in range(8) for q in range(4)],
    dtype=np.float32,
)
WEIGHT_LIST = [float(w) for w in WEIGHT_OF_CODE]
FieldTerms = tuple[tuple[str, ...], tuple[tuple[str, int], ...]]


class TermExtractor:
    """Turns an asset into its terms and where they occur; short texts seen before come from a cache."""

    CACHE_TEXT_LIMIT = 80
    CACHE_SIZE = 100_000

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, FieldTerms] = {}
        self._joined_cache: dict[str, FieldTerms] = {}
        self._phrase_starts = lexicon.synonyms.phrase_starts()

    def field(self, text: str, join_neighbours: bool) -> FieldTerms:
        """One field's terms as written, and its other (term, quality) pairs (parts, joins, synonyms)."""
        cache = self._joined_cache if join_neighbours else self._cache
        cached = cache.get(text)
        if cached is not None:
            return cached
        found, full = words_and_full_terms(text)
        sequence = [w.term for w in found]
        extra: list[tuple[str, int]] = []
        for w in found:
            if w.parts:
                extra.extend((part, PART) for part in w.parts)
        if join_neighbours and len(found) > 1:
            extra.extend((joined(a, b), JOINED) for a, b in itertools.pairwise(found))
        synonyms = self.lexicon.synonyms
        if not self._phrase_starts.isdisjoint(sequence):
            extra.extend((canonical, SYNONYM) for canonical in synonyms.canonicals(sequence))
        if synonyms.might_hold_stop_phrase(sequence):
            extra.extend((span.canonical, SYNONYM) for span in synonyms.stop_spans(full))
        result = (tuple(sequence), tuple(extra))
        if len(text) <= self.CACHE_TEXT_LIMIT and len(cache) < self.CACHE_SIZE:
            cache[text] = result
        return result

    def domain_terms(self) -> dict[str, dict[str, int]]:
        """For each term of a domain's label or description: the domains holding it, with their codes.

        Domains are matched at query time through each asset's domain, not through postings:
        every asset of a domain shares the same words, so postings would only repeat them.
        """
        found: dict[str, dict[str, int]] = {}
        for domain in self.lexicon.domains:
            for text, field_no in ((f"{domain.label} {domain.slug}", DOMAIN), (domain.description, DOMAIN_NOTE)):
                exact, extra = self.field(text, False)
                for term, quality in [(t, EXACT) for t in exact] + list(extra):
                    code = field_no << 2 | quality
                    old = found.setdefault(term, {}).get(domain.slug)
                    if old is None or WEIGHT_LIST[code] > WEIGHT_LIST[old]:
                        found[term][domain.slug] = code
        return found

    def terms(self, asset: Asset) -> dict[str, int]:
        """Every term of an asset with the best code (field << 2 | quality) it has."""
        best: dict[str, int] = {}
        get = best.get
        weight = WEIGHT_LIST
        field = self.field
        # Tags are read as one text: faster, and a stray join across two tags matches nothing.
        for text, base, join_neighbours in (
            (asset.name, NAME << 2, True),
            ("; ".join(asset.tags), TAGS << 2, True),
            (asset.area, AREA << 2, True),
            (asset.description, DESCRIPTION << 2, False),
            (asset.schedule, DETAILS << 2, False),
            (asset.cost, DETAILS << 2, False),
            (asset.accessibility, DETAILS << 2, False),
            (asset.address, DETAILS << 2, False),
        ):
            if not text:
                continue
            exact, extra = field(text, join_neighbours)
            exact_weight = weight[base]
            for term in exact:
                old = get(term)
                if old is None or exact_weight > weight[old]:
                    best[term] = base
            for term, quality in extra:
                code = base | quality
                old = get(term)
                if old is None or weight[code] > weight[old]:
                    best[term] = code
        return best
