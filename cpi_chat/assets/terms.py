"""An asset's search terms: which field each word is in, how it was found, and what a match there is worth.

A code is `field << 2 | quality`. Words as written (and two written words joined, and the parts of
a hyphenated word) are literal; a synonym is an expansion. Expansions count only in a name, the
tags or the area, and always for less than any literal match, so "swimming" finds the swimming
club before "The Baths Hall". Facts the filters use (domain, areas, days, free, access, kind)
are indexed as terms starting with "@", which no query word can be.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import numpy as np

from cpi_chat.assets.facts import is_accessible, is_free, schedule_days
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset, split_areas
from cpi_chat.assets.normalise import fold, joined, terms, words_and_full_terms

# Where a term was found, and how much a literal match there counts.
FIELDS = ("name", "tags", "area", "domain", "description", "details")
FIELD_WEIGHTS = (1.0, 0.8, 0.6, 0.55, 0.5, 0.3)
NAME, TAGS, AREA, DOMAIN, DESCRIPTION, DETAILS = range(6)
EXPANDABLE_FIELDS = frozenset({NAME, TAGS, AREA})
# How the term came from the asset's words: as written, two words joined, a synonym, part of a hyphenated word.
EXACT, JOINED, SYNONYM, PART = range(4)
QUALITY_WEIGHTS = (1.0, 0.95, 0.9, 0.85)
# An expansion counts for at most this share of a match in the same field: below any literal match.
EXPANSION_SHARE = 0.12
# An asset's texts, from the one that counts least to the one that counts most: where a term is in
# several, the later text's code wins (and within one text, as written beats joined beats part).
# (attribute, field, whether neighbouring words are joined). Tags are read as one text ("; " between
# them): faster, and a stray join across two tags matches nothing.
TEXTS = (
    ("address", DETAILS, False),
    ("accessibility", DETAILS, False),
    ("cost", DETAILS, False),
    ("schedule", DETAILS, False),
    ("description", DESCRIPTION, False),
    ("area", AREA, True),
    ("tags", TAGS, True),
    ("name", NAME, True),
)
EXPANDED_FIELDS = frozenset({NAME, TAGS})  # the fields whose synonyms are indexed


def _weights(literal_query: bool) -> np.ndarray:
    weights = np.zeros(32, dtype=np.float32)
    for field_no, field_weight in enumerate(FIELD_WEIGHTS):
        for quality, quality_weight in enumerate(QUALITY_WEIGHTS):
            value = field_weight * quality_weight
            if not literal_query or quality == SYNONYM:
                value = EXPANSION_SHARE * value if field_no in EXPANDABLE_FIELDS else 0.0
            weights[field_no << 2 | quality] = value
    return weights


# What a posting is worth to a query word read as written, and to one read as another word.
LITERAL_WEIGHT = _weights(literal_query=True)
EXPANSION_WEIGHT = _weights(literal_query=False)
DOMAIN_CODE = DOMAIN << 2 | EXACT
# Words in several domain labels, or in none in particular: a query word never means a domain by them.
_NOT_A_DOMAIN = frozenset(terms("and other non alternative group groups service services activity activities event events association associations"))

FieldTerms = tuple[tuple[str, ...], tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]


@dataclass(frozen=True, slots=True)
class AssetTerms:
    """Everything the index holds for one asset."""

    codes: dict[str, int]  # term -> best code
    facts: tuple[str, ...]  # "@..." terms for the filters
    written: frozenset[str]  # terms written as words in the name, tags, area or description (offered as completions)
    spellings: tuple[tuple[str, str], ...]  # (word as written, its term) where they differ, for typos


def domain_fact(slug: str) -> str:
    """The fact term every asset of a domain holds (guessed or not), for the domain filter."""
    return f"@domain:{slug}"


def domain_term(slug: str) -> str:
    """The term an asset holds when its domain is known, not guessed: a query naming the domain finds it."""
    return f"@is:{slug}"


def area_fact(area_key: str) -> str:
    """The fact term of one area (folded, as `filtering.area_key` makes it)."""
    return f"@area:{area_key}"


def day_fact(day: int) -> str:
    """The fact term of a weekday, Monday = 0."""
    return f"@day:{day}"


FREE_FACT, ACCESSIBLE_FACT = "@free", "@accessible"


def kind_fact(kind: str) -> str:
    """The fact term of a kind of asset (mainstream or specialist)."""
    return f"@kind:{kind}"


POSTCODE_DISTRICT = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*\d[a-z]{2}\b")  # in a lower-cased address


def area_key(area: str) -> str:
    """An area name folded so that 'St. Mary's' and 'st marys' are the same place."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(area)).split())


def postcode_facts(address: str) -> list[str]:
    """The area fact of each postcode district in an address ('NG7'), so the area filter finds it."""
    if not any(ch.isdigit() for ch in address):
        return []
    return [area_fact(m.group(1)) for m in POSTCODE_DISTRICT.finditer(address.lower())]


