"""`cpi-chat report`: the files it writes, the words it says and its exit codes, run as a person would."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.caseload import generate_caseload


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    generate_caseload(tmp_path / "data" / "people.db", 12)
    return tmp_path / "data"


def cpi(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CPI_CHAT_")}
    return subprocess.run([sys.executable, "-m", "cpi_chat", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, check=False)


def test_a_report_is_written_owner_only_and_says_where(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = cpi(data_dir, "report", "--from", "01/04/2026", "--to", "2027-03-31", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Wrote the outcomes report to {out}."
    assert out.stat().st_mode & 0o777 == 0o600
    assert "fewer than 5" in out.read_text(encoding="utf-8")
    again = cpi(data_dir, "report", "--from", "2026-04-01", "--to", "2027-03-31", "--out", str(out), "--csv")
    assert again.returncode == 0, "a report written before may be replaced"
    assert out.read_text(encoding="utf-8").startswith("section,figure,value")


def test_the_team_report_is_merged_from_aggregates(data_dir: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        done = cpi(data_dir, "report", "--from", "2026-04-01", "--to", "2027-03-31", "--aggregate", "--out", str(tmp_path / f"{name}.json"))
        assert done.returncode == 0, done.stderr
        assert "share it only with your team lead" in done.stdout
    done = cpi(data_dir, "report", "--merge", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--out", str(tmp_path / "team.html"))
    assert done.returncode == 0, done.stderr
    assert "from 2 aggregates" in done.stdout
    assert "2 workers' records, added together" in html.unescape((tmp_path / "team.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("args", "words"), [
    (["--from", "2027-03-31", "--to", "2026-04-01"], "ends (2026-04-01) before it starts"),
    (["--from", "the spring", "--to", "2027-03-31"], "couldn't read that as a date"),
    (["--to", "2027-03-31"], "Say which period to report on"),
    (["--merge", "--from", "2026-04-01"], "--merge takes the period from the aggregates"),
    (["--from", "2026-04-01", "--to", "2027-03-31", "stray.json"], "read only with --merge"),
])
def test_a_mistake_is_one_sentence_and_exit_code_1(data_dir: Path, tmp_path: Path, args: list[str], words: str) -> None:
    done = cpi(data_dir, "report", *args, "--out", str(tmp_path / "report.html"))
    assert done.returncode == 1
    assert words in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "report.html").exists()


def test_a_file_cpi_chat_did_not_write_is_never_replaced(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.html"
    out.write_text("<p>Team minutes</p>", encoding="utf-8")
    done = cpi(data_dir, "report", "--from", "2026-04-01", "--to", "2027-03-31", "--out", str(out))
    assert done.returncode == 1 and "was not written by cpi-chat" in done.stderr
    assert out.read_text(encoding="utf-8") == "<p>Team minutes</p>"
