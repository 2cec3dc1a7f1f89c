"""`cpi-chat goals done|pause|stop|reopen|levels|score|scores` and `cpi-chat step`: the journey between sessions, scripted."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from cpi_chat.words import typed_date

pytestmark = pytest.mark.dates  # pauses must end on a day still to come


@pytest.fixture
def two_goals(run, dev) -> None:  # type: ignore[no-untyped-def]
    assert run("goals", "add", "Dev Okafor", "--commitment", "Kick-boxing class", "--every", "week").exit_code == 0
    by = typed_date(date.today() + timedelta(days=90))
    assert run("goals", "add", "Dev Okafor", "--target", "Run 5 km", "--measure", "5 km", "--by", by).exit_code == 0


def goals_json(run) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    return json.loads(run("goals", "list", "Dev Okafor", "--json").output)  # type: ignore[no-any-return]


def test_a_step_is_added_ticked_changed_and_untticked_by_its_id(run, two_goals) -> None:
    added = run("step", "add", "Dev Okafor", "1", "Fill in the gym form")
    assert added.exit_code == 0 and added.output == "Added step 1 to goal 1: Fill in the gym form.\n"
    assert "[ ] step 1: Fill in the gym form (person)" in run("goals", "list", "Dev Okafor").output

    ticked = run("step", "tick", "Dev Okafor", "1")
    assert ticked.exit_code == 0 and "Ticked: 'Fill in the gym form'. Well done!" in ticked.output
    assert f"[x] step 1: Fill in the gym form (person, done {date.today().isoformat()})" in run("goals", "list", "Dev Okafor").output
    again = run("step", "tick", "Dev Okafor", "1")
    assert again.exit_code == 1 and "already ticked" in again.output

    assert run("step", "change", "Dev Okafor", "1", "Fill in the gym form online").exit_code == 0
    assert run("step", "tick", "Dev Okafor", "1", "--undo").exit_code == 0
    step = goals_json(run)[0]["steps"][0]
    assert (step["text"], step["done"]) == ("Fill in the gym form online", False)


def test_a_step_for_someone_else_needs_their_name(run, two_goals) -> None:
    nameless = run("step", "add", "Dev Okafor", "1", "Drive me there", "--owner", "someone-else")
    assert nameless.exit_code == 1 and "Who is the someone else?" in nameless.output
    named = run("step", "add", "Dev Okafor", "1", "Drive me there", "--owner", "someone-else", "--name", "Sam")
    assert named.exit_code == 0
    assert "step 1: Drive me there (Sam)" in run("goals", "list", "Dev Okafor").output


def test_a_goal_is_done_kept_and_reopened_and_a_done_goal_keeps_its_steps(run, two_goals) -> None:
    assert run("step", "add", "Dev Okafor", "2", "Run 2 km").exit_code == 0
    done = run("goals", "done", "Dev Okafor", "2")
    assert done.exit_code == 0 and "kept in 'What I've done'" in done.output
    assert "[done]" in run("goals", "list", "Dev Okafor").output
    assert "What I've done" in run("goals", "export", "Dev Okafor", "--format", "md").output

    twice = run("goals", "done", "Dev Okafor", "2")
    assert twice.exit_code == 1 and "already done" in twice.output
    refused = run("step", "tick", "Dev Okafor", "1")
    assert refused.exit_code == 1 and "Reopen it first" in refused.output
    assert run("goals", "reopen", "Dev Okafor", "2").exit_code == 0
    assert [g["status"] for g in goals_json(run)] == ["active", "active"]


def test_a_pause_says_why_and_until_when_and_a_stop_says_why(run, two_goals) -> None:
    until = date.today() + timedelta(days=21)
    paused = run("goals", "pause", "Dev Okafor", "1", "--why", "on holiday", "--until", typed_date(until))
    assert paused.exit_code == 0 and f"on hold until {until.isoformat()}" in paused.output
    assert f"[on hold: on holiday, until {until.isoformat()}]" in run("goals", "list", "Dev Okafor").output
    past = run("goals", "pause", "Dev Okafor", "2", "--until", typed_date(date.today() - timedelta(days=1)))
    assert past.exit_code == 1 and "has passed" in past.output

    stopped = run("goals", "stop", "Dev Okafor", "2", "--why", "my knee hurts")
    assert stopped.exit_code == 0 and "[stopped: my knee hurts]" in run("goals", "list", "Dev Okafor").output
    assert goals_json(run)[1]["stop_reason"] == "my knee hurts"


def test_someone_elses_goal_or_step_is_refused_in_one_sentence(run, two_goals) -> None:
    assert run("person", "add", "Ana Reyes").exit_code == 0
    assert run("step", "add", "Dev Okafor", "1", "Pack my kit").exit_code == 0
    for args in (("goals", "done", "Ana Reyes", "1"), ("step", "tick", "Ana Reyes", "1"), ("goals", "levels", "Ana Reyes", "1")):
        refused = run(*args)
        assert refused.exit_code == 1 and "not one of Ana Reyes's" in refused.output and "Traceback" not in refused.output


def test_levels_are_shown_agreed_and_scored_into_a_t_score(run, two_goals) -> None:
    shown = run("goals", "levels", "Dev Okafor", "1")
    assert shown.exit_code == 0
    assert " -2  Much less than expected: Not going at all  (where it started)" in shown.output
    agreed = run("goals", "levels", "Dev Okafor", "2", "--expected", "Run 5 km without stopping", "--starts-at", "-2")
    assert "  0  As expected: Run 5 km without stopping" in agreed.output
    assert "(where it started)" in agreed.output.splitlines()[0]

    scored = run("goals", "score", "Dev Okafor", "--goal", "1=+1", "--goal", "2=0")
    # By hand: T = 50 + 10 * (1 + 0) / sqrt(0.7 * 2 + 0.3 * 4) = 50 + 10 / sqrt(2.6) = 56.2
    assert scored.exit_code == 0 and "Scored 2 goals for Dev Okafor: T-score 56 (50 is as expected)." in scored.output
    over_time = run("goals", "scores", "Dev Okafor").output
    assert ": 56 (Kick-boxing class +1, Run 5 km 0)." in over_time


def test_a_score_must_be_a_level_on_the_scale(run, two_goals) -> None:
    for bad in ("1=3", "one=+1", "1"):
        result = run("goals", "score", "Dev Okafor", "--goal", bad)
        assert result.exit_code == 2 and "Traceback" not in result.output
    assert "No goals of Dev Okafor's have been scored" in run("goals", "scores", "Dev Okafor").output
