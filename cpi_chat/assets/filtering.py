"""Search filters (domain, area, day, free, accessible, kind) as columns the index can test all at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from cpi_chat.assets.facts import day_filter_mask, is_accessible, is_free, schedule_days
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import KINDS, Asset
from cpi_chat.assets.normalise import fold
from cpi_chat.errors import CpiChatError


@dataclass(frozen=True)
class SearchFilters:
    """What a search is limited to; every filter left empty lets everything through."""

    domain: str | None = None
    area: str | None = None
    day: str | None = None
    free: bool = False
    accessible: bool = False
    kind: str | None = None

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return not (self.domain or self.area or self.day or self.free or self.accessible or self.kind)


def area_key(area: str) -> str:
    """An area name folded so that 'St. Mary's' and 'st marys' are the same place."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(area)).split())


_FACT_CACHE: dict[tuple[object, str], object] = {}


def _cached(read: Callable[[str], Any], text: str) -> Any:
    """The fact `read` finds in `text`; directories repeat the same costs and times, so remember them."""
    key = (read, text)
    if key not in _FACT_CACHE:
        if len(_FACT_CACHE) > 50_000:
            _FACT_CACHE.clear()
        _FACT_CACHE[key] = read(text)
    return _FACT_CACHE[key]


class FilterColumns:
    """One entry per indexed asset of each fact a filter looks at."""

    def __init__(self) -> None:
        self._lists: dict[str, list[object]] = {name: [] for name in ("domain", "area", "days", "free", "accessible", "kind")}
        self._arrays: dict[str, np.ndarray] | None = None

    def append(self, asset: Asset, lexicon: Lexicon) -> None:
        """Add the facts of one asset, at the next position."""
        self._lists["domain"].append(asset.domain)
        self._lists["area"].append(area_key(asset.area))
        self._lists["days"].append(_cached(schedule_days, asset.schedule))
        self._lists["free"].append(_cached(is_free, asset.cost))
        self._lists["accessible"].append(_cached(is_accessible, asset.accessibility))
        self._lists["kind"].append(asset.kind)
        self._arrays = None

    def freeze(self) -> None:
        """Forget the array form so the next filter rebuilds it."""
        self._arrays = None

    def arrays(self) -> dict[str, np.ndarray]:
        """The facts as numpy columns, built on first use."""
        if self._arrays is None:
            self._arrays = {
                "domain": np.asarray(self._lists["domain"], dtype=object),
                "area": np.asarray(self._lists["area"], dtype=object),
                "days": np.asarray(self._lists["days"], dtype=np.uint8),
                "free": np.asarray(self._lists["free"], dtype=bool),
                "accessible": np.asarray(self._lists["accessible"], dtype=bool),
                "kind": np.asarray(self._lists["kind"], dtype=object),
            }
        return self._arrays

    def known_areas(self) -> list[str]:
        """Every folded area name held."""
        return sorted({a for a in self._lists["area"] if isinstance(a, str) and a})

    def mask(self, filters: SearchFilters, lexicon: Lexicon) -> np.ndarray:
        """True for every asset that passes all the filters."""
        columns = self.arrays()
        allowed = np.ones(len(columns["days"]), dtype=bool)
        if filters.domain:
            slug = lexicon.resolve_domain(filters.domain)
            if slug is None:
                labels = ", ".join(d.label for d in lexicon.domains)
                raise CpiChatError(f"There is no domain called '{filters.domain}'; the domains are: {labels}.")
            allowed &= columns["domain"] == slug
        if filters.area:
            allowed &= columns["area"] == self.resolve_area(filters.area)
        if filters.day:
            allowed &= (columns["days"] & day_filter_mask(filters.day)) > 0
        if filters.free:
            allowed &= columns["free"]
        if filters.accessible:
            allowed &= columns["accessible"]
        if filters.kind:
            kind = fold(filters.kind).strip()
            if kind not in KINDS:
                raise CpiChatError(f"'{filters.kind}' is not a kind of service; use mainstream or specialist.")
            allowed &= columns["kind"] == kind
        return allowed

    def resolve_area(self, area: str) -> str:
        """The held area an area filter means, forgiving case, punctuation and small typos."""
        wanted = area_key(area)
        areas = self.known_areas()
        if wanted in areas or not areas:
            return wanted
        best = process.extractOne(wanted, areas, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else wanted
