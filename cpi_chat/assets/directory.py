"""The asset directory as the session, TUI and CLI see it: open, search, edit, import and export."""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from cpi_chat.assets import csv_io, oruk
from cpi_chat.assets.csv_io import ParsedFile, RowProblem
from cpi_chat.assets.filtering import SearchFilters, area_key
from cpi_chat.assets.index import Reason, SearchIndex
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset, Domain
from cpi_chat.assets.normalise import full_terms, joined, raw_words, words
from cpi_chat.assets.rows import validate_asset
from cpi_chat.assets.store import AssetStore
from cpi_chat.errors import AssetImportError, CpiChatError

Format = Literal["csv", "oruk"]
BadRows = Literal["skip", "refuse"]
DEMO_FILE = "demo_town.csv"

__all__ = ["AssetDirectory", "Hit", "ImportReport", "SearchFilters", "load_demo_directory"]


@dataclass(frozen=True)
class Hit:
    """One search result: the asset, a score from 0 to 100, and why it matched in words."""

    asset: Asset
    score: float
    why: str

    def to_json(self) -> dict[str, object]:
        """The hit as a JSON-ready dict (id, name, domain, area, score, why and the other details)."""
        a = self.asset
        return {
            "id": a.id, "name": a.name, "domain": a.domain, "area": a.area, "score": self.score, "why": self.why,
            "schedule": a.schedule, "cost": a.cost, "contact": a.contact, "accessibility": a.accessibility,
            "kind": a.kind,
        }


@dataclass
class ImportReport:
    """What an import did: how many assets were added or updated, and which records were left out."""

    added: int = 0
    updated: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        """Assets added or updated."""
        return self.added + self.updated

    def summary(self) -> str:
        """One or two sentences for a person."""
        text = f"Imported {self.imported} asset{'s' if self.imported != 1 else ''} ({self.added} new, {self.updated} updated)."
        if self.skipped:
            text += f" Skipped {len(self.skipped)} bad record{'s' if len(self.skipped) != 1 else ''}."
        return text


