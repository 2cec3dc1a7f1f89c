"""What the command-line tests share: a data folder, a way to run cpi-chat in it, and Dev, a fictional person."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cpi_chat.cli import cli


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CPI_CHAT_DATA_DIR", raising=False)

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=input)

    return invoke


@pytest.fixture
def dev(run) -> None:  # type: ignore[no-untyped-def]
    assert run("person", "add", "Dev Okafor", "--plain").exit_code == 0
