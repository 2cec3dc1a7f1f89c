"""'I went' counts once a week in the conversation too: a self check-in in plain mode refuses a second one kindly."""

from __future__ import annotations

import pytest

from cpi_chat.actions import checkins, goals, people, settings
from cpi_chat.actions.checkins import WENT_ALREADY
from cpi_chat.plain import PlainConversation, PlainIO, open_session
from cpi_chat.workspace import Workspace

pytestmark = pytest.mark.dates  # 'this week' is the week the test runs in


def scripted(*typed: str) -> tuple[PlainIO, list[str]]:
    """A PlainIO that types these lines in turn (then ends input) and keeps everything written."""
    lines = iter(typed)
    shown: list[str] = []
    return PlainIO(read=lambda _prompt: next(lines, None), write=shown.append), shown


def self_check_in(workspace: Workspace, *typed: str) -> list[str]:
    settings.change_setting(workspace, "self-check-in-pin", "off")  # a team whose people each have a computer
    io, shown = scripted(*typed)
    opened = open_session(workspace, io, "Ann Test", "self")
    assert opened is not None
    session, first = opened
    assert PlainConversation(session, io).run(first) == "finished"
    return shown


def went_marks(workspace: Workspace, goal_id: int) -> list[str]:
    return [c.attended or "" for c in goals.goal(workspace, goal_id).checkins]


def test_a_second_yes_i_went_in_the_same_week_is_refused_kindly_and_saves_nothing(workspace: Workspace) -> None:
    ann = people.add_person(workspace, "Ann Test")
    walking = goals.add_commitment_goal(workspace, ann.id, "Walking group", "every week")
    checkins.mark_went(workspace, ann.id, walking.id, by="worker")  # W in the app, or --attended, earlier this week

    shown = self_check_in(workspace, "1", "lovely walk", "2")  # 1: "Yes, I went"; then how it felt; 2: no new small step

    assert WENT_ALREADY.format(period="week") in shown
    assert went_marks(workspace, walking.id) == ["yes"]
    assert shown[-1] == "Thank you. Everything is saved.", "the check-in still ends as usual"


def test_the_first_yes_i_went_of_the_week_is_saved_with_no_refusal(workspace: Workspace) -> None:
    ann = people.add_person(workspace, "Ann Test")
    walking = goals.add_commitment_goal(workspace, ann.id, "Walking group", "every week")

    shown = self_check_in(workspace, "1", "lovely walk", "2")

    assert not any("already marked" in line for line in shown)
    assert went_marks(workspace, walking.id) == ["yes"]
    assert goals.goal(workspace, walking.id).checkins[0].feeling == "lovely walk"
