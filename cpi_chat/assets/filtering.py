"""Search filters (domain, area, day, free, accessible, kind) as masks made from the index's fact terms."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from cpi_chat.assets.facts import day_filter_mask
from cpi_chat.assets.index_store import IndexStore
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import KINDS
from cpi_chat.assets.normalise import fold
from cpi_chat.assets.results import SearchFilters
from cpi_chat.assets.terms import (
    ACCESSIBLE_FACT,
    FREE_FACT,
    area_fact,
    area_key,
    day_fact,
    domain_fact,
    kind_fact,
)
from cpi_chat.errors import CpiChatError

__all__ = ["SearchFilters", "area_key", "filter_mask"]


def filter_mask(store: IndexStore, filters: SearchFilters, lexicon: Lexicon, size: int) -> np.ndarray:
    """True at every position whose asset passes all the filters."""
    allowed = np.ones(size, dtype=bool)

    def keep(*facts: str) -> None:
        passing = np.zeros(size, dtype=bool)
        for fact in facts:
            positions = store.fact_positions(fact)
            passing[positions[positions < size]] = True
        allowed[:] &= passing

    if filters.domain:
        slug = lexicon.resolve_domain(filters.domain)
        if slug is None:
            labels = ", ".join(d.label for d in lexicon.domains)
            raise CpiChatError(f"There is no domain called '{filters.domain}'; the domains are: {labels}.")
        keep(domain_fact(slug))
    if filters.area:
        keep(area_fact(resolve_area(store, filters.area)))
    if filters.day:
        days = day_filter_mask(filters.day)
        keep(*(day_fact(day) for day in range(7) if days >> day & 1))
    if filters.free:
        keep(FREE_FACT)
    if filters.accessible:
        keep(ACCESSIBLE_FACT)
    if filters.kind:
        kind = fold(filters.kind).strip()
        if kind not in KINDS:
            raise CpiChatError(f"'{filters.kind}' is not a kind of service; use mainstream or specialist.")
        keep(kind_fact(kind))
    return allowed


def resolve_area(store: IndexStore, area: str) -> str:
    """The held area an area filter means, forgiving case, punctuation and small typos."""
    wanted = area_key(area)
    areas = [fact.removeprefix("@area:") for fact in store.facts_starting("@area:")]
    if wanted in areas or not areas:
        return wanted
    best = process.extractOne(wanted, areas, scorer=fuzz.ratio, score_cutoff=80)
    return best[0] if best else wanted
