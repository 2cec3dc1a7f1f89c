"""Rolling backups with the SQLite backup API, and restoring the latest good one without losing the old file."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError


@pytest.fixture
def saved(db_path: Path) -> Path:
    db = records.open_people_db(db_path)
    records.add_person(db, "Dev Okafor")
    db.close()
    return db_path


def test_backups_are_private_and_only_the_newest_few_are_kept(saved: Path, data_dir: Path) -> None:
    made = [records.rolling_backup(saved, data_dir / "backups", keep=3) for _ in range(5)]
    kept = records.list_backups(data_dir / "backups")
    assert kept == sorted(made[-3:], reverse=True)
    assert stat.S_IMODE((data_dir / "backups").stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)
    assert sqlite3.connect(kept[0]).execute("SELECT name FROM person").fetchall() == [("Dev Okafor",)]


def test_no_backup_is_made_before_there_is_a_file(db_path: Path, data_dir: Path) -> None:
    assert records.rolling_backup(db_path, data_dir / "backups") is None


def test_a_damaged_file_is_not_backed_up_over_good_backups(saved: Path, data_dir: Path) -> None:
    good = records.rolling_backup(saved, data_dir / "backups", keep=1)
    saved.write_bytes(b"\x00" * 100 + saved.read_bytes()[100:])
    with pytest.raises(RecordsError, match="damaged"):
        records.rolling_backup(saved, data_dir / "backups", keep=1)
    assert records.list_backups(data_dir / "backups") == [good]


def test_restore_brings_back_the_latest_backup_and_keeps_the_damaged_file_aside(saved: Path, data_dir: Path) -> None:
    records.rolling_backup(saved, data_dir / "backups")
    damaged_bytes = b"this used to be people.db"
    saved.write_bytes(damaged_bytes)
    saved.with_name("people.db-journal").write_bytes(b"left over")
    result = records.restore_latest(saved, data_dir / "backups")
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == damaged_bytes
    assert not saved.with_name("people.db-journal").exists()
    db = records.open_people_db(saved)
    assert [p.name for p in records.list_people(db)] == ["Dev Okafor"]
    assert db.execute("SELECT count(*) FROM audit WHERE action = 'restore'").fetchone()[0] == 1
    db.close()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_restore_skips_a_damaged_backup_for_an_older_good_one(saved: Path, data_dir: Path) -> None:
    good = records.rolling_backup(saved, data_dir / "backups")
    bad = data_dir / "backups" / "people-29990101T000000000000Z.db"
    bad.write_bytes(b"garbage")
    assert records.restore_latest(saved, data_dir / "backups").restored_from == good


def test_restore_with_no_usable_backup_changes_nothing(saved: Path, data_dir: Path) -> None:
    before = saved.read_bytes()
    with pytest.raises(RecordsError, match="No usable backup was found .* nothing was changed"):
        records.restore_latest(saved, data_dir / "backups")
    assert saved.read_bytes() == before


def test_restore_waits_for_the_file_to_be_closed(saved: Path, data_dir: Path) -> None:
    records.rolling_backup(saved, data_dir / "backups")
    holder = sqlite3.connect(saved)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RecordsError, match="in use by another cpi-chat"):
            records.restore_latest(saved, data_dir / "backups")
    finally:
        holder.rollback()
        holder.close()
    assert saved.exists()


def test_a_clock_that_stands_still_never_makes_one_backup_or_restore_replace_another(saved: Path, data_dir: Path) -> None:
    import time_machine

    with time_machine.travel("2026-11-25 10:00", tick=False):
        made = [records.rolling_backup(saved, data_dir / "backups") for _ in range(3)]
        first = records.restore_latest(saved, data_dir / "backups")
        second = records.restore_latest(saved, data_dir / "backups")
    assert len(set(made)) == 3 and records.list_backups(data_dir / "backups") == sorted(made, reverse=True)
    assert first.kept_aside != second.kept_aside and first.kept_aside and second.kept_aside
    assert first.kept_aside.exists() and second.kept_aside.exists()


def test_a_backup_is_made_only_when_the_file_changed_since_the_last_one(saved: Path, data_dir: Path) -> None:
    backups = data_dir / "backups"
    assert records.backup_in_background(saved, backups)
    records.wait_for_backups()
    assert not records.backup_in_background(saved, backups)  # nothing new to copy: a session starts without a copy
    assert len(records.list_backups(backups)) == 1
    db = records.open_people_db(saved)
    records.add_person(db, "Ann Lee")
    db.close()
    assert records.backup_in_background(saved, backups)
    records.wait_for_backups()
    newest = records.list_backups(backups)
    assert len(newest) == 2
    assert sqlite3.connect(newest[0]).execute("SELECT name FROM person ORDER BY name").fetchall() == [("Ann Lee",), ("Dev Okafor",)]


def test_a_background_backup_that_fails_is_said_once_and_keeps_the_good_backups(saved: Path, data_dir: Path) -> None:
    backups = data_dir / "backups"
    good = records.rolling_backup(saved, backups)
    saved.write_bytes(b"\x00" * 100 + saved.read_bytes()[100:])
    assert records.backup_in_background(saved, backups)
    records.wait_for_backups()
    problems = records.backup_problems()
    assert len(problems) == 1 and "damaged" in problems[0] and "Dev Okafor" not in problems[0]
    assert records.backup_problems() == []
    assert records.list_backups(backups) == [good]
