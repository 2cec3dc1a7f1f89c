"""A session that cannot be carried on, a name that cannot be saved, bytes that are not UTF-8: a sentence, then carry on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_helpers import cli

from cpi_chat import records
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Answer
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import resolve_paths
from cpi_chat.plain import PlainIO, open_session
from cpi_chat.session import Session
from cpi_chat.workspace import Workspace


def raw_cli(data: Path, *args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """cpi-chat with raw bytes on standard input and the terminal's usual (not forced) encoding."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env["LC_ALL"] = env["LANG"] = "C.UTF-8"
    return subprocess.run(check=False, args=[sys.executable, "-m", "cpi_chat", "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, timeout=60, env=env)


@pytest.fixture
def interrupted(tmp_path: Path, engine: Engine):
    """A workspace holding one person with a session stopped part-way."""
    workspace = Workspace(resolve_paths(data_dir=tmp_path / "data", assets_db=tmp_path / "assets.db", environ={}))
    person = records.add_person(workspace.db, "Pat Test")
    session, _turn = Session.start(workspace.db, engine, None, person, "joint")
    session.handle(Answer("1"))
    session.handle(Answer("walks by the canal"))
    yield workspace, person, session
    workspace.close()


def set_saved_place(workspace: Workspace, session_id: int, text: str) -> None:
    with records.transaction(workspace.db):
        workspace.db.execute("UPDATE session SET engine_state = ? WHERE id = ?", [text, session_id])


@pytest.mark.parametrize("saved", ["{not json", "[]", '{"frames": 5}', "null"])
def test_a_damaged_saved_place_is_one_sentence_not_a_crash(interrupted, engine: Engine, saved: str) -> None:
    workspace, person, session = interrupted
    set_saved_place(workspace, session.session_id, saved)
    with pytest.raises(CpiChatError) as refused:
        Session.resume(workspace.db, engine, None, person, records.get_session(workspace.db, session.session_id))
    assert "could not be read" in str(refused.value) and "Pat" not in str(refused.value)


def test_a_saved_place_from_another_version_is_one_sentence(interrupted, engine: Engine) -> None:
    workspace, person, session = interrupted
    state = json.loads(session.state.to_json())
    set_saved_place(workspace, session.session_id, json.dumps({**state, "added_in_a_later_version": 1}))
    with pytest.raises(CpiChatError):
        Session.resume(workspace.db, engine, None, person, records.get_session(workspace.db, session.session_id))


@pytest.mark.parametrize("damage", ["{not json", "renamed step"])
def test_plain_mode_starts_afresh_when_the_saved_place_cannot_be_carried_on(interrupted, damage: str) -> None:
    workspace, _person, session = interrupted
    saved = session.state.to_json().replace('"interests_now"', '"a_step_since_deleted"') if damage == "renamed step" else damage
    set_saved_place(workspace, session.session_id, saved)
    typed = iter(["yes"])
    shown: list[str] = []
    opened = open_session(workspace, PlainIO(read=lambda _p: next(typed, None), write=shown.append), "Pat Test", "joint")
    assert opened is not None
    assert "Starting a new session instead." in shown
    assert records.get_session(workspace.db, session.session_id).outcome == "stopped"


@pytest.mark.parametrize("name", ["\x1b", "12345", "x" * 200])
def test_a_name_that_cannot_be_saved_is_explained_and_asked_again_in_plain_mode(tmp_path: Path, name: str) -> None:
    done = cli(tmp_path / "data", "run", "--plain", stdin=f"{name}\nyes\nRo Test\nyes\nquit\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Who is this session with?") == 2
    assert "Saved." in done.stdout


def test_bytes_that_are_not_utf8_typed_in_plain_mode_are_kept_as_replacement_characters(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = raw_cli(data, "run", "--plain", stdin=b"Al\xff\xfeTest\nyes\n1\nfilms \xc3\x28 and walks\nquit\n")
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and b"did not expect" not in done.stderr
    people = json.loads(cli(data, "person", "list", "--json").stdout)
    assert people[0]["name"].startswith("Al") and "\ufffd" in people[0]["name"]


def test_bytes_that_are_not_utf8_on_the_command_line_are_one_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Cy Test").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env["LC_ALL"] = env["LANG"] = "C.UTF-8"
    done = subprocess.run(check=False, args=[sys.executable, "-m", "cpi_chat", "--data-dir", str(data), "goals", "add", "Cy Test",
                           "--commitment", b"Swim\xff".decode("utf-8", "surrogateescape"), "--every", "week"],
                          capture_output=True, timeout=60, env=env)
    assert b"Traceback" not in done.stderr and b"did not expect" not in done.stderr
    assert done.returncode in (0, 1)
    assert len(done.stderr.strip().splitlines()) <= 1


def test_a_person_alone_in_self_mode_is_never_shown_anyone_elses_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in ("Uma Other", "Sam Test"):
        assert cli(data, "person", "add", name).returncode == 0
    done = cli(data, "run", "--plain", "--mode", "self", stdin="Sam Tset\nno\nSam Test\nquit\n")
    assert done.returncode == 0, done.stderr
    assert "Uma" not in done.stdout and "did you mean" not in done.stdout
    joint = cli(data, "run", "--plain", stdin="quit\n")
    assert "Uma Other" in joint.stdout  # the worker still sees the list


def test_a_save_that_fails_in_plain_mode_is_explained_and_the_answer_can_be_typed_again(
    tmp_path: Path, engine: Engine, monkeypatch,
) -> None:
    import sqlite3

    from cpi_chat.plain import PlainConversation

    db = records.open_people_db(tmp_path / "people.db")
    person = records.add_person(db, "Vi Test")
    session, first = Session.start(db, engine, None, person, "joint")
    real_save = records.save_engine_state
    failures = iter([True])

    def full_once(*args, **kwargs):
        if next(failures, False):
            raise sqlite3.OperationalError("database or disk is full")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(records, "save_engine_state", full_once)
    typed = iter(["1", "1", "walks by the canal"])
    shown: list[str] = []
    PlainConversation(session, PlainIO(read=lambda _p: next(typed, None), write=shown.append)).run(first)
    assert any("disk may be full" in line for line in shown)
    assert "That answer was not saved. Type it again when the problem is sorted, or type quit." in shown
    saved = records.get_session(db, session.session_id).engine_state
    assert "walks by the canal" in saved  # the retyped answers were saved
    db.close()


def test_quit_typed_when_asked_who_the_session_is_with_leaves_without_adding_anyone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = cli(data, "run", "--plain", stdin="quit\nyes\n")
    assert done.returncode == 0, done.stderr
    assert "Add quit" not in done.stdout
    assert json.loads(cli(data, "person", "list", "--json").stdout) == []
