"""Erasure: the person's name and words cannot be found in people.db or its backups afterwards; others are kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError

NAME = b"Zebedee Quartermaine"
WORDS = [NAME, b"Ask Tunde for a lift", b"Check the football results", b"Kick-boxing class"]


@pytest.fixture
def full_record(db_path: Path, data_dir: Path, save_one_of_each) -> int:
    db = records.open_people_db(db_path)
    person = records.add_person(db, NAME.decode())
    session_id = records.start_session(db, person.id, "joint", "setting_goals")
    save_one_of_each(db, person.id, session_id)
    records.save_engine_state(db, session_id, '{"answers": {"name": "Zebedee Quartermaine"}}')
    kept = records.add_person(db, "Ann Lee")
    records.add_goal(db, kept.id, "commitment", "Knitting circle")
    db.close()
    for _ in range(2):
        records.rolling_backup(db_path, data_dir / "backups")
    return person.id


def files_holding(words: list[bytes], paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, w) for p in paths for w in words if w in p.read_bytes()]


def test_the_name_and_words_are_gone_from_the_file_and_every_backup(full_record: int, db_path: Path, data_dir: Path) -> None:
    backups = sorted((data_dir / "backups").iterdir())
    assert files_holding([NAME], [db_path, *backups])  # the test really had something to erase
    report = records.erase_person(db_path, full_record)
    assert files_holding(WORDS, [db_path, *backups]) == []
    assert sorted(report.backups_scrubbed) == backups
    assert not list(data_dir.glob("*-journal"))


def test_everyone_else_is_kept_and_the_erasure_is_audited_without_content(full_record: int, db_path: Path) -> None:
    records.erase_person(db_path, full_record)
    db = records.open_people_db(db_path)
    assert [p.name for p in records.list_people(db)] == ["Ann Lee"]
    assert db.execute("SELECT count(*) FROM audit WHERE action = 'erase' AND record_id = ?", [full_record]).fetchone()[0] == 1
    for table in ("session", "goal", "small_step", "barrier", "solution", "note", "interest", "connection", "rating"):
        assert db.execute(f'SELECT count(*) FROM "{table}" WHERE person_id = ?', [full_record]).fetchone()[0] == 0
    db.close()


def test_a_copy_set_aside_by_restore_is_scrubbed_too(full_record: int, db_path: Path, data_dir: Path) -> None:
    result = records.restore_latest(db_path, data_dir / "backups")
    assert result.kept_aside is not None
    records.erase_person(db_path, full_record)
    assert files_holding([NAME], [result.kept_aside]) == []


def test_an_unreadable_set_aside_copy_is_reported_not_deleted(full_record: int, db_path: Path) -> None:
    damaged = db_path.with_name("people.db.before-restore-20260101T000000000000Z")
    damaged.write_bytes(b"garbage " + NAME)
    report = records.erase_person(db_path, full_record)
    assert report.not_scrubbed == [damaged] and damaged.exists()


def test_an_unreadable_rolling_backup_is_deleted(full_record: int, db_path: Path, data_dir: Path) -> None:
    broken = data_dir / "backups" / "people-20000101T000000000000Z.db"
    broken.write_bytes(b"garbage " + NAME)
    report = records.erase_person(db_path, full_record)
    assert report.backups_removed == [broken] and not broken.exists()


def test_erasing_someone_unknown_changes_nothing(full_record: int, db_path: Path) -> None:
    before = db_path.read_bytes()
    with pytest.raises(RecordsError, match="no person with id 99"):
        records.erase_person(db_path, 99)
    assert db_path.read_bytes() == before


def test_the_file_uses_secure_delete_so_withdrawn_words_are_overwritten(db, person, session_id) -> None:
    records.save_note(db, person.id, session_id, "n1", "Seemed very low today", private=True)
    records.withdraw(db, session_id, "n1")
    assert b"Seemed very low today" not in db.path.read_bytes()
    assert sqlite3.connect(db.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
