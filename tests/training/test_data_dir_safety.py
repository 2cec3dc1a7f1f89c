"""Training never opens the real data folder, and its throwaway folder is gone afterwards."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpi_chat.cli import cli
from cpi_chat.cli.training import training

RUNS = [
    (["play", "dan", "--speed", "0"], ""),
    (["play", "callum", "--step"], "\n\ntake\nfootball\nquit\n"),
    (["map", "--areas", "Riverside"], "Parkrun; sport; Riverside\ndone\n"),
    (["barriers"], "no bus on Sundays\nperson\none\nask a neighbour\nyes\n"),
]


@pytest.mark.parametrize(("args", "given"), RUNS, ids=[r[0][0] + "-" + r[0][-1] for r in RUNS])
def test_training_commands_leave_the_real_data_folder_untouched_and_remove_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], given: str,
) -> None:
    real = tmp_path / "real-data"
    real.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("CPI_CHAT_DATA_DIR", str(real))
    monkeypatch.setenv("CPI_CHAT_ASSETS_DB", str(real / "assets.db"))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    group, full = (cli, ["training", *args]) if "training" in cli.commands else (training, args)
    result = CliRunner().invoke(group, full, input=given)
    assert result.exit_code == 0, result.output
    assert list(real.iterdir()) == []
    assert list(scratch.iterdir()) == [], "the throwaway training folder is removed afterwards"
