"""Running `cpi-chat` in a subprocess as a user would, on the tests' clock.

When a test has moved the clock (time-machine, or `pytest --today`), the child process starts on
the same moment, so what it prints about dates agrees with what the test expects.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from time_machine import escape_hatch

# Starts the command on the parent's clock: argv[1] is the moment, the rest is the command line.
_ON_THE_TESTS_CLOCK = (
    "import sys, time_machine; "
    "time_machine.travel(sys.argv.pop(1), tick=True).start(); "
    "sys.argv[0] = 'cpi-chat'; "
    "from cpi_chat.cli import main; main()"
)


def cpi_chat_command(*args: str) -> list[str]:
    """The command line that runs cpi-chat with these arguments, on the tests' clock."""
    if escape_hatch.is_travelling():
        return [sys.executable, "-c", _ON_THE_TESTS_CLOCK, datetime.now().astimezone().isoformat(), *args]
    return [sys.executable, "-m", "cpi_chat", *args]


def cli(data: Path | None, *args: str, stdin: str = "", timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cpi-chat [--data-dir DATA] ARGS...` to the end and keep what it printed."""
    folder = ["--data-dir", str(data)] if data is not None else []
    return subprocess.run(
        cpi_chat_command(*folder, *args), check=False, input=stdin, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )
