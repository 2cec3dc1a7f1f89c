"""The app is an interface only: it never writes SQL or opens a database itself; it calls Session and records."""

from __future__ import annotations

import re
from pathlib import Path

import cpi_chat.tui

TUI = Path(cpi_chat.tui.__file__).parent
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b\s|\.execute\(|sqlite3|open_people_db")


def test_no_file_of_the_app_writes_sql_or_opens_a_database() -> None:
    offenders = [f"{path.relative_to(TUI)}:{number}" for path in sorted(TUI.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if SQL.search(line)]
    assert offenders == []

