"""Everything one run of cpi-chat works with: people's records, the asset directory and the flows, opened on demand."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Self

from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths

if TYPE_CHECKING:  # the stores are imported when first opened, so the app starts quickly
    from cpi_chat.assets.directory import AssetDirectory
    from cpi_chat.assets.model import Asset
    from cpi_chat.dialogue.engine import Engine
    from cpi_chat.records.model import PersonSummary
    from cpi_chat.records.people_database import PeopleDatabase
    from cpi_chat.records.roster import Roster


@dataclass
class Workspace:
    """Opens each store the first time it is needed (so `cpi-chat --help` touches nothing) and closes them together."""

    paths: Paths
    training: bool = False
    _opened: list[object] = field(default_factory=list, repr=False)
    erasures_finished: list[int] = field(default_factory=list, repr=False)  # ids, finished when people.db was opened

    @cached_property
    def connection(self) -> sqlite3.Connection:
        """people.db, opened and checked (private, undamaged) with the standard library alone."""
        from cpi_chat.records.db import open_people_connection
        from cpi_chat.records.erasures import unfinished_erasures

        if self.paths.people_db.exists() and unfinished_erasures(self.paths.people_db):
            self._finish_erasures()
        conn = open_people_connection(self.paths.people_db, backups_dir=self.paths.backups_dir)
        self._opened.append(conn)
        return conn

    @cached_property
    def db(self) -> PeopleDatabase:
        """people.db for the records functions, every migration applied, over the same connection."""
        from cpi_chat.records.db import open_people_db

        db = open_people_db(self.paths.people_db, backups_dir=self.paths.backups_dir, connection=self.connection)
        self._opened.append(db)
        return db

    def _finish_erasures(self) -> None:
        """Finish each erasure that began but could not finish (a full disk, a power cut) before anyone reads the file."""
        from cpi_chat.records.erase import finish_unfinished_erasures

        reports = finish_unfinished_erasures(self.paths.people_db, self.paths.backups_dir, self.person_files)
        self.erasures_finished.extend(report.person_id for report in reports if not report.unfinished)

    def person_files(self, person_id: int) -> list[Path]:
        """The files cpi-chat keeps about one person outside people.db (their saved plan page), for erasing them."""
        from cpi_chat.plan.files import plan_file_path

        return [plan_file_path(self.paths.data_dir, person_id)]

    def reading_connection(self) -> sqlite3.Connection:
        """people.db to read without sqlite-utils while its schema is up to date (a quick start); migrated first if not."""
        from cpi_chat.records.roster import schema_is_current

        if "db" in self.__dict__ or not schema_is_current(self.connection):
            return self.db.conn
        return self.connection

    def has_people(self) -> bool:
        """Whether anyone is in people.db yet, without reading everyone (the app's first screen depends on it)."""
        return bool(self.reading_connection().execute("SELECT EXISTS (SELECT 1 FROM person)").fetchone()[0])

    def roster(self) -> Roster:
        """Everyone, for the people list."""
        from cpi_chat.records.roster import read_roster

        return read_roster(self.reading_connection())

    def people_names(self) -> list[tuple[int, str]]:
        """Everyone's id and name, by name: what the people list searches."""
        from cpi_chat.records.roster import read_names

        return read_names(self.reading_connection())

    def people_summaries(self, person_ids: list[int]) -> dict[int, PersonSummary]:
        """The people list's line for each of these people, read as they are shown."""
        from cpi_chat.records.roster import read_summaries

        return read_summaries(self.reading_connection(), person_ids)

    def people_with_a_stopped_session(self) -> frozenset[int]:
        """Ids of the people with a session that stopped part-way."""
        from cpi_chat.records.roster import read_stopped

        return read_stopped(self.reading_connection())

    @cached_property
    def assets(self) -> AssetDirectory:
        from cpi_chat.assets.directory import AssetDirectory

        directory = AssetDirectory.open(self.paths.assets_db)
        self._opened.append(directory)
        return directory

    def directory_for_a_session(self) -> tuple[AssetDirectory | None, str]:
        """The directory, or None and the sentence saying why when it cannot be opened: a session goes on without it."""
        try:
            return self.assets, ""
        except CpiChatError as problem:
            return None, f"{problem} This session goes on without suggesting groups."

    def find_asset(self, asset_id: str) -> Asset | None:
        """A group in the directory by id; None when it, or the directory, cannot be found or read (a missing one is not made)."""
        if "assets" not in self.__dict__ and not self.paths.assets_db.exists():
            return None
        try:
            return self.assets.get(asset_id)
        except (CpiChatError, sqlite3.Error, OSError):  # a group that cannot be read is left out, never fatal
            return None

    @cached_property
    def engine(self) -> Engine:
        from cpi_chat.dialogue.engine import Engine
        from cpi_chat.dialogue.loader import load_flows

        return Engine(load_flows(self.paths.flows_dir))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close_people(self) -> None:
        """Close people.db alone (to erase or restore the file), leaving the directory open; it opens again when next used."""
        for name in ("db", "connection"):
            store = self.__dict__.pop(name, None)
            if store is not None:
                store.close()
                self._opened.remove(store)

    def close(self) -> None:
        """Close every store opened, so files are released (a command's end, the app's exit, a restore)."""
        backup = sys.modules.get("cpi_chat.records.backup")
        if backup is not None:
            backup.wait_for_backups()  # a copy still being made finishes first (a throwaway folder may be deleted next)
        for store in self._opened:
            close = getattr(store, "close", None)
            if close is not None:
                close()
        self._opened.clear()
        for opened in ("connection", "db", "assets"):  # opened again if wanted after closing
            self.__dict__.pop(opened, None)
