"""Closing the terminal (SIGHUP) or `kill` (SIGTERM) ends cpi-chat as Ctrl+Q does: no demo or training folder is left behind."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")

WAIT = 60.0  # seconds: generous, for a busy machine; the loops below end as soon as the thing waited for happens


class Terminal:
    """cpi-chat running in a pseudo-terminal of 100x30, with throwaway folders made under `tmp`."""

    def __init__(self, tmp: Path, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TMPDIR": str(tmp), "TERM": "xterm-256color", "CPI_CHAT_DATA_DIR": str(tmp / "real")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cpi_chat", *args], stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.closed = False

    def read_until(self, words: bytes) -> None:
        """Collect output until `words` appear (fails after WAIT seconds)."""
        deadline = time.monotonic() + WAIT
        while words not in self.output:
            assert self.process.poll() is None, f"cpi-chat ended early: {self.output[-800:]!r}"
            assert time.monotonic() < deadline, f"never showed {words!r}: {self.output[-800:]!r}"
            self._read(1.0)

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\r")

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does, and send the hang-up signal the terminal sends."""
        os.close(self.master)
        self.closed = True
        self.process.send_signal(signal.SIGHUP)

    def ended(self) -> int:
        """Wait for cpi-chat to end (reading its output meanwhile) and return its exit code."""
        deadline = time.monotonic() + WAIT
        while self.process.poll() is None:
            assert time.monotonic() < deadline, f"cpi-chat did not end: {self.output[-800:]!r}"
            if self.closed:
                try:
                    return self.process.wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    continue
            self._read(0.5)
        return self.process.wait()

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:  # the program has closed its side
                pass

    def finish(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self.closed:
            os.close(self.master)


def throwaway_folders(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.glob("cpi-chat-demo-*"))


@pytest.fixture
def terminals(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened: list[Terminal] = []

    def open_terminal(*args: str) -> Terminal:
        terminal = Terminal(tmp_path, *args)
        opened.append(terminal)
        return terminal

    yield open_terminal
    for terminal in opened:
        terminal.finish()


def test_sigterm_ends_the_demo_app_and_removes_its_folder(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("demo")
    terminal.read_until(b"Mercer")
    assert len(throwaway_folders(tmp_path)) == 1
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.ended() == 0
    assert throwaway_folders(tmp_path) == []
    assert b"The demo has ended" in terminal.output
    assert b"Traceback" not in terminal.output


def test_closing_the_terminal_ends_the_demo_app_and_removes_its_folder(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("demo")
    terminal.read_until(b"Mercer")
    terminal.hang_up()
    terminal.ended()
    assert throwaway_folders(tmp_path) == []


def test_sigterm_ends_the_plain_demo_while_it_waits_for_an_answer_and_removes_its_folder(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("demo", "--plain")
    terminal.read_until(b"Mercer")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.ended() == 128 + signal.SIGTERM
    assert throwaway_folders(tmp_path) == []
    assert b"Traceback" not in terminal.output


def test_closing_the_terminal_during_a_played_training_session_removes_the_training_folder(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("training", "play", "joyce", "--app", "--step")
    terminal.read_until(b"Tip for the worker")
    assert len(throwaway_folders(tmp_path)) == 1
    terminal.hang_up()
    terminal.ended()
    assert throwaway_folders(tmp_path) == []


def test_sigterm_during_the_mapping_exercise_removes_the_training_folder(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("training", "map", "--app", "--areas", "Riverside")
    terminal.read_until(b"Riverside")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.ended() == 0
    assert throwaway_folders(tmp_path) == []


def test_sigterm_in_a_real_plain_session_loses_no_answer_already_given(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    added = subprocess.run([sys.executable, "-m", "cpi_chat", "--data-dir", str(tmp_path / "real"), "person", "add", "Sam Tester"],
                           capture_output=True, text=True, check=False)
    assert added.returncode == 0, added.stderr
    terminal = terminals("run", "--plain", "--person", "Sam Tester")
    terminal.read_until(b"all right with you")
    terminal.type("1")
    terminal.read_until(b"normal week")
    terminal.type("I walk the dog every morning")
    terminal.read_until(b"enjoy doing now")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.ended() == 128 + signal.SIGTERM
    assert b"Traceback" not in terminal.output

    from cpi_chat import records
    from cpi_chat.paths import resolve_paths
    from cpi_chat.workspace import Workspace

    workspace = Workspace(resolve_paths(data_dir=tmp_path / "real", environ={}))
    try:
        person = records.find_person(workspace.db, "Sam Tester")
        unfinished = records.unfinished_session(workspace.db, person.id)
        assert unfinished is not None, "the session can be carried on"
        assert "I walk the dog every morning" in (unfinished.engine_state or "")
    finally:
        workspace.close()


def test_leaving_the_demo_alone_with_escape_says_its_people_are_deleted_not_run_again(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = terminals("demo", "--mode", "self", "--person", "Callum Reid")
    terminal.read_until(b"Callum")
    terminal.read_until(b"Esc")
    os.write(terminal.master, b"\x1b")
    assert terminal.ended() == 0
    assert b"The demo has ended" in terminal.output
    assert b"cpi-chat again" not in terminal.output
    assert throwaway_folders(tmp_path) == []


def test_quitting_the_plain_demo_says_there_is_nothing_to_carry_on_and_removes_its_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    import tempfile

    from click.testing import CliRunner

    from cpi_chat.cli import cli

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = CliRunner().invoke(cli, ["demo", "--plain"], input="Callum Reid\nquit\n")
    assert result.exit_code == 0, result.output
    assert "nothing to carry on later" in result.output
    assert "cpi-chat again" not in result.output
    assert throwaway_folders(tmp_path) == []


def test_sigterm_ends_the_real_app_through_its_normal_exit(terminals, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    added = subprocess.run([sys.executable, "-m", "cpi_chat", "--data-dir", str(tmp_path / "real"), "person", "add", "Sam Tester"],
                           capture_output=True, text=True, check=False)
    assert added.returncode == 0, added.stderr
    terminal = terminals("run")
    terminal.read_until(b"Tester")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.ended() == 0
    assert b"Traceback" not in terminal.output
    assert (tmp_path / "real" / "people.db").exists()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux lists a process's threads in /proc")
def test_loading_the_directory_search_starts_no_thread_a_signal_could_be_lost_to() -> None:
    # A SIGTERM handed to another thread (numpy's OpenBLAS workers) left a PIN prompt's blocking read waiting.
    script = "import os, cpi_chat.assets.index; print(len(os.listdir('/proc/self/task')))"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    threads = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout
    assert threads.strip() == "1"
