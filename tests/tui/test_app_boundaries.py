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



def test_the_first_screen_loads_neither_sqlite_utils_nor_numpy_nor_the_search(tmp_path) -> None:
    """A quick start: the people list is read with the standard library; the rest loads with the first action."""
    import subprocess
    import sys

    from cpi_chat import records
    from cpi_chat.paths import resolve_paths
    from cpi_chat.workspace import Workspace

    workspace = Workspace(resolve_paths(data_dir=tmp_path / "data", environ={}))
    records.add_person(workspace.db, "Dev Okafor")
    workspace.close()
    program = f"""
import asyncio, sys
from pathlib import Path
from cpi_chat.paths import resolve_paths
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.workspace import Workspace
app = CpiChatApp(Workspace(resolve_paths(data_dir=Path({str(tmp_path / "data")!r}), environ={{}})))
async def main():
    async with app.run_test() as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, app.screen.query_one("#people").option_count)
asyncio.run(main())
print(sorted(name for name in ("sqlite_utils", "numpy", "rapidfuzz", "cpi_chat.assets.directory") if name in sys.modules))
"""
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout.split("\n")
    assert shown[0] == "HomeScreen 1" and shown[1] == "[]"
