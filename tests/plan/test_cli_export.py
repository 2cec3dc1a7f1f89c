"""`cpi-chat goals export`: the plan on standard output or in a file, the words people see and the exit codes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

import cpi_chat.cli.plan  # noqa: F401  (adds `export` to the `goals` group)
from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.model import Asset
from cpi_chat.cli import cli
from tests.plan.easy_read_check import easy_read_problems

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CPI_CHAT_DATA_DIR", raising=False)
    monkeypatch.delenv("CPI_CHAT_ASSETS_DB", raising=False)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--data-dir", str(data_dir), "--assets-db", str(tmp_path / "assets.db"), *args])

    return invoke


@pytest.fixture
def priya(data_dir: Path, tmp_path: Path) -> None:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    directory.upsert(Asset(id="reading-1", name="Library Reading Circle", domain="education", address="Market Place",
                           schedule="First Thursday of the month 14:00-15:30", contact="01632 960111"))
    directory.close()
    db = records.open_people_db(data_dir / "people.db")
    person = records.add_person(db, "Priya Shah", records.CommunicationNeeds(large_print=True))
    records.add_goal(db, person.id, "commitment", "Reading group", how_often="once a month", asset_id="reading-1")
    records.save_note(db, person.id, None, None, "PRIVATE-CANARY worried about money", private=True)
    db.close()


def test_the_html_plan_goes_to_standard_output_and_passes_the_easy_read_check(run, priya) -> None:
    result = run("goals", "export", "Priya Shah")
    assert result.exit_code == 0
    assert "The first Thursday of the month, 2pm to 3:30pm" in result.output
    assert easy_read_problems(result.output, min_points=20) == []
    assert "PRIVATE-CANARY" not in result.output


def test_the_markdown_and_calendar_formats_can_be_written_to_a_file(run, priya, tmp_path: Path) -> None:
    out = tmp_path / "out" / "plan.ics"
    result = run("goals", "export", "priya shah", "--format", "ics", "--out", str(out))
    assert result.exit_code == 0 and "Wrote the plan for Priya Shah" in result.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    event = Calendar.from_ical(out.read_text()).walk("VEVENT")[0]
    assert event["RRULE"]["BYDAY"] == ["1TH"]
    assert run("goals", "export", "Priya Shah", "--format", "md").output.startswith("# My plan")


def test_an_unknown_person_is_one_sentence_and_exit_1(run, priya) -> None:
    result = run("goals", "export", "Nobody Atall")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "No one is called 'Nobody Atall'" in result.output


def test_a_person_with_no_goals_gets_a_friendly_page_not_an_error(run) -> None:
    assert run("person", "add", "Ana Lopes").exit_code == 0
    result = run("goals", "export", "Ana Lopes", "--format", "md")
    assert result.exit_code == 0 and "I do not have any goals yet." in result.output


def test_without_an_asset_directory_the_plan_is_made_and_no_directory_is_created(run, tmp_path: Path) -> None:
    assert run("person", "add", "Ana Lopes").exit_code == 0
    assert run("goals", "export", "Ana Lopes").exit_code == 0
    assert not (tmp_path / "assets.db").exists()


def test_an_unwritable_file_is_one_sentence_and_exit_1(run, priya, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("goals", "export", "Priya Shah", "--out", str(blocker / "plan.html"))
    assert result.exit_code == 1 and "could not be written" in result.output and "Traceback" not in result.output


def test_the_command_run_as_a_program_says_one_sentence_for_a_bad_format(tmp_path: Path) -> None:
    code = "import cpi_chat.cli.plan; from cpi_chat.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code, "--data-dir", str(tmp_path), "goals", "export", "X", "--format", "pdf"],
                          check=False, capture_output=True, text=True, env={**os.environ, "CPI_CHAT_DATA_DIR": ""})
    assert done.returncode == 2 and "'pdf' is not one of 'html', 'md', 'ics'" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["html", "md", "ics"])
def test_writing_the_plan_again_replaces_the_file_written_before(run, priya, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"plan.{fmt}"
    assert run("goals", "export", "Priya Shah", "--format", fmt, "--out", str(out)).exit_code == 0
    out.write_bytes(out.read_bytes() + b"an old line")
    assert run("goals", "export", "Priya Shah", "--format", fmt, "--out", str(out)).exit_code == 0
    assert b"an old line" not in out.read_bytes()


def test_a_file_the_plan_did_not_write_is_never_overwritten(run, priya, tmp_path: Path) -> None:
    theirs = tmp_path / "my-notes.html"
    theirs.write_text("<p>my own notes</p>")
    result = run("goals", "export", "Priya Shah", "--out", str(theirs))
    assert result.exit_code == 1 and "was not written by cpi-chat, so it was left as it is" in result.output
    assert theirs.read_text() == "<p>my own notes</p>"


def test_the_plan_is_never_written_through_a_link(run, priya, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.html"
    target.write_text("keep")
    (tmp_path / "plan.html").symlink_to(target)
    result = run("goals", "export", "Priya Shah", "--out", str(tmp_path / "plan.html"))
    assert result.exit_code == 1 and "is a link to another file" in result.output and target.read_text() == "keep"
