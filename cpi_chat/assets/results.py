"""What a directory search is asked (its filters) and what it gives back (hits with their reasons): plain data.

Every front end may hold these; nothing here reads the directory or decides anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpi_chat.assets.model import Asset
from cpi_chat.assets.why import MatchReason, reasons_in_short


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


@dataclass(frozen=True)
class Hit:
    """One search result: the asset, a score from 0 to 100, and the reasons it matched."""

    asset: Asset
    score: float
    reasons: tuple[MatchReason, ...] = ()

    @property
    def why(self) -> str:
        """The reasons in the command line's compact form ("name: football (from 'footy')")."""
        return reasons_in_short(self.reasons)

    def to_json(self) -> dict[str, object]:
        """The hit as a JSON-ready dict (id, name, domain, area, score, why, reasons and the other details)."""
        a = self.asset
        return {
            "id": a.id, "name": a.name, "domain": a.domain, "area": a.area, "score": self.score, "why": self.why,
            "reasons": [{"field": r.field, "words": r.words, "typed": r.typed} for r in self.reasons],
            "schedule": a.schedule, "cost": a.cost, "contact": a.contact, "accessibility": a.accessibility,
            "kind": a.kind, "guessed": a.guessed,
        }
