"""No crash shows personal data: one kind sentence, a private note without local variables, and a non-zero exit.

Each test makes cpi-chat fail where nothing normally fails (a patched function holding a person's words in a
local variable and in its message), the way a bug would, in the app, in plain mode and on the command line.
"""

from __future__ import annotations

import os
import pty
import re
import select
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.actions.crashes import crash_note
from cpi_chat.paths import resolve_paths
from cpi_chat.wording import CRASHED
from cpi_chat.workspace import Workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")

SECRET = "CANARY4412 afraid of the bus since the fall"
PATCH = '''
import sys
secret_words = {secret!r}
def exploding(*args, **kwargs):
    what_they_said = secret_words  # a local variable Textual's own handler would print
    raise RuntimeError("could not show " + what_they_said)
import importlib
target = importlib.import_module({module!r})
setattr(getattr(target, {owner!r}) if {owner!r} else target, {name!r}, exploding)
sys.argv = ["cpi-chat", *sys.argv[1:]]
from cpi_chat.cli import main
main()
'''


def patched(module: str, owner: str, name: str) -> list[str]:
    """A command line running cpi-chat with one function replaced by one that fails holding a person's words."""
    return [sys.executable, "-c", PATCH.format(secret=SECRET, module=module, owner=owner, name=name)]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    workspace = Workspace(resolve_paths(data_dir=folder, environ={}))
    person = records.add_person(workspace.db, "Sam Example")
    records.save_note(workspace.db, person.id, None, None, SECRET, private=True)
    workspace.close()
    return folder


def the_note(data: Path) -> str:
    notes = list(data.glob("crash-*.txt"))
    assert len(notes) == 1, notes
    assert stat.S_IMODE(notes[0].stat().st_mode) == 0o600
    return notes[0].read_text()


def check_said_kindly(said: str, data: Path) -> None:
    unwrapped = "".join(said.split())  # a terminal wraps long lines anywhere
    assert "".join(CRASHED.split()) in unwrapped and "crash-" in unwrapped, "one kind sentence, and where the note is"
    assert "CANARY4412" not in said and "Traceback" not in said and "what_they_said" not in said
    note = the_note(data)
    assert "Traceback (most recent call last):" in note and "builtins.RuntimeError" in note and "exploding" in note
    assert "CANARY4412" not in note and "afraid" not in note, "no local variable and no message in the note"


def test_a_crash_in_the_app_says_one_kind_sentence_keeps_a_private_note_and_exits_non_zero(data: Path) -> None:
    master, slave = pty.openpty()
    process = subprocess.Popen([*patched("cpi_chat.tui.screens.progress", "ProgressScreen", "show_everything"),
                                "--data-dir", str(data), "run"], stdin=slave, stdout=slave, stderr=slave,
                               env={**os.environ, "TERM": "xterm-256color"}, start_new_session=True)
    os.close(slave)
    output = b""

    def read(until: bytes | None, seconds: float = 60) -> None:
        nonlocal output
        deadline = time.monotonic() + seconds
        while (until is None or until not in output) and time.monotonic() < deadline:
            if until is None and process.poll() is not None:
                break
            if select.select([master], [], [], 0.5)[0]:
                try:
                    output += os.read(master, 65536)
                except OSError:
                    break

    try:
        read(b"Sam Example")
        os.write(master, b"g")  # how it's going: the patched screen fails
        read(None)
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    said = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]", "", output.decode(errors="replace"))
    assert code != 0
    check_said_kindly(said, data)


def test_a_crash_in_plain_mode_says_one_kind_sentence_and_keeps_a_private_note(data: Path) -> None:
    done = subprocess.run([*patched("cpi_chat.session", "Session", "handle"), "--data-dir", str(data), "run", "--plain",
                           "--person", "Sam Example"], input="1\n1\n", capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    check_said_kindly(done.stdout + done.stderr, data)


def test_a_crash_in_a_command_says_one_kind_sentence_and_keeps_a_private_note(data: Path) -> None:
    done = subprocess.run([*patched("cpi_chat.actions.goals", "", "goals_of"), "--data-dir", str(data), "goals", "list",
                           "Sam Example"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    check_said_kindly(done.stdout + done.stderr, data)


def test_the_note_names_each_error_in_a_chain_but_never_its_words() -> None:
    from datetime import UTC, datetime

    def inner() -> None:
        raise KeyError(SECRET)

    try:
        try:
            inner()
        except KeyError as first:
            raise ValueError(SECRET) from first
    except ValueError as error:
        note = crash_note(error, "Testing.", datetime(2026, 11, 25, tzinfo=UTC))
    assert note.index("builtins.KeyError") < note.index("builtins.ValueError")
    assert "in inner" in note and "CANARY4412" not in note
