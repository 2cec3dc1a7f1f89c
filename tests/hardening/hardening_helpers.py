"""Helpers the hardening tests share: a canary name and running cpi-chat as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A fictional name no real text contains: if it turns up anywhere it was leaked.
CANARY = "Zephyrine Quillfeather-Obbledorf"


def cli(data: Path, *args: str, stdin: str = "", timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cpi-chat --data-dir DATA ARGS...` in a subprocess, as a user would."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cpi_chat", "--data-dir", str(data), *args],
        check=False, input=stdin, capture_output=True, text=True, timeout=timeout, env=full_env,
    )
