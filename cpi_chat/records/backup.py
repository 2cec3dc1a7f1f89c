"""Rolling backups of people.db with SQLite's backup API, and restoring the latest good one."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cpi_chat.errors import RecordsError
from cpi_chat.private_files import private_file
from cpi_chat.records.db import (
    DEFAULT_BUSY_SECONDS,
    connect,
    database_errors,
    describe_sqlite_error,
    ensure_private_dir,
    open_people_db,
    transaction,
    write_audit,
)
from cpi_chat.records.erasures import read_ledger
from cpi_chat.records.removal import rebuild_file, remove_people_from_file

BACKUP_PATTERN = "people-*.db"
COPY_STEP_PAGES = 256
_copying: list[threading.Thread] = []  # backups being made in the background
_problems: list[str] = []
SET_ASIDE_MARK = ".before-restore-"


@dataclass(frozen=True)
class RestoreResult:
    """Which backup was put in place, and where the file it replaced was kept (None if there was none)."""

    restored_from: Path
    kept_aside: Path | None


def _unused_path(folder: Path, prefix: str, suffix: str = "") -> Path:
    """`folder/<prefix><UTC time><suffix>` that no file has yet: a clock that stands still or steps back never reuses one."""
    moment = datetime.now(UTC)
    while (path := folder / f"{prefix}{moment:%Y%m%dT%H%M%S%fZ}{suffix}").exists() or path.is_symlink():
        moment += timedelta(microseconds=1)
    return path


def list_backups(backups_dir: Path) -> list[Path]:
    """The rolling backups, newest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(BACKUP_PATTERN), reverse=True)


def set_aside_copies(db_path: Path) -> list[Path]:
    """Files that `restore` kept aside beside people.db (they may still hold personal data)."""
    return sorted(p for p in db_path.parent.glob(f"{db_path.name}{SET_ASIDE_MARK}*") if not p.name.endswith("-journal"))


def is_sound(path: Path) -> bool:
    """True if the file opens as an SQLite database and passes a quick integrity check."""
    try:
        conn = connect(path, 1, read_only=True)
        try:
            return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except database_errors() + (RecordsError,):
        return False


def _copy_database(source: Path, target: Path, busy_seconds: float, without: Sequence[int] = ()) -> None:
    """Copy a records file to a new owner-only `target` (never over an existing file), put in place in one step.

    The people `without` (everyone ever erased) are taken out of the copy before it takes `target`'s place.
    """
    with private_file(target) as temporary:
        src = connect(source, busy_seconds)
        try:
            dst = connect(temporary, busy_seconds)  # encrypted with the same passphrase as the source, if any
            try:
                # A step at a time, so a session saving an answer meanwhile waits for one step, not the whole copy.
                src.backup(dst, pages=COPY_STEP_PAGES, sleep=0.001)
            finally:
                dst.close()
        finally:
            src.close()
        if without:
            remove_people_from_file(temporary, list(without), busy_seconds)
            rebuild_file(temporary, busy_seconds)


def rolling_backup(db_path: Path, backups_dir: Path, keep: int = 5, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> Path | None:
    """Copy people.db into `backups_dir` (0600 files in a 0700 folder), keeping the newest `keep`; None if no file yet."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    ensure_private_dir(backups_dir)
    target = _unused_path(backups_dir, "people-", ".db")
    try:
        _copy_database(db_path, target, busy_seconds)
    except database_errors() as error:
        target.unlink(missing_ok=True)  # only ever our own half-written copy
        raise describe_sqlite_error(error, db_path, busy_seconds) from None
    if not is_sound(target):
        target.unlink(missing_ok=True)
        raise RecordsError(f"{db_path} is damaged, so no backup was made and the older backups were kept; restore the latest backup with `cpi-chat restore`.")
    for old in list_backups(backups_dir)[max(keep, 1):]:
        old.unlink(missing_ok=True)
    return target


def backup_in_background(db_path: Path, backups_dir: Path, keep: int = 5, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> bool:
    """Start a rolling backup beside the caller when people.db changed since the last one; whether one started.

    Nothing changed (or a copy still running) means nothing to do: a session starts without waiting
    for a copy of the whole file. A backup that fails says why through `backup_problems()`.
    """
    from cpi_chat.records.integrity import file_signature, is_as_last_backed_up

    if not db_path.exists() or db_path.stat().st_size == 0 or any(t.is_alive() for t in _copying):
        return False
    if is_as_last_backed_up(db_path) and list_backups(backups_dir):
        return False
    signature = file_signature(db_path)  # as it was before the copy: a change saved while copying is copied next time
    # Not a daemon: a command that ends at once still finishes its copy before the program exits.
    thread = threading.Thread(target=_backup_and_remember, args=(db_path, backups_dir, keep, busy_seconds, signature),
                              name="cpi-chat backup")
    _copying.append(thread)
    thread.start()
    return True


def _backup_and_remember(db_path: Path, backups_dir: Path, keep: int, busy_seconds: float, signature: str) -> None:
    from cpi_chat.records.integrity import remember_backed_up

    try:
        rolling_backup(db_path, backups_dir, keep, busy_seconds)
    except RecordsError as problem:
        _problems.append(str(problem))
        return
    remember_backed_up(db_path, signature)


def wait_for_backups() -> None:
    """Let a backup copying in the background finish (before erasing, restoring, or anything that needs the backups still)."""
    while _copying:
        _copying.pop().join()


def backup_problems() -> list[str]:
    """What went wrong with backups made in the background since last asked (each one sentence), then forgotten."""
    found = list(_problems)
    _problems.clear()
    return found


def _refuse_if_in_use(db_path: Path) -> None:
    try:
        conn = connect(db_path, 0.5)
    except database_errors() + (RecordsError,):
        return
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except database_errors() as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise RecordsError(f"{db_path.name} is in use by another cpi-chat; close it and run `cpi-chat restore` again.") from None
        # otherwise a damaged file cannot be locked as a database; it is set aside below all the same  # a damaged file cannot be locked as a database; it is set aside below all the same
    finally:
        conn.close()


def restore_latest(db_path: Path, backups_dir: Path, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> RestoreResult:
    """Put the newest sound backup in place of people.db; the file it replaces is renamed aside, never deleted."""
    wait_for_backups()
    sound = next((backup for backup in list_backups(backups_dir) if is_sound(backup)), None)
    if sound is None:
        raise RecordsError(f"No usable backup was found in {backups_dir}, so nothing was changed.")
    kept_aside: Path | None = None
    if db_path.exists():
        _refuse_if_in_use(db_path)
        kept_aside = _unused_path(db_path.parent, f"{db_path.name}{SET_ASIDE_MARK}")
        os.replace(db_path, kept_aside)
        journal = db_path.with_name(db_path.name + "-journal")
        if journal.exists():  # a leftover journal belongs to the old file and would spoil the restored one
            os.replace(journal, kept_aside.with_name(kept_aside.name + "-journal"))
    # A backup made before an erasure (or one that could not be scrubbed) never brings an erased person back.
    _copy_database(sound, db_path, busy_seconds, without=sorted(read_ledger(db_path)))
    db = open_people_db(db_path, busy_seconds=busy_seconds, backups_dir=backups_dir)
    try:
        with transaction(db):
            write_audit(db, "restore", "database", None)
    finally:
        db.close()
    return RestoreResult(restored_from=sound, kept_aside=kept_aside)