class AssetDirectory:
    """A team's directory of community assets in one assets.db file, with its search index."""

    def __init__(self, store: AssetStore, lexicon: Lexicon) -> None:
        self.store = store
        self.lexicon = lexicon
        self._index: SearchIndex | None = None
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str, lexicon: Lexicon | None = None, assets_dir: Path | None = None) -> AssetDirectory:
        """Open (or create, empty) the directory at `path`; demo data is never loaded by itself."""
        return cls(AssetStore(path), lexicon or Lexicon.load(assets_dir))

    # Reading ----------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when the directory holds no assets yet."""
        return self.count() == 0

    def count(self) -> int:
        """How many assets the directory holds."""
        with self._lock:
            return self.store.count()

    def get(self, asset_id: str) -> Asset | None:
        """The asset with this id, or None."""
        with self._lock:
            return self.store.get(asset_id)

    def all(self) -> list[Asset]:
        """Every asset, in the order they were added."""
        with self._lock:
            return list(self.store.all())

    def areas(self) -> list[str]:
        """The areas assets are in, alphabetically."""
        with self._lock:
            return self.store.areas()

    def domains(self) -> list[Domain]:
        """The ten CPI domains, in their usual order."""
        return list(self.lexicon.domains)

    # Searching --------------------------------------------------------------------------

    def index(self) -> SearchIndex:
        """The search index, built on first use and kept up to date afterwards."""
        with self._lock:
            if self._index is None:
                index = SearchIndex(self.lexicon)
                index.build(self.store.all())
                self._index = index
            return self._index

    def search(self, query: str, limit: int = 10, filters: SearchFilters | None = None) -> list[Hit]:
        """The assets that best match `query` within `filters`; an empty query lists what the filters allow."""
        filters = filters or SearchFilters()
        limit = max(0, int(limit))
        with self._lock:
            index = self.index()
            if not len(index) or limit == 0:
                return []
            allowed = None if filters.is_empty() else index.attributes.mask(filters, self.lexicon)  # type: ignore[union-attr]
            if not query.strip():
                return self._browse(index, allowed, limit)
            found = index.search(query, limit, allowed)
            assets = self.store.get_many([h.asset_id for h in found])
            return [
                Hit(assets[h.asset_id], h.score, self._why(assets[h.asset_id], h.reasons))
                for h in found if h.asset_id in assets
            ]

    def _browse(self, index: SearchIndex, allowed: object, limit: int) -> list[Hit]:
        import numpy as np

        mask = index.alive if allowed is None else index.alive & allowed  # type: ignore[operator]
        names = index.names
        positions = heapq.nsmallest(limit, np.flatnonzero(mask).tolist(), key=lambda p: names[p])
        ids = [index.ids[p] for p in positions]
        assets = self.store.get_many(ids)
        return [Hit(assets[i], 100.0, "matches the filters") for i in ids if i in assets]

    def _why(self, asset: Asset, reasons: tuple[Reason, ...]) -> str:
        parts: dict[str, str] = {}  # "field: words" -> the same with its note, first reason kept
        for reason in reasons:
            field_name, surface = _surface(asset, reason, self.lexicon)
            note = f" ({reason.note})" if reason.note else ""
            parts.setdefault(f"{field_name}: {surface}", f"{field_name}: {surface}{note}")
        return "; ".join(parts.values())

    # Changing ---------------------------------------------------------------------------

    def upsert(self, asset: Asset) -> None:
        """Add or change one asset; the index is updated for it alone."""
        asset = validate_asset(asset, self.lexicon)
        with self._lock:
            self.store.save([asset])
            if self._index is not None:
                self._index.add(asset)

    def delete(self, asset_id: str) -> bool:
        """Remove one asset; True if it was there."""
        with self._lock:
            removed = self.store.delete(asset_id)
            if self._index is not None:
                self._index.remove(asset_id)
            return removed

    def mark_verified(self, asset_id: str, on: date) -> None:
        """Record that the team checked this asset's details on `on`."""
        with self._lock:
            if not self.store.mark_verified(asset_id, on):
                raise CpiChatError(f"There is no asset with the id '{asset_id}'.")

    # Import and export -----------------------------------------------------------------

    def import_file(
        self,
        path: Path | str,
        format: Format = "csv",
        bad_rows: BadRows = "skip",
        replace: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import a CSV or Open Referral UK file in one transaction; re-importing updates by id."""
        return self.import_parsed(self.read_file(path, format, progress), bad_rows, replace)

    def read_file(
        self, path: Path | str, format: Format = "csv", progress: Callable[[int, int], None] | None = None
    ) -> ParsedFile:
        """Read and check a file without changing the directory: its good assets and its problems."""
        path = Path(path)
        text = csv_io.read_text(path)
        if format == "csv":
            return csv_io.parse_csv(text, self.lexicon, path.name, progress)
        if format == "oruk":
            with self._lock:
                known = oruk.export_ids(self.store.ids())
            return oruk.parse_oruk(text, self.lexicon, path.name, progress, known)
        raise AssetImportError(f"'{format}' is not a format cpi-chat can import; use csv or oruk.")

    def import_parsed(self, parsed: ParsedFile, bad_rows: BadRows = "skip", replace: bool = False) -> ImportReport:
        """Save what `read_file` found, in one transaction; with bad rows refused, save nothing if any."""
        if parsed.problems and bad_rows == "refuse":
            shown = "; ".join(str(p) for p in parsed.problems[:3])
            more = f" and {len(parsed.problems) - 3} more" if len(parsed.problems) > 3 else ""
            raise AssetImportError(
                f"Nothing was imported because {len(parsed.problems)} record(s) have problems ({shown}{more}); "
                "fix them, or choose to skip bad rows."
            )
        with self._lock:
            existing = set() if replace else self.store.ids()
            updated = sum(1 for a in parsed.assets if a.id in existing)
            self.store.save(parsed.assets, replace=replace)
            self._index = None  # rebuilt on the next search: cheaper than thousands of single updates
        return ImportReport(len(parsed.assets) - updated, updated, list(parsed.problems), list(parsed.notes))

    def export_file(self, path: Path | str, format: Format = "csv") -> int:
        """Write the whole directory to a CSV or Open Referral UK JSON file; returns how many assets."""
        path = Path(path)
        with self._lock:
            if format == "csv":
                return csv_io.write_csv(self.store.all(), path)
            if format == "oruk":
                return oruk.write_oruk(list(self.store.all()), self.lexicon, path)
        raise AssetImportError(f"'{format}' is not a format cpi-chat can export; use csv or oruk.")

    def close(self) -> None:
        """Close the file."""
        self.store.close()


def load_demo_directory(directory: AssetDirectory, assets_dir: Path | None = None) -> ImportReport:
    """Import the fictional demo town shipped in assets_db/demo_town.csv."""
    if assets_dir is None:
        from cpi_chat.paths import shipped_assets_dir

        assets_dir = shipped_assets_dir()
    return directory.import_file(assets_dir / DEMO_FILE, format="csv", bad_rows="refuse")


def _surface(asset: Asset, reason: Reason, lexicon: Lexicon) -> tuple[str, str]:
    """The field name and the words in it that `reason.term` stands for, as the asset writes them."""
    if reason.field == "domain":
        domain = lexicon.domain(asset.domain)
        candidates = [("domain", domain.label if domain else asset.domain)]
        if domain:
            candidates.append(("domain", domain.description))
    elif reason.field == "details":
        candidates = [(n, getattr(asset, n)) for n in ("schedule", "cost", "accessibility", "address")]
    elif reason.field == "tags":
        candidates = [("tags", tag) for tag in asset.tags]
    else:
        candidates = [(reason.field, getattr(asset, reason.field))]
    for field_name, text in candidates:
        found = _find_term(text, reason.term, lexicon)
        if found:
            return field_name, found
    return candidates[0][0] if candidates else reason.field, reason.term


def _find_term(text: str, term: str, lexicon: Lexicon) -> str:
    found = words(text)
    for w in found:
        if w.term == term or term in w.parts:
            return w.surface
    for first, second in itertools.pairwise(found):
        if joined(first, second) == term:
            return f"{first.surface} {second.surface}"
    spans = lexicon.synonyms.spans([w.term for w in found], [w.surface for w in found])
    spans += lexicon.synonyms.stop_spans(full_terms(text)[0], raw_words(text))
    return next((span.surface for span in spans if span.canonical == term), "")


def same_area(first: str, second: str) -> bool:
    """True when two area names mean the same place."""
    return area_key(first) == area_key(second)
