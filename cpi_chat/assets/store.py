"""assets.db: the team's directory of community assets, kept with sqlite-utils (no personal data)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

import sqlite_utils

from cpi_chat.assets.migrations import migrations
from cpi_chat.assets.model import CSV_COLUMNS, TABLE, Asset, row_reader
from cpi_chat.errors import CpiChatError

# One statement for a new or changed asset: faster than a table helper for a million rows.
_UPSERT = (
    f"insert into {TABLE} ({', '.join(f'[{c}]' for c in CSV_COLUMNS)}) values ({', '.join('?' * len(CSV_COLUMNS))}) "
    f"on conflict (id) do update set {', '.join(f'[{c}] = excluded.[{c}]' for c in CSV_COLUMNS[1:])}"
)


@contextlib.contextmanager
def indexes_built_after(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """Inside the caller's transaction, drop `table`'s indexes and build them again once a bulk change is done.

    Building an index once over sorted rows is several times quicker than keeping it up to date row
    by row. On an error the caller's rollback brings the indexes back with everything else.
    """
    indexes = conn.execute(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null", [table]
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"drop index [{name}]")
    yield
    for _, sql in indexes:
        conn.execute(sql)


class AssetStore:
    """Read and write assets in one SQLite file; every change is in a transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if path != ":memory:" else None
        try:
            if self.path is None:
                self.db = sqlite_utils.Database(sqlite3.connect(":memory:", check_same_thread=False))
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Searches may run in a worker thread; the directory serialises access with a lock.
                self.db = sqlite_utils.Database(sqlite3.connect(str(self.path), check_same_thread=False))
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as error:
            raise CpiChatError(f"The asset directory {path} could not be opened ({type(error).__name__}). If it is damaged, "
                               "move it aside and import your directory again with `cpi-chat assets import FILE`.") from None

    def count(self) -> int:
        """How many assets the directory holds."""
        return int(self.db.execute(f"select count(*) from {TABLE}").fetchone()[0])

    def get(self, asset_id: str) -> Asset | None:
        """The asset with this id, or None."""
        return self.get_many([asset_id]).get(asset_id)

    def get_many(self, asset_ids: list[str]) -> dict[str, Asset]:
        """The assets with these ids, by id (missing ones left out)."""
        found: dict[str, Asset] = {}
        for start in range(0, len(asset_ids), 500):
            chunk = asset_ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(f"select * from {TABLE} where id in ({marks})", chunk):
                found[str(row["id"])] = Asset.from_row(row)
        return found

    def all(self) -> Iterator[Asset]:
        """Every asset, in the order they were first added."""
        columns = ", ".join(f"[{c}]" for c in CSV_COLUMNS)
        cursor = self.db.execute(f"select {columns} from {TABLE} order by rowid")
        read = row_reader()
        while rows := cursor.fetchmany(5000):
            for values in rows:
                yield read(values)

    def batches(self, columns: Sequence[str], size: int = 10_000) -> Iterator[list[tuple[str, ...]]]:
        """The `columns` of every asset not retired, as text (never NULL), `size` rows at a time, in the order added."""
        selected = ", ".join(f"ifnull(cast([{c}] as text), '')" for c in columns)
        cursor = self.db.execute(f"select {selected} from {TABLE} where status is not 'retired' order by rowid")
        while rows := cursor.fetchmany(size):
            yield rows

    def ids(self) -> set[str]:
        """Every asset id held."""
        return {str(row["id"]) for row in self.db.query(f"select id from {TABLE}")}

    def areas(self) -> list[str]:
        """Every area named, in alphabetical order."""
        rows = self.db.query(f"select distinct area from {TABLE} where area != '' order by area collate nocase")
        return [str(row["area"]) for row in rows]

    def save(self, assets: Iterable[Asset], replace: bool = False) -> int:
        """Insert or update assets by id in one transaction; with `replace`, drop everything else first."""
        rows = (asset.to_values() for asset in assets)
        try:
            with self.db.atomic():
                if replace:
                    self.db.execute(f"delete from {TABLE}")
                before = self.count()
                self.db.conn.executemany(_UPSERT, rows)
                return self.count() - before
        except sqlite3.OperationalError as error:
            # Nothing was saved: the transaction rolled back as a whole.
            raise CpiChatError(
                f"The directory could not be saved ({error}): the disk may be full, or the file read-only. "
                "Nothing was imported, and the directory is as it was."
            ) from None

    def delete(self, asset_id: str) -> bool:
        """Remove an asset; True if it was there."""
        with self.db.atomic():
            cursor = self.db.execute(f"delete from {TABLE} where id = ?", [asset_id])
            return cursor.rowcount > 0

    def mark_verified(self, asset_id: str, on: date) -> bool:
        """Record that someone checked this asset's details on `on`; True if it exists."""
        with self.db.atomic():
            cursor = self.db.execute(f"update {TABLE} set last_verified = ? where id = ?", [on.isoformat(), asset_id])
            return cursor.rowcount > 0

    @contextlib.contextmanager
    def counted_once(self) -> Iterator[None]:
        """Inside the caller's transaction, count a bulk change as one change rather than one per row (faster)."""
        triggers = self.db.execute(
            f"select name, sql from sqlite_master where type = 'trigger' and tbl_name = '{TABLE}' and name like 'assets_counted_on_%'"
        ).fetchall()
        self.db.execute("update directory_version set changes = changes + 1 where id = 1")
        for name, _ in triggers:
            self.db.execute(f"drop trigger {name}")
        yield  # on an error the caller's rollback brings the triggers back with everything else
        for _, sql in triggers:
            self.db.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))

    @contextlib.contextmanager
    def filling(self) -> Iterator[None]:
        """Inside the caller's transaction, save many assets into an empty directory quicker (its indexes built after)."""
        if self.db.execute(f"select exists (select 1 from {TABLE})").fetchone()[0]:
            yield  # a few more into a big directory: keeping the indexes up to date is quicker
            return
        with indexes_built_after(self.db.conn, TABLE):
            yield

    def from_origin(self, origin: str) -> list[Asset]:
        """Every asset imported from the feed at `origin`."""
        return [Asset.from_row(row) for row in self.db.query(f"select * from {TABLE} where origin = ?", [origin])]

    def log_change(self, action: str, asset_id: str, detail: str = "") -> None:
        """Note who changed the directory and how (inside the caller's transaction); no personal data is kept here."""
        import getpass
        from datetime import UTC, datetime

        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown"
        self.db.execute(
            "insert into directory_change (at, os_user, action, asset_id, detail) values (?, ?, ?, ?, ?)",
            [datetime.now(UTC).isoformat(timespec="seconds"), user, action, asset_id, detail[:500]],
        )

    def close(self) -> None:
        """Close the database file."""
        self.db.close()
