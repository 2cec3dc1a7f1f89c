"""The plan and progress code stays pure: no Textual or interface module is loaded and no file is touched by importing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_importing_the_plan_and_progress_loads_no_interface_and_creates_no_file(tmp_path: Path) -> None:
    code = (
        "import sys, cpi_chat.records.progress, cpi_chat.plan.plan, cpi_chat.plan.html, cpi_chat.plan.markdown, cpi_chat.plan.ics\n"
        "loaded = [m for m in ('textual', 'cpi_chat.cli', 'cpi_chat.tui', 'cpi_chat.plain', 'cpi_chat.session') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                          env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert done.stdout.strip() == ""
    assert list(tmp_path.iterdir()) == []
