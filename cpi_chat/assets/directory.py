"""The asset directory as the session, TUI and CLI see it: open, search, edit, import and export."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from cpi_chat.assets import csv_io, oruk, oruk_csv
from cpi_chat.assets.batch_terms import BATCH_COLUMNS
from cpi_chat.assets.csv_io import ParsedFile, RowProblem
from cpi_chat.assets.filtering import filter_mask
from cpi_chat.assets.index import SearchIndex
from cpi_chat.assets.index_store import IndexDamaged, IndexStore
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset, Domain
from cpi_chat.assets.reasons import match_reasons
from cpi_chat.assets.results import Hit, SearchFilters
from cpi_chat.assets.rows import validate_asset
from cpi_chat.assets.store import AssetStore
from cpi_chat.assets.sync import FeedReport, plan_sync
from cpi_chat.assets.terms import TermExtractor
from cpi_chat.errors import AssetImportError, CpiChatError

Format = Literal["csv", "oruk", "oruk-csv"]
BadRows = Literal["skip", "refuse"]
Progress = Callable[[int, int], None]
DEMO_FILE = "demo_town.csv"

__all__ = ["AssetDirectory", "Hit", "ImportReport", "SearchFilters", "load_demo_directory"]


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
    """A team's directory of community assets in one assets.db file, with its search index inside it."""

    def __init__(self, store: AssetStore, lexicon: Lexicon) -> None:
        self.store = store
        self.lexicon = lexicon
        self.extractor = TermExtractor(lexicon)
        self.index_store = IndexStore(store.db)
        self._searcher = SearchIndex(self.index_store, lexicon, self.extractor)
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

    # The index --------------------------------------------------------------------------

    def index_is_current(self) -> bool:
        """True when the saved search index fits the directory, so a search can start at once."""
        with self._lock:
            return self.index_store.is_current(self.lexicon.fingerprint)

    def prepare_index(self, progress: Progress | None = None) -> bool:
        """Rebuild the search index if it is missing, stale or damaged; True if it was rebuilt."""
        with self._lock:
            if self.index_is_current():
                return False
            try:
                with self.store.db.atomic():
                    self._rebuild(progress)
            except sqlite3.OperationalError as error:
                raise CpiChatError(
                    f"The directory's search index could not be brought up to date ({error}); "
                    "the file may be read-only or in use. Nothing was changed."
                ) from None
            return True

    def _rebuild(self, progress: Progress | None) -> None:
        """Index every asset afresh, inside the caller's transaction."""
        batches = self.store.batches(BATCH_COLUMNS)
        self.index_store.rebuild(batches, self.store.count(), self.lexicon, progress)
        self.index_store.mark_current(self.lexicon.fingerprint)

    # Searching --------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10, filters: SearchFilters | None = None) -> list[Hit]:
        """The assets that best match `query` within `filters`; an empty query lists what the filters allow."""
        filters = filters or SearchFilters()
        limit = max(0, int(limit))
        with self._lock:
            try:
                return self._search(query, limit, filters)
            except (IndexDamaged, sqlite3.DatabaseError) as error:
                if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                    raise
                with self.store.db.atomic():
                    self.index_store.forget()  # never trusted again: rebuilt before the next try
                return self._search(query, limit, filters)

    def _search(self, query: str, limit: int, filters: SearchFilters) -> list[Hit]:
        with self._lock:
            self.prepare_index()
            with self.store.db.atomic():  # one snapshot: another process may be changing the file
                size = self.index_store.slot_count()
                if not size or limit == 0:
                    return []
                allowed = None if filters.is_empty() else filter_mask(self.index_store, filters, self.lexicon, size)
                if not query.strip():
                    ids = self.index_store.by_name(allowed, limit)
                    assets = self.store.get_many(ids)
                    return [Hit(assets[i], 100.0) for i in ids if i in assets]
                found = self._searcher.search(query, limit, allowed)
                assets = self.store.get_many([h.asset_id for h in found])
            return [
                Hit(assets[h.asset_id], h.score, match_reasons(assets[h.asset_id], h.reasons, self.lexicon))
                for h in found if h.asset_id in assets
            ]

    # Changing ---------------------------------------------------------------------------

    def upsert(self, asset: Asset) -> None:
        """Add or change one asset; the index is updated for it alone, in the same transaction."""
        asset = validate_asset(asset, self.lexicon)
        with self._lock, self.store.db.atomic():
            current = self.index_is_current()
            old = self.store.get(asset.id)
            self.store.save([asset])
            self.store.log_change("edit" if old else "add", asset.id)
            if current:
                self._reindex(old, asset)

    def _reindex(self, old: Asset | None, new: Asset | None) -> None:
        if old is not None:
            self.index_store.remove(old.id, self.extractor.terms(old))
        if new is not None and not new.is_retired:
            self.index_store.add(new, self.extractor.terms(new))
        self.index_store.mark_current(self.lexicon.fingerprint)

    def delete(self, asset_id: str) -> bool:
        """Remove one asset; True if it was there."""
        with self._lock, self.store.db.atomic():
            current = self.index_is_current()
            old = self.store.get(asset_id)
            removed = self.store.delete(asset_id)
            if removed:
                self.store.log_change("delete", asset_id)
            if current:
                self._reindex(old, None)
            return removed

    def mark_verified(self, asset_id: str, on: date) -> None:
        """Record that the team checked this asset's details on `on` (the index does not change)."""
        with self._lock, self.store.db.atomic():
            current = self.index_is_current()
            if not self.store.mark_verified(asset_id, on):
                raise CpiChatError(f"There is no asset with the id '{asset_id}'.")
            self.store.log_change("verify", asset_id, on.isoformat())
            if current:
                self.index_store.mark_current(self.lexicon.fingerprint)

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
        path = Path(path)
        if format == "csv" and not oruk_csv.is_oruk_csv(path):
            with csv_io.open_csv_records(path, self.lexicon, progress) as records:
                return self.import_records(records, bad_rows, replace, notes=lambda: records.notes)
        return self.import_parsed(self.read_file(path, format, progress), bad_rows, replace)

    def read_file(
        self, path: Path | str, format: Format = "csv", progress: Callable[[int, int], None] | None = None
    ) -> ParsedFile:
        """Read and check a file without changing the directory: its good assets and its problems."""
        path = Path(path)
        if format == "oruk-csv" or (format == "csv" and oruk_csv.is_oruk_csv(path)):
            services = oruk_csv.assemble_services(oruk_csv.read_tables(path))
            with self._lock:
                known = oruk.export_ids(self.store.ids())
            return oruk.parse_services(services, self.lexicon, progress, known)
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
            raise AssetImportError(_refusal(parsed.problems))
        with self._lock, self.store.db.atomic(), self.store.counted_once():
            before = 0 if replace else self.store.count()
            self._save_and_index(parsed.assets, replace)
            added = self.store.count() - before
            self.store.log_change("import", "", f"{added} new, {len(parsed.assets) - added} updated")
        return ImportReport(added, len(parsed.assets) - added, list(parsed.problems), list(parsed.notes))

    def import_records(
        self, records: Iterable[Asset | RowProblem], bad_rows: BadRows | None = "refuse", replace: bool = False,
        notes: Callable[[], list[str]] | None = None,
    ) -> ImportReport:
        """Save records as they are read, in one transaction; with bad rows refused, nothing is kept.

        With `bad_rows` None and a bad row found, nothing is kept either and `BadRowsUndecided` says how
        many rows were good and bad, so the caller can ask what to do with no transaction open.
        """
        problems: list[RowProblem] = []
        with self._lock, self.store.db.atomic(), self.store.counted_once():
            before = 0 if replace else self.store.count()
            if replace:
                self.store.save([], replace=True)
            with self.store.filling():
                saved = self._save_as_read(records, problems, keep_going=bad_rows == "skip")
            if problems and bad_rows is None:
                raise BadRowsUndecided(problems, saved)  # rolls everything back
            if problems and bad_rows != "skip":
                raise AssetImportError(_refusal(problems))
            self._rebuild(None)  # in the same transaction: the index and the assets change together
            added = self.store.count() - before
            self.store.log_change("import", "", f"{added} new, {saved - added} updated")
        return ImportReport(added, saved - added, problems, notes() if notes else [])

    def _save_as_read(self, records: Iterable[Asset | RowProblem], problems: list[RowProblem], keep_going: bool) -> int:
        """Save good records in batches, adding bad ones to `problems`; once one is bad, unless `keep_going`, only count."""
        batch: list[Asset] = []
        saved = 0
        for record in records:
            if isinstance(record, RowProblem):
                problems.append(record)
                continue
            if problems and not keep_going:
                saved += 1  # nothing will be kept: count the good rows and find every problem to report
                continue
            batch.append(record)
            if len(batch) >= 2000:
                self.store.save(batch)
                saved, batch = saved + len(batch), []
        self.store.save(batch)
        return saved + len(batch)

    def apply_feed(self, origin: str, parsed: ParsedFile) -> FeedReport:
        """Bring the assets from the feed at `origin` in line with `parsed`, in one transaction (see assets/sync.py)."""
        with self._lock, self.store.db.atomic():
            ids = [a.id for a in parsed.assets]
            current = self.store.get_many(ids)
            to_save, report = plan_sync(origin, parsed, current, self.store.from_origin(origin))
            self._save_and_index(to_save, replace=False)
            self.store.log_change("sync", "", report.summary())
        return report

    def _save_and_index(self, assets: list[Asset], replace: bool) -> None:
        """Save assets and bring the index along, inside the caller's transaction: one by one if few, else afresh."""
        current = self.index_is_current()
        few = not replace and len(assets) <= max(500, self.store.count() // 50)
        old = self.store.get_many([a.id for a in assets]) if current and few else {}
        self.store.save(assets, replace=replace)
        if current and few:
            for asset in assets:
                if asset.id in old:
                    self.index_store.remove(asset.id, self.extractor.terms(old[asset.id]))
                if not asset.is_retired:
                    self.index_store.add(asset, self.extractor.terms(asset))
            self.index_store.mark_current(self.lexicon.fingerprint)
            if self.index_store.dead_share() < 0.3:
                return
        self._rebuild(None)

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


class BadRowsUndecided(Exception):
    """Some rows of a file are bad and nobody has said whether to skip them: nothing was saved."""

    def __init__(self, problems: list[RowProblem], good: int) -> None:
        super().__init__(_refusal(problems))
        self.problems = problems
        self.good = good

    def refusal(self) -> AssetImportError:
        """The error that says nothing was imported, and why."""
        return AssetImportError(_refusal(self.problems))


def _refusal(problems: list[RowProblem]) -> str:
    shown = "; ".join(str(p) for p in problems[:3])
    more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
    return (
        f"Nothing was imported because {len(problems)} record(s) have problems ({shown}{more}); "
        "fix them, or choose to skip bad rows."
    )


def load_demo_directory(directory: AssetDirectory, assets_dir: Path | None = None) -> ImportReport:
    """Import the fictional demo town shipped in assets_db/demo_town.csv."""
    if assets_dir is None:
        from cpi_chat.paths import shipped_assets_dir

        assets_dir = shipped_assets_dir()
    return directory.import_file(assets_dir / DEMO_FILE, format="csv", bad_rows="refuse")
