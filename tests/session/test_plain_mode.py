"""Plain mode through a real subprocess: a whole scripted session, and a kill -9 in the middle that loses nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpi_chat.paths import shipped_assets_dir
from tests.plain_typing import case_study_lines
from tests.running import cli, cpi_chat_command


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    result = cli(folder, "assets", "import", str(shipped_assets_dir() / "demo_town.csv"))
    assert result.returncode == 0, result.stderr
    return folder


def goals_of(data: Path, name: str) -> list[dict]:
    result = cli(data, "goals", "list", name, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_whole_joint_session_in_plain_mode_saves_both_goals_with_their_steps(data: Path) -> None:
    script = "\n".join(["yes", *case_study_lines()]) + "\n"
    result = cli(data, "run", "--plain", "--person", "Dan Test", stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "You've done really well today" in result.stdout
    assert "Kick-Boxing" in result.stdout  # the suggestion was shown as a readable list
    goals = goals_of(data, "Dan Test")
    assert [(g["kind"], g["what"]) for g in goals] == [("commitment", "Kick-Boxing Fitness Class"), ("target", "run 5 km")]
    assert goals[0]["how_often"] == "every week" and goals[0]["asset_id"] == "kick-boxing-class"
    assert [s["owner"] for s in goals[0]["steps"]] == ["person", "worker", "person", "person"]  # two from the barrier's solutions
    assert goals[1]["by_when"] and goals[1]["steps"][0]["text"].startswith("run twice a week")


def test_the_end_of_input_saves_and_the_next_run_offers_to_carry_on(data: Path) -> None:
    lines = case_study_lines()
    first = cli(data, "run", "--plain", "--person", "Dan Test", stdin="\n".join(["yes", *lines[:20]]) + "\n")
    assert "Everything so far is saved" in first.stdout
    second = cli(data, "run", "--plain", "--person", "Dan Test", stdin="\n".join(["yes", *lines[20:]]) + "\n")
    assert "Carry on where it stopped?" in second.stdout
    assert "You've done really well today" in second.stdout
    assert len(goals_of(data, "Dan Test")) == 2


def _first_step_saved(data: Path) -> bool:
    result = cli(data, "goals", "list", "Dan Test", "--json")
    return result.returncode == 0 and any(goal["steps"] for goal in json.loads(result.stdout))


def test_kill_9_in_the_middle_loses_nothing_and_saves_no_goal_twice(data: Path) -> None:
    lines = case_study_lines()
    # Up to the commitment goal's first small step and who does it, then no more input.
    cut = lines.index("fill in the gym induction form") + 2
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        cpi_chat_command("--data-dir", str(data), "run", "--plain", "--person", "Dan Test"),
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    assert process.stdin
    process.stdin.write("\n".join(["yes", *lines[:cut]]) + "\n")
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not _first_step_saved(data) and time.monotonic() < deadline:
        time.sleep(0.2)  # waiting on another process, not on our own code
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    resumed = cli(data, "run", "--plain", "--person", "Dan Test", stdin="\n".join(["yes", *lines[cut:]]) + "\n")
    assert "Carry on where it stopped?" in resumed.stdout
    goals = goals_of(data, "Dan Test")
    assert [g["kind"] for g in goals] == ["commitment", "target"]
    assert [s["text"] for s in goals[0]["steps"]] == [
        "fill in the gym induction form", "phone the class to ask about beginners",
        "ask if the first month is free", "arrive early and meet the coach first",
    ]


def test_typing_nonsense_at_a_choice_gets_a_kind_message_and_the_same_question(data: Path) -> None:
    result = cli(data, "run", "--plain", "--person", "Ann Test", stdin="yes\n7\nbanana\n1\n")
    assert "Please type a number from 1 to 2" in result.stdout
    assert "Sorry, I didn't catch that" in result.stdout
    assert "normal week" in result.stdout


def test_a_self_check_in_ends_with_progress_in_words_and_numbers(data: Path) -> None:
    assert cli(data, "person", "add", "Ann Test").returncode == 0
    assert cli(data, "goals", "add", "Ann Test", "--commitment", "choir", "--every", "week").returncode == 0
    assert cli(data, "person", "pin", "Ann Test", stdin="blue kettle\nblue kettle\n").returncode == 0
    result = cli(data, "run", "--plain", "--person", "Ann Test", "--mode", "self", stdin="blue kettle\n1\nlovely\n2\n")
    assert "choir: did you go this week?" in result.stdout
    assert "Weeks in a row: 1. Times you went: 1." in result.stdout
    assert json.loads(cli(data, "goals", "list", "Ann Test", "--json").stdout)[0]["checkins"][0]["attended"] == "yes"


@pytest.mark.dates
def test_a_review_opens_with_what_happened_since_last_time(data: Path) -> None:
    assert cli(data, "person", "add", "Ann Test").returncode == 0
    assert cli(data, "goals", "add", "Ann Test", "--commitment", "choir", "--every", "week").returncode == 0
    assert cli(data, "checkin", "Ann Test", "1", "--attended").returncode == 0
    result = cli(data, "run", "--plain", "--person", "Ann Test", stdin="")
    monday = date.today() - timedelta(days=date.today().weekday())
    assert result.stdout.index(f"So far:\n  choir:\n    Week of {monday.day} {monday:%B}: went.") < result.stdout.index("Let's look back")


def test_how_things_are_going_shows_each_answer_beside_last_time_improvements_first(data: Path) -> None:
    assert cli(data, "person", "add", "Ann Test").returncode == 0
    first = cli(data, "run", "--plain", "--person", "Ann Test", "--flow", "how_things_are_going", stdin="1\n2\n\n3\n4\n2\n")
    assert "Feeling connected: 2 out of 5. This is the first time." in first.stdout
    again = cli(data, "run", "--plain", "--person", "Ann Test", "--flow", "how_things_are_going", stdin="1\n4\n\n3\n2\n2\n")
    ratings = again.stdout[again.stdout.index("How things are going:"):again.stdout.index("Thank you. Everything is saved.")]
    lines = ratings.strip().splitlines()
    assert "Feeling connected: 4 out of 5. Better than last time (2)." in lines[1]
    assert "Day to day: 2 out of 5. Last time it was 4." in lines[-1]


@pytest.mark.dates
def test_the_wellbeing_questions_show_last_time_while_asking_and_beside_today_at_the_end(data: Path) -> None:
    assert cli(data, "person", "add", "Ann Test").returncode == 0
    first = cli(data, "run", "--plain", "--person", "Ann Test", "--flow", "wellbeing", stdin="1\n6\n5\n7\n3\n")
    assert "Last time" not in first.stdout.split("Wellbeing (ONS")[0]
    assert "Satisfied with life nowadays: 6. This is the first time." in first.stdout
    with sqlite3.connect(data / "people.db") as conn:  # those answers were given six weeks ago
        conn.execute("UPDATE wellbeing SET date = ?", [(date.today() - timedelta(weeks=6)).isoformat()])
    again = cli(data, "run", "--plain", "--person", "Ann Test", "--flow", "wellbeing", stdin="1\n8\n\n7\n5\n")
    asked = again.stdout.split("Wellbeing (ONS")[0]
    assert "satisfied with life nowadays 6" in asked and "Overall, how happy did you feel yesterday? 0 means not at all, 10 means completely. Last time: 7." in asked
    summary = again.stdout[again.stdout.index("Wellbeing (ONS questions, 0 to 10):"):]
    assert "Satisfied with life nowadays: 8. Better than last time (6)." in summary
    assert "Anxious yesterday (lower is better): 5. Last time it was 3." in summary
    assert "Things done in life are worthwhile" not in summary  # skipped today


def test_an_unknown_flow_is_one_sentence(data: Path) -> None:
    assert cli(data, "person", "add", "Ann Test").returncode == 0
    result = cli(data, "run", "--plain", "--person", "Ann Test", "--flow", "nope", stdin="")
    assert result.returncode == 1 and "There is no flow called 'nope'" in result.stderr
    assert "Traceback" not in result.stderr
