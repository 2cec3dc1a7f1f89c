"""The sqlite-utils Database for people.db, apart from db.py so that opening the file need not import sqlite-utils."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils


class PeopleDatabase(sqlite_utils.Database):
    """A sqlite-utils Database that remembers its file, so errors can name it."""

    path: Path
    busy_seconds: float
    backups_dir: Path
