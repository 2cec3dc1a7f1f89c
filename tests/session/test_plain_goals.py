"""Plain mode's goals, outside a review: tick, add or reword a step, mark a goal done, on hold, stopped or started again.

Each goes through the same action as the app's How it's going keys, so its refusals are the same sentences.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner

from cpi_chat.actions import goals, people, steps
from cpi_chat.cli import cli
from cpi_chat.plain import (
    PlainConversation,
    PlainIO,
    open_goals,
    open_session,
    words_at_any_question,
)
from cpi_chat.records.model import CommunicationNeeds
from cpi_chat.workspace import Workspace

TODAY = datetime(2027, 3, 17, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


def scripted(*typed: str) -> tuple[PlainIO, list[str]]:
    lines = iter(typed)
    shown: list[str] = []
    return PlainIO(read=lambda _prompt: next(lines, None), write=shown.append), shown


def walking(workspace: Workspace, easy_read: bool = False) -> int:
    ann = people.add_person(workspace, "Ann Test", CommunicationNeeds(easy_read=easy_read))
    goal = goals.add_commitment_goal(workspace, ann.id, "Walking group", "every week")
    steps.add_step(workspace, ann.id, goal.id, "phone the group")
    return ann.id


def test_a_step_is_ticked_another_added_and_the_goal_put_on_hold_until_a_date(workspace: Workspace) -> None:
    ann = walking(workspace)
    io, shown = scripted("1", "2", "1", "2", "buy walking boots", "1", "6", "on holiday", "in 3 weeks", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "  1. Walking group (every week). Next small step: phone the group." in shown
    assert "  2. Tick the next small step: phone the group" in shown
    assert "Ticked: phone the group. Well done!" in shown
    assert "Added the small step: buy walking boots." in shown
    assert "'Walking group' is on hold. Weeks on hold are never counted as missed." in shown
    assert "  1. Walking group (every week): on hold until 7 April 2027." in shown
    (goal,) = goals.goals_of(workspace, ann)
    assert [(s.text, s.done) for s in goal.steps] == [("phone the group", True), ("buy walking boots", False)]
    assert (goal.status, goal.pause_reason, goal.paused_until) == ("paused", "on holiday", "2027-04-07")


def test_a_goal_is_marked_done_then_started_again_and_a_week_already_marked_is_said_not_offered_again(workspace: Workspace) -> None:
    ann = walking(workspace)
    io, shown = scripted("1", "1", "1", "4", "1", "1", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "Saved: you went this week. Well done!" in shown
    assert "This week: you went. It is marked already." in shown
    assert shown.count("  1. I went this week") == 1, "offered until this week is marked, then not"
    assert "  1. Tick the next small step: phone the group" in shown
    assert "Well done! 'Walking group' is in 'What I've done' now, kept for good." in shown
    assert "  1. Walking group: done." in shown
    assert "'Walking group' is being worked on again." in shown
    assert goals.goals_of(workspace, ann)[0].status == "active"


def test_a_goal_is_stopped_with_why_and_easy_read_words_for_a_person_who_needs_them(workspace: Workspace) -> None:
    ann = walking(workspace, easy_read=True)
    io, shown = scripted("1", "7", "too far", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "Walking group. What do you want to do?" in shown
    assert "  5. I did it" in shown and "  6. Stop for a while" in shown and "  7. Stop. It is not for me" in shown
    assert "Walking group has stopped. That is OK. You can start it again later." in shown
    (goal,) = goals.goals_of(workspace, ann)
    assert (goal.status, goal.stop_reason) == ("dropped", "too far")


def test_goals_typed_at_any_question_opens_them_and_then_asks_the_question_again(workspace: Workspace) -> None:
    ann = walking(workspace)
    io, shown = scripted("goals", "1", "2", "", "quit")
    opened = open_session(workspace, io, "Ann Test", "joint")
    assert opened is not None
    question = opened[1].reply.prompt.text
    PlainConversation(opened[0], io, words_at_any_question(workspace, io, ann, "joint")).run(opened[1])
    assert "Ticked: phone the group. Well done!" in shown
    after = shown[shown.index("Ticked: phone the group. Well done!"):]
    assert question in after, "the question waiting is asked again"


def test_goals_from_the_command_line_need_plain_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = str(tmp_path / "data")
    runner = CliRunner()
    assert runner.invoke(cli, ["--data-dir", data, "person", "add", "Ann Test"]).exit_code == 0
    refused = runner.invoke(cli, ["--data-dir", data, "run", "--goals", "--person", "Ann Test"])
    assert refused.exit_code == 2 and "--goals is for plain mode" in refused.output
    listed = runner.invoke(cli, ["--data-dir", data, "run", "--plain", "--goals", "--person", "Ann Test"], input="\n")
    assert listed.exit_code == 0 and "No goals yet. You can set one together at your next session." in listed.output


def test_back_at_why_leaves_the_goal_as_it_is_and_outside_a_session_enter_finishes(workspace: Workspace) -> None:
    ann = walking(workspace)
    io, shown = scripted("1", "7", "back", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "Nothing changed." in shown
    assert "Type a goal's number to choose it, or press Enter to finish." in shown
    assert shown[-1] == "Thank you. Everything is saved."
    assert goals.goals_of(workspace, ann)[0].status == "active"


def test_the_words_to_type_name_goals_so_a_person_alone_can_find_them(workspace: Workspace) -> None:
    ann = walking(workspace)
    io, shown = scripted("quit")
    opened = open_session(workspace, io, "Ann Test", "joint")
    assert opened is not None
    PlainConversation(opened[0], io, words_at_any_question(workspace, io, ann, "joint")).run(opened[1])
    assert any("back, skip, help, stop, quit, goals or reminders" in line for line in shown)


def test_progress_toward_a_target_is_asked_again_until_it_has_a_number_then_kept(workspace: Workspace) -> None:
    from cpi_chat.amounts import NO_NUMBER

    ann = people.add_person(workspace, "Ann Test")
    running = goals.add_target_goal(workspace, ann.id, "Run 5 km", "5 km without stopping", "in 3 months")
    io, shown = scripted("1", "1", "quite far", "3 km in 25 minutes", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "  1. Say how far I have got" in shown
    assert NO_NUMBER in shown, "the same sentence as the app's L key and `cpi-chat checkin --value`"
    assert "Saved: 3 km in 25 minutes. It is on your chart." in shown
    assert [c.value for c in goals.goal(workspace, running.id).checkins] == ["3 km in 25 minutes"]


def test_a_twice_a_week_goal_still_offers_went_on_another_day_of_a_week_marked_once(workspace: Workspace) -> None:
    ann = people.add_person(workspace, "Ann Test", CommunicationNeeds())
    goals.add_commitment_goal(workspace, ann.id, "Swimming", "twice a week")
    io, shown = scripted("1", "1", "")
    open_goals(workspace, io, "Ann Test", "joint")
    assert "Saved: you went this week. Well done!" in shown
    with time_machine.travel(datetime(2027, 3, 18, 10, 0, tzinfo=UTC), tick=False):  # the next day, the same week
        io, shown = scripted("1", "1", "1", "")
        open_goals(workspace, io, "Ann Test", "joint")
    assert shown.count("  1. I went this week") == 1 and "This week: you went. It is marked already." in shown
