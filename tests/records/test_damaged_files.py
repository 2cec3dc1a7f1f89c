"""A damaged, read-only or missing people.db gives one sentence saying what to do, and is never changed."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def saved_db(db_path: Path) -> Path:
    db = records.open_people_db(db_path)
    person = records.add_person(db, "Dev Okafor")
    for number in range(40):  # enough pages that damage lands inside the data
        records.add_goal(db, person.id, "commitment", f"Kick-boxing class {number}", how_often="every week" * 20)
    db.close()
    return db_path


def corrupt_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def not_a_database(path: Path) -> None:
    path.write_text("name,goal\nDev,kick-boxing\n")


def scrambled_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"not sqlite at all"[:16]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [corrupt_middle, truncate_half, not_a_database, scrambled_header],
                         ids=["corrupt", "truncated", "not-a-database", "scrambled-header"])
def test_a_damaged_file_says_restore_the_latest_backup_and_is_left_as_it_was(saved_db: Path, damage: Callable[[Path], None]) -> None:
    damage(saved_db)
    before = fingerprint(saved_db)
    with pytest.raises(RecordsError) as caught:
        records.open_people_db(saved_db)
    message = str(caught.value)
    assert "cpi-chat restore" in message
    assert message.count(".") <= 3 and "\n" not in message and "Traceback" not in message
    assert fingerprint(saved_db) == before
    assert not saved_db.with_name(saved_db.name + "-journal").exists()


@pytest.fixture
def read_only(saved_db: Path) -> Iterator[Path]:
    saved_db.chmod(0o400)
    yield saved_db
    saved_db.chmod(0o600)


def test_a_read_only_file_says_how_to_make_it_writable_and_is_left_as_it_was(read_only: Path) -> None:
    before = fingerprint(read_only)
    with pytest.raises(RecordsError, match=r"read-only, so nothing can be saved; make it writable again \(chmod u\+w\)"):
        records.open_people_db(read_only)
    assert fingerprint(read_only) == before


@pytest.fixture
def read_only_folder(saved_db: Path) -> Iterator[Path]:
    saved_db.parent.chmod(0o500)
    yield saved_db
    saved_db.parent.chmod(0o700)


def test_a_read_only_folder_says_records_cannot_be_saved_there(read_only_folder: Path) -> None:
    before = fingerprint(read_only_folder)
    with pytest.raises(RecordsError, match="folder .* is read-only"):
        records.open_people_db(read_only_folder)
    assert fingerprint(read_only_folder) == before


def test_a_missing_file_with_backups_says_restore_instead_of_starting_empty(saved_db: Path) -> None:
    records.rolling_backup(saved_db, saved_db.parent / "backups")
    saved_db.unlink()
    with pytest.raises(RecordsError, match="missing or empty although backups exist; restore the latest backup"):
        records.open_people_db(saved_db)
    assert not saved_db.exists()


def test_a_file_emptied_to_zero_bytes_with_backups_is_not_mistaken_for_a_new_one(saved_db: Path) -> None:
    records.rolling_backup(saved_db, saved_db.parent / "backups")
    saved_db.write_bytes(b"")
    with pytest.raises(RecordsError, match="cpi-chat restore"):
        records.open_people_db(saved_db)
    assert saved_db.read_bytes() == b""


def test_a_missing_file_and_folder_on_first_use_are_created(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "people.db"
    records.open_people_db(path).close()
    assert path.exists()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_folder_that_cannot_be_created_gives_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(RecordsError, match="could not be created .* --data-dir"):
        records.open_people_db(blocker / "data" / "people.db")


def test_a_folder_where_the_file_should_be_gives_one_sentence(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    with pytest.raises(RecordsError, match="is a folder"):
        records.open_people_db(db_path)


def test_damage_found_while_saving_becomes_one_sentence(saved_db: Path) -> None:
    db = records.open_people_db(saved_db)
    try:
        os.chmod(saved_db, 0o400)
        db.execute("PRAGMA query_only=ON")  # stands in for a file that turned read-only under us
        with pytest.raises(RecordsError, match="read-only|could not be used"):
            records.add_person(db, "Ann Lee")
    finally:
        os.chmod(saved_db, 0o600)
        db.close()
