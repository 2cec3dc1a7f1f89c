"""Optional encryption at rest: with a passphrase people.db and its backups are unreadable without it, and nothing else changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_helpers import CANARY, cli

from cpi_chat import records
from cpi_chat.errors import RecordsError
from cpi_chat.records import db as records_db

pytest.importorskip("sqlcipher3")

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def with_passphrase(monkeypatch) -> None:
    monkeypatch.setenv(records_db.PASSPHRASE_ENV, PASSPHRASE)


def test_with_a_passphrase_people_db_and_its_backups_hold_no_readable_name(tmp_path: Path, with_passphrase: None) -> None:
    path = tmp_path / "data" / "people.db"
    db = records.open_people_db(path)
    records.add_person(db, CANARY)
    db.close()
    backup = records.rolling_backup(path, tmp_path / "data" / "backups")
    for written in (path, backup):
        raw = written.read_bytes()
        assert not raw.startswith(b"SQLite format 3") and CANARY.encode() not in raw
    assert records.list_backups(tmp_path / "data" / "backups") == [backup]
    db = records.open_people_db(path)
    try:
        assert [p.name for p in records.list_people(db)] == [CANARY]
    finally:
        db.close()


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(tmp_path: Path, monkeypatch, with_passphrase: None) -> None:
    path = tmp_path / "people.db"
    records.open_people_db(path).close()
    before = path.read_bytes()
    monkeypatch.setenv(records_db.PASSPHRASE_ENV, "wrong")
    with pytest.raises(RecordsError) as refused:
        records.open_people_db(path)
    assert "passphrase" in str(refused.value) and "\n" not in str(refused.value)
    assert path.read_bytes() == before


def test_an_encrypted_file_opened_without_a_passphrase_says_how(tmp_path: Path, monkeypatch, with_passphrase: None) -> None:
    path = tmp_path / "people.db"
    records.open_people_db(path).close()
    monkeypatch.delenv(records_db.PASSPHRASE_ENV)
    with pytest.raises(RecordsError) as refused:
        records.open_people_db(path)
    assert records_db.PASSPHRASE_ENV in str(refused.value)


def test_a_passphrase_for_a_file_that_is_not_encrypted_is_one_sentence(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "people.db"
    records.open_people_db(path).close()
    monkeypatch.setenv(records_db.PASSPHRASE_ENV, PASSPHRASE)
    with pytest.raises(RecordsError) as refused:
        records.open_people_db(path)
    assert "not encrypted" in str(refused.value)


def test_erasing_from_an_encrypted_file_and_its_backups_leaves_them_readable(tmp_path: Path, with_passphrase: None) -> None:
    path = tmp_path / "data" / "people.db"
    db = records.open_people_db(path)
    gone = records.add_person(db, CANARY)
    records.add_person(db, "Kay Test")
    db.close()
    records.rolling_backup(path, tmp_path / "data" / "backups")
    report = records.erase_person(path, gone.id, backups_dir=tmp_path / "data" / "backups")
    assert report.backups_scrubbed and not report.backups_removed
    db = records.open_people_db(path)
    try:
        assert [p.name for p in records.list_people(db)] == ["Kay Test"]
    finally:
        db.close()


def test_the_command_line_warns_that_a_lost_passphrase_means_lost_data_and_asks_for_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = cli(data, "person", "add", "Lee Test", env={records_db.PASSPHRASE_ENV: PASSPHRASE})
    assert made.returncode == 0, made.stderr
    assert "lost passphrase means the records are lost" in made.stderr
    listed = cli(data, "person", "list", env={records_db.PASSPHRASE_ENV: PASSPHRASE})
    assert "Lee Test" in listed.stdout and "lost passphrase" not in listed.stderr
    # without the variable and with no terminal to ask on, one sentence and no traceback
    asked = cli(data, "person", "list", stdin="")
    assert asked.returncode == 1 and "Traceback" not in asked.stderr
    assert "passphrase" in asked.stderr.lower()
