"""`cpi-chat person erase` on a disk too full to rebuild the file: it finishes later, and `restore` never undoes it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cpi_chat import records
from tests.records.conftest import save_one_of_each_kind
from tests.running import cli

NAME = "Zebedee Quartermaine"
WORDS = [NAME.encode(), b"Ask Tunde for a lift", b"Check the football results"]
# Every SQLite connection cpi-chat opens fails to VACUUM, as on a disk with no room for the rebuilt file.
FULL_DISK = '''
import sqlite3, sys
class FullDisk(sqlite3.Connection):
    def execute(self, sql, *args):
        if sql.strip().upper().startswith("VACUUM"):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)
connect = sqlite3.connect
sqlite3.connect = lambda *args, **kwargs: connect(*args, **{"factory": FullDisk, **kwargs})
sys.argv = ["cpi-chat", *sys.argv[1:]]
from cpi_chat.cli import main
main()
'''


def holding_the_person(data: Path) -> list[str]:
    return sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file() and any(w in p.read_bytes() for w in WORDS))


def test_an_erasure_a_full_disk_interrupts_is_finished_by_the_next_erase_and_never_undone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = records.open_people_db(data / "people.db")
    person = records.add_person(db, NAME)
    save_one_of_each_kind(db, person.id, records.start_session(db, person.id, "joint", "setting_goals"))
    records.add_person(db, "Ann Lee")
    db.close()
    for _ in range(2):
        records.rolling_backup(data / "people.db", data / "backups")

    first = subprocess.run([sys.executable, "-c", FULL_DISK, "--data-dir", str(data), "person", "erase", NAME, "--yes"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert first.returncode == 1 and "Traceback" not in first.stderr
    assert "next time it starts" in first.stderr, first.stderr

    again = cli(data, "person", "erase", NAME, "--yes")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "is now complete" in again.stdout

    cli(data, "restore", "--yes")  # whatever backups are left, none brings the person back
    listed = cli(data, "person", "list")
    assert NAME not in listed.stdout and "Ann Lee" in listed.stdout
    assert holding_the_person(data) == []
