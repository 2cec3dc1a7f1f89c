"""The dialogue engine stays pure: importing it loads no interface library or database and touches no file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_importing_the_dialogue_package_loads_no_interface_or_database_and_creates_no_file(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import cpi_chat.dialogue.engine, cpi_chat.dialogue.loader, cpi_chat.dialogue.checks\n"
        "import cpi_chat.dialogue.transcripts, cpi_chat.dialogue.graph\n"
        "banned = ('textual', 'click', 'sqlite3', 'sqlite_utils', 'cpi_chat.cli', 'cpi_chat.tui', 'cpi_chat.records')\n"
        "print(','.join(m for m in banned if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                          env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert done.stdout.strip() == ""
    assert list(tmp_path.iterdir()) == []
