"""The lesser problems the privacy attack found (issue 16, point 8), each checked as a person would meet it."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace
from tests.running import cli


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert cli(folder, "person", "add", "Sam Example").returncode == 0
    return folder


@pytest.mark.parametrize("by", ["31/12/9999", "2001-01-01"])
def test_a_target_date_the_conversation_would_refuse_is_refused_by_the_command_in_one_sentence(data: Path, by: str) -> None:
    done = cli(data, "goals", "add", "Sam Example", "--target", "run 5 km", "--measure", "distance", "--by", by)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "did not expect" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Goal" not in cli(data, "goals", "list", "Sam Example").stdout


def test_the_command_reads_a_target_date_the_way_the_conversation_does(data: Path) -> None:
    done = cli(data, "goals", "add", "Sam Example", "--target", "run 5 km", "--measure", "distance", "--by", "in 3 months")
    assert done.returncode == 0, done.stderr


def test_a_calendar_of_a_target_dated_at_the_end_of_time_is_written_without_that_date(data: Path, tmp_path: Path) -> None:
    with Workspace(resolve_paths(data_dir=data, environ={})) as workspace:  # a goal saved before the date was checked
        records.add_goal(workspace.db, 1, "target", "run 5 km", measure="distance", by_when="9999-12-31")
    done = cli(data, "goals", "export", "Sam Example", "--format", "ics", "--out", str(tmp_path / "plan.ics"))
    assert done.returncode == 0, done.stderr
    assert b"BEGIN:VCALENDAR" in (tmp_path / "plan.ics").read_bytes()


def test_line_breaks_in_a_goal_title_never_split_the_plans_heading(data: Path) -> None:
    added = cli(data, "goals", "add", "Sam Example", "--commitment", "kick-boxing\n# Not a heading\nclass", "--every", "week")
    assert added.returncode == 0, added.stderr
    page = cli(data, "goals", "export", "Sam Example", "--format", "md").stdout
    assert "\n# Not a heading" not in page and "kick-boxing # Not a heading class" in page.replace("\\#", "#")


def test_a_name_typed_with_a_combining_accent_is_found_alone_as_the_cli_finds_it(tmp_path: Path) -> None:
    with Workspace(resolve_paths(data_dir=tmp_path / "data", environ={})) as workspace:
        workspace.db.execute("INSERT INTO person (name, created) VALUES (?, ?)", ["Ame\u0301lie Test", "2026-01-01T00:00:00+00:00"])
        workspace.db.conn.commit()  # as an older cpi-chat kept it: the accent as a letter and a combining mark
        assert records.find_person_alone(workspace.db, "Amélie Test").name == "Ame\u0301lie Test"


def test_a_damaged_directory_file_says_what_to_do_and_the_session_goes_on(data: Path) -> None:
    (data / "assets.db").write_bytes(os.urandom(4096))
    done = cli(data, "run", "--plain", "--person", "Sam Example", stdin="yes\nquit\n")
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "assets import" in said


def test_the_encryption_warning_is_said_once(tmp_path: Path) -> None:
    for command in (["person", "add", "Sam Example"], ["run", "--plain"]):
        folder = tmp_path / "-".join(command)
        done = cli(folder, *command, stdin="quit\n", env={"CPI_CHAT_PASSPHRASE": "a long passphrase"})
        assert (done.stdout + done.stderr).count("will be encrypted") == 1


def test_a_target_date_still_to_come_is_kept(data: Path) -> None:
    by = (date.today() + timedelta(days=30)).strftime("%d/%m/%Y")
    assert cli(data, "goals", "add", "Sam Example", "--target", "run 5 km", "--measure", "distance", "--by", by).returncode == 0
