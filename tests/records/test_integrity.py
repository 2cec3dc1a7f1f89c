"""Opening people.db costs the same at any size: the full check runs only when the file is not as cpi-chat left it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError
from cpi_chat.records.integrity import header_agrees_with_length, is_as_last_checked, state_file


def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every 'PRAGMA quick_check' run from now on, counted."""
    seen: list[str] = []
    real_connect = sqlite3.connect

    def tracing_connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql else None)
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracing_connect)
    return seen


def test_a_file_cpi_chat_closed_is_opened_again_without_the_full_check(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = records.open_people_db(db_path)
    records.add_person(db, "Dev Okafor")
    db.close()
    assert is_as_last_checked(db_path) and state_file(db_path).stat().st_mode & 0o777 == 0o600
    checks = full_checks(monkeypatch)
    records.open_people_db(db_path).close()
    assert checks == []
    assert "Dev Okafor" not in state_file(db_path).read_text(encoding="utf-8")


def test_opening_and_reading_only_leaves_the_checked_state_as_it_was(db_path: Path) -> None:
    """A command that only reads (`goals list`) does not rewrite people.db.checked, which cost it a write and a flush."""
    db = records.open_people_db(db_path)
    records.add_person(db, "Dev Okafor")
    db.close()
    written = state_file(db_path).stat().st_mtime_ns, state_file(db_path).stat().st_ino
    db = records.open_people_db(db_path)
    records.find_person(db, "Dev Okafor")
    db.close()
    assert (state_file(db_path).stat().st_mtime_ns, state_file(db_path).stat().st_ino) == written
    assert is_as_last_checked(db_path)


def test_a_file_another_program_wrote_to_meanwhile_is_checked_in_full_next_time(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records.open_people_db(db_path).close()
    db = records.open_people_db(db_path)
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO person (name, created) VALUES ('Ann Lee', '2026-11-25')")
    other.commit()
    other.close()
    db.close()
    assert not is_as_last_checked(db_path)
    checks = full_checks(monkeypatch)
    records.open_people_db(db_path).close()
    assert checks == ["PRAGMA quick_check"]


def test_a_state_kept_by_an_older_cpi_chat_costs_one_full_check_then_none(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Older versions kept a SHA-256 of the first page; that signature never matches now, so the file is checked once."""
    records.open_people_db(db_path).close()
    found = db_path.stat()
    older = f"{found.st_size}:{found.st_mtime_ns}:{found.st_ino}:{hashlib.sha256(db_path.read_bytes()[:4096]).hexdigest()[:32]}"
    state = json.loads(state_file(db_path).read_text(encoding="utf-8"))
    state_file(db_path).write_text(json.dumps({**state, "checked": older}), encoding="utf-8")
    checks = full_checks(monkeypatch)
    records.open_people_db(db_path).close()
    records.open_people_db(db_path).close()
    assert checks == ["PRAGMA quick_check"]


def test_a_file_cut_short_is_refused_even_when_its_state_was_remembered(db_path: Path) -> None:
    db = records.open_people_db(db_path)
    for number in range(200):
        records.add_person(db, f"Person {number}")
    db.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) - 4096])
    assert not header_agrees_with_length(db_path)
    with pytest.raises(RecordsError, match="is damaged"):
        records.open_people_db(db_path)
