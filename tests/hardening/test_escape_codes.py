"""Escape codes are dropped where words come in and again where they go out, so nothing stored can change a terminal.

OSC 52 writes the clipboard, ESC[2J clears the screen, ESC c resets the terminal, BEL rings: typed or pasted into a
goal, a note, an answer or a command's options, none of them is stored, printed, or written to a plan file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.dialogue.events import Answer
from cpi_chat.paths import resolve_paths
from cpi_chat.session import Session
from cpi_chat.workspace import Workspace
from tests.running import cli

CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGU=\x07"
CLEAR, RESET, BELL, CSI = "\x1b[2J", "\x1bc", "\x07", "\x9b2J"
HOSTILE = f"{CLIPBOARD}kick{CLEAR}boxing{RESET}{BELL}{CSI}"
CODES = ("\x1b", "\x07", "\x9b")


def has_codes(text: str | bytes) -> bool:
    data = text if isinstance(text, str) else text.decode("utf-8", errors="replace")
    return any(code in data for code in CODES)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert cli(folder, "person", "add", "Sam Example").returncode == 0
    added = cli(folder, "goals", "add", "Sam Example", "--commitment", HOSTILE, "--every", "week", "--where", HOSTILE)
    assert added.returncode == 0, added.stderr
    done = cli(folder, "checkin", "Sam Example", "1", "--attended", "--note", HOSTILE, "--feeling", HOSTILE)
    assert done.returncode == 0, done.stderr
    return folder


def test_escape_codes_typed_into_a_commands_options_are_not_stored(data: Path) -> None:
    with Workspace(resolve_paths(data_dir=data, environ={})) as workspace:
        person = records.find_person(workspace.db, "Sam Example")
        (goal,) = records.list_goals(workspace.db, person.id)
    assert goal.what == "kickboxing2J" and not has_codes(goal.where)  # the 8-bit CSI goes alone: its letters stay
    assert not has_codes(goal.checkins[0].note) and not has_codes(goal.checkins[0].feeling)


def test_the_plan_printed_to_the_terminal_and_written_as_a_calendar_has_no_escape_codes(data: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        shown = cli(data, "goals", "export", "Sam Example", "--format", fmt)
        assert shown.returncode == 0 and "kickboxing" in shown.stdout and not has_codes(shown.stdout)
    listed = cli(data, "goals", "list", "Sam Example")
    assert "kickboxing" in listed.stdout and not has_codes(listed.stdout)
    assert cli(data, "goals", "export", "Sam Example", "--format", "ics", "--out", str(tmp_path / "plan.ics")).returncode == 0
    calendar = (tmp_path / "plan.ics").read_bytes()
    assert b"kickboxing" in calendar and not has_codes(calendar)


def test_an_answer_in_the_conversation_keeps_no_escape_codes_in_what_is_saved_or_said_back(tmp_path: Path) -> None:
    with Workspace(resolve_paths(data_dir=tmp_path / "data", environ={})) as workspace:
        person = records.add_person(workspace.db, "Sam Example")
        session, _ = Session.start(workspace.db, workspace.engine, workspace.assets, person, "joint")
        session.handle(Answer(f"yes{CLEAR}"))  # is that all right: typed, not picked
        session.handle(Answer(f"Quiet{BELL}"))  # what a normal week looks like
        turn = session.handle(Answer(f"fishing{CLIPBOARD}{RESET}"))  # what they enjoy now: saved as an interest
        said = " ".join([*turn.reply.messages, turn.reply.prompt.text if turn.reply.prompt else ""])
        state = records.get_session(workspace.db, session.session_id).engine_state or ""
        interests = [row[0] for row in workspace.db.execute("SELECT text FROM interest").fetchall()]
    assert not has_codes(said)
    assert "\\u001b" not in state and "\\u0007" not in state, "the saved place holds the answer without its codes"
    assert interests and not any(has_codes(text) or "]52" in text for text in interests)