class TermExtractor:
    """Turns an asset into its terms and where they occur; short texts seen before come from a cache."""

    CACHE_TEXT_LIMIT = 80
    CACHE_SIZE = 100_000

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._caches: dict[tuple[bool, bool], dict[str, FieldTerms]] = {}
        self._coded: dict[tuple[int, str], tuple[dict[str, int], dict[str, int], dict[str, int], tuple[tuple[str, str], ...]]] = {}
        self._phrase_starts = lexicon.synonyms.phrase_starts()

    def field(self, text: str, join_neighbours: bool, expand: bool) -> FieldTerms:
        """One field's terms as written, its other (term, quality) pairs, and its (spelling, term) pairs."""
        cache = self._caches.setdefault((join_neighbours, expand), {})
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
        if expand and not self._phrase_starts.isdisjoint(sequence):
            extra.extend((canonical, SYNONYM) for canonical in synonyms.canonicals(sequence))
        if expand and synonyms.might_hold_stop_phrase(sequence):
            extra.extend((span.canonical, SYNONYM) for span in synonyms.stop_spans(full))
        spellings = tuple((w.surface.replace("-", ""), w.term) for w in found if w.surface != w.term)
        result = (tuple(sequence), tuple(extra), spellings)
        if len(text) <= self.CACHE_TEXT_LIMIT and len(cache) < self.CACHE_SIZE:
            cache[text] = result
        return result

    def domain_terms(self) -> dict[str, str]:
        """Each term of a domain's label or slug, and the domain term it stands for (descriptions are never searched)."""
        found: dict[str, str] = {}
        for domain in self.lexicon.domains:
            for term in terms(f"{domain.label} {domain.slug.replace('-', ' ')}"):
                if term not in _NOT_A_DOMAIN:
                    found.setdefault(term, domain_term(domain.slug))
        return found

    def terms(self, asset: Asset) -> AssetTerms:
        """Every term of an asset with the best code it has, its filter facts, written words and spellings."""
        guessed = asset.guessed
        synonyms: dict[str, int] = {}
        literal: dict[str, int] = {}
        written: set[str] = set()
        spellings: list[tuple[str, str]] = []
        # Any literal code beats a synonym, which counts only for queries read as expansions.
        for attribute, field_no, join_neighbours in TEXTS:
            if attribute == "tags":
                text = "; ".join(asset.tags)
            elif attribute == "schedule" and "schedule" in guessed:
                text = ""
            else:
                text = getattr(asset, attribute)
            if not text:
                continue
            coded = self.coded(text, field_no, join_neighbours)
            synonyms.update(coded[2])
            literal.update(coded[1])
            literal.update(coded[0])
            if field_no != DETAILS:
                written.update(coded[0])
                spellings.extend(coded[3])
        synonyms.update(literal)
        if "domain" not in guessed:
            synonyms[domain_term(asset.domain)] = DOMAIN_CODE
        return AssetTerms(synonyms, self.facts(asset), frozenset(written), tuple(spellings))

    def coded(self, text: str, field_no: int, join_neighbours: bool) -> tuple[dict[str, int], dict[str, int], dict[str, int], tuple[tuple[str, str], ...]]:
        """One field's terms with their codes: as written, other literal ones, synonyms; and its spellings."""
        key = (field_no, text)
        cached = self._coded.get(key)
        if cached is not None:
            return cached
        exact, extra, spelt = self.field(text, join_neighbours, expand=field_no in EXPANDED_FIELDS)
        base = field_no << 2
        result = (
            dict.fromkeys(exact, base),
            {term: base | quality for term, quality in extra if quality != SYNONYM},
            {term: base | quality for term, quality in extra if quality == SYNONYM},
            spelt,
        )
        if len(text) <= self.CACHE_TEXT_LIMIT and len(self._coded) < self.CACHE_SIZE:
            self._coded[key] = result
        return result

    @staticmethod
    def facts(asset: Asset) -> tuple[str, ...]:
        """The "@..." terms the filters look for."""
        found = [domain_fact(asset.domain), kind_fact(asset.kind)]
        found += dict.fromkeys([*area_facts(asset.area), *postcode_facts(asset.address)])
        found += day_facts(asset.schedule)
        found += cost_facts(asset.cost) + access_facts(asset.accessibility)
        return tuple(found)


# Directories repeat the same areas, costs, times and access notes: each is read once.
@functools.lru_cache(maxsize=50_000)
def area_facts(area: str) -> tuple[str, ...]:
    """The fact terms of the areas an asset names (several are separated by `;`)."""
    return tuple(area_fact(key) for key in dict.fromkeys(area_key(a) for a in split_areas(area)) if key)


@functools.lru_cache(maxsize=50_000)
def day_facts(schedule: str) -> tuple[str, ...]:
    """The fact terms of the weekdays a schedule names."""
    days = schedule_days(schedule)
    return tuple(day_fact(day) for day in range(7) if days >> day & 1)


@functools.lru_cache(maxsize=50_000)
def cost_facts(cost: str) -> tuple[str, ...]:
    """FREE_FACT when the cost says it is free."""
    return (FREE_FACT,) if is_free(cost) else ()


@functools.lru_cache(maxsize=50_000)
def access_facts(accessibility: str) -> tuple[str, ...]:
    """ACCESSIBLE_FACT when the access notes say it can be reached without steps."""
    return (ACCESSIBLE_FACT,) if is_accessible(accessibility) else ()
