"""Erasing a person for good, as one operation that always finishes: people.db, its backups, copies set aside, their files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cpi_chat.errors import RecordsError
from cpi_chat.records.backup import list_backups, set_aside_copies, wait_for_backups
from cpi_chat.records.db import DEFAULT_BUSY_SECONDS, connect, database_errors, open_people_db
from cpi_chat.records.erasures import (
    FINISHED,
    UNFINISHED,
    note_erasure,
    unfinished_erasures,
)
from cpi_chat.records.people import get_person
from cpi_chat.records.removal import delete_person_rows, rebuild_file, remove_people_from_file


@dataclass
class EraseReport:
    """What erasing touched: backups scrubbed or removed, copies that could not be scrubbed, and anything left to finish."""

    person_id: int
    backups_scrubbed: list[Path] = field(default_factory=list)
    backups_removed: list[Path] = field(default_factory=list)
    not_scrubbed: list[Path] = field(default_factory=list)
    files_removed: list[Path] = field(default_factory=list)
    unfinished: str = ""  # one sentence when a step failed: the erasure is finished at the next start


def _scrub_copy(path: Path, people: list[int]) -> bool:
    """Remove the people from one backup file and VACUUM it; False if the file could not be read or rebuilt."""
    try:
        conn = connect(path, 1)
        try:
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA foreign_keys=ON")
            if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
                return False
            with conn:
                for person in people:
                    delete_person_rows(conn, person)
            conn.execute("VACUUM")
        finally:
            conn.close()
    except database_errors() + (RecordsError,):
        return False
    return True


def erase_person(db_path: Path, person_id: int, backups_dir: Path | None = None, busy_seconds: float = DEFAULT_BUSY_SECONDS,
                 also_delete: Sequence[Path] = ()) -> EraseReport:
    """Erase a person for good: recorded first, then people.db, its backups and `also_delete`; see finish_erasure."""
    backups = backups_dir if backups_dir is not None else db_path.parent / "backups"
    db = open_people_db(db_path, busy_seconds=busy_seconds, backups_dir=backups)
    try:
        get_person(db, person_id)
    finally:
        db.close()
    note_erasure(db_path, person_id, UNFINISHED)  # from here on the erasure is finished, now or at the next start
    return finish_erasure(db_path, person_id, backups, busy_seconds, also_delete)


def finish_erasure(db_path: Path, person_id: int, backups_dir: Path, busy_seconds: float = DEFAULT_BUSY_SECONDS,
                   also_delete: Sequence[Path] = ()) -> EraseReport:
    """Carry an erasure through every step; it is marked finished only when all of them worked.

    Removing the rows from people.db comes first and raises RecordsError if it fails (the person is still there).
    A failure after that (rebuilding the file, a backup, a file) is said in `unfinished`; every step is tried again
    the next time people.db is opened or the person is erased, and each one is harmless to repeat.
    """
    wait_for_backups()  # a copy being made in the background now would keep the person
    report = EraseReport(person_id=person_id)
    remove_people_from_file(db_path, [person_id], busy_seconds)
    troubles: list[str] = []
    try:
        rebuild_file(db_path, busy_seconds)
    except database_errors():
        troubles.append(f"{db_path.name} could not be rebuilt without the freed pages")
    for backup in list_backups(backups_dir):
        if _scrub_copy(backup, [person_id]):
            report.backups_scrubbed.append(backup)
            continue
        try:  # an unreadable rolling backup (or one with no room to rebuild) is no use and may still hold the person
            backup.unlink(missing_ok=True)
            report.backups_removed.append(backup)
        except OSError:
            troubles.append(f"the backup {backup.name} could not be deleted")
    for copy in set_aside_copies(db_path):
        # Copies kept aside by `restore` are never deleted automatically: they may be someone's only data.
        (report.backups_scrubbed if _scrub_copy(copy, [person_id]) else report.not_scrubbed).append(copy)
    for path in also_delete:
        try:
            path.unlink()
            report.files_removed.append(path)
        except FileNotFoundError:
            pass
        except OSError:
            troubles.append(f"{path} could not be deleted")
    if troubles:
        report.unfinished = (f"Person {person_id} is no longer in {db_path.name}, but " + "; ".join(troubles) +
                             " (the disk may be full). cpi-chat finishes this the next time it starts, or when "
                             "`cpi-chat person erase` runs again.")
        return report
    note_erasure(db_path, person_id, FINISHED)
    return report


def finish_unfinished_erasures(db_path: Path, backups_dir: Path, files_of: Callable[[int], Sequence[Path]],
                               busy_seconds: float = DEFAULT_BUSY_SECONDS) -> list[EraseReport]:
    """Finish every erasure that began but did not finish (when people.db is opened, or before an erasure)."""
    return [finish_erasure(db_path, person, backups_dir, busy_seconds, files_of(person))
            for person in unfinished_erasures(db_path)]
