"""people.db as the records functions use it: one connection and its file, with sqlite-utils loaded only when asked for.

Reading and writing records needs only the connection (plain SQL, `records.store`), so a command
such as `cpi-chat goals list` or `cpi-chat checkin` never imports sqlite-utils (nor numpy with
it). Migrations, and tests, use sqlite-utils' Database over the same connection through `utils`;
any other attribute (`table`, `query`, `tables`, `db["goal"]`) is handed on to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


class PeopleDatabase:
    """The connection to people.db, the file it is (so errors can name it), its busy timeout and its backups folder."""

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_seconds: float, backups_dir: Path) -> None:
        self.conn = conn
        self.path = path
        self.busy_seconds = busy_seconds
        self.backups_dir = backups_dir

    def execute(self, sql: str, parameters: Iterable[Any] | Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement on the connection, as sqlite-utils' `execute` does."""
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)  # type: ignore[arg-type]

    @cached_property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection (imported now, the first time it is wanted)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "utils":
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
