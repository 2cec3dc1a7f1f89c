"""Erasure: the person's name and words cannot be found in people.db or its backups afterwards; others are kept.

It is one operation that always finishes: recorded first, finished at the next start if a step fails, never undone
by `restore`, and the ids it frees are never given to anyone else.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError
from cpi_chat.paths import resolve_paths
from cpi_chat.records import erase as erase_module
from cpi_chat.records.erasures import read_ledger, unfinished_erasures
from cpi_chat.records.lasting_ids import tables_reusing_ids
from cpi_chat.workspace import Workspace

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


# --- erasure always finishes, is never undone by restore, and frees no id for reuse (issue 16) ---------------

def every_file(data_dir: Path) -> list[Path]:
    return [path for path in data_dir.rglob("*") if path.is_file()]


def disk_full(*_args: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


def test_a_rebuild_that_fails_on_a_full_disk_is_finished_the_next_time_the_records_are_opened(
        full_record: int, db_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(erase_module, "rebuild_file", disk_full)
    report = records.erase_person(db_path, full_record)
    assert "finishes this the next time it starts" in report.unfinished
    assert unfinished_erasures(db_path) == [full_record]
    monkeypatch.undo()

    workspace = Workspace(resolve_paths(data_dir=data_dir, environ={}))
    assert [p.name for p in workspace.roster().people] == ["Ann Lee"]
    workspace.close()
    assert workspace.erasures_finished == [full_record] and unfinished_erasures(db_path) == []
    assert files_holding(WORDS, every_file(data_dir)) == []


def test_a_backup_left_unscrubbed_by_a_power_cut_never_brings_the_person_back_on_restore(
        full_record: int, db_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def power_cut(*_args: object) -> bool:
        raise SystemExit("the power went")

    monkeypatch.setattr(erase_module, "_scrub_copy", power_cut)
    with pytest.raises(SystemExit):
        records.erase_person(db_path, full_record)
    monkeypatch.undo()
    assert files_holding([NAME], list((data_dir / "backups").iterdir())), "the backups still hold the person"

    records.restore_latest(db_path, data_dir / "backups")
    db = records.open_people_db(db_path)
    assert [p.name for p in records.list_people(db)] == ["Ann Lee"]
    db.close()
    assert files_holding(WORDS, [db_path]) == []


def test_the_record_of_erasures_holds_ids_only_and_is_private(full_record: int, db_path: Path) -> None:
    records.erase_person(db_path, full_record)
    ledger = db_path.with_name("people.db.erasures")
    assert read_ledger(db_path) == {full_record: "finished"}
    assert ledger.stat().st_mode & 0o777 == 0o600 and NAME not in ledger.read_bytes()


def test_someone_added_after_an_erasure_never_gets_the_erased_ids_nor_their_audit_rows(
        db_path: Path, data_dir: Path, tmp_path: Path) -> None:
    db = records.open_people_db(db_path)
    first = records.add_person(db, "Erin Erased")
    goal = records.add_goal(db, first.id, "commitment", "Choir on Thursdays", how_often="every week")
    db.close()
    records.erase_person(db_path, first.id)

    db = records.open_people_db(db_path)
    later = records.add_person(db, "Nadia New")
    later_goal = records.add_goal(db, later.id, "commitment", "Walking group", how_often="every week")
    assert later.id != first.id and later_goal.id != goal.id
    json_path, _ = records.write_export(db, later.id, tmp_path / "export")
    db.close()
    exported = json_path.read_text()
    assert '"action": "erase"' not in exported and '"Choir' not in exported


def test_ids_erased_before_a_table_was_rebuilt_are_still_never_given_out(db_path: Path) -> None:
    db = records.open_people_db(db_path)
    records.add_person(db, "Ann Lee")
    gone = records.add_person(db, "Bo Gone")
    db.close()
    records.erase_person(db_path, gone.id)
    db = records.open_people_db(db_path)
    db.table("person").transform()  # as sqlite-utils does when a column with a foreign key is added: AUTOINCREMENT goes
    db.close()

    db = records.open_people_db(db_path)
    assert records.add_person(db, "Cy New").id == gone.id + 1, "the count goes on from the audit trail"
    db.close()


def test_every_table_with_an_integer_id_never_gives_an_id_out_twice(db: records.PeopleDatabase) -> None:
    assert tables_reusing_ids(db.conn) == []
