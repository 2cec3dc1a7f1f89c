"""Progress toward a target follows one rule everywhere: it needs a number to chart, in a talk as on the L key or CLI."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cpi_chat.actions import goals, people, settings
from cpi_chat.amounts import NO_NUMBER, TOO_LONG, progress_problem
from cpi_chat.plain import PlainConversation, PlainIO, open_session
from cpi_chat.words import typed_date
from cpi_chat.workspace import Workspace


def self_check_in(workspace: Workspace, *typed: str) -> list[str]:
    """A whole plain self check-in for Ann, typing these lines in turn; everything written is returned."""
    settings.change_setting(workspace, "self-check-in-pin", "off")
    lines = iter(typed)
    shown: list[str] = []
    io = PlainIO(read=lambda _prompt: next(lines, None), write=shown.append)
    opened = open_session(workspace, io, "Ann Test", "self")
    assert opened is not None
    session, first = opened
    assert PlainConversation(session, io).run(first) == "finished"
    return shown


def add_running_target(workspace: Workspace) -> int:
    ann = people.add_person(workspace, "Ann Test")
    in_three_months = typed_date(date.today() + timedelta(days=90))
    return goals.add_target_goal(workspace, ann.id, "Run 5 km", "5 km", in_three_months).id


def test_words_with_no_number_are_asked_again_kindly_and_a_number_is_kept(workspace: Workspace) -> None:
    running = add_running_target(workspace)

    shown = self_check_in(workspace, "quite far really", "2 km in 20 minutes", "skip", "skip", "skip", "skip")

    assert NO_NUMBER in shown, "the same sentence as the L key and `cpi-chat checkin --value`"
    assert [c.value for c in goals.goal(workspace, running).checkins] == ["2 km in 20 minutes"]


def test_progress_can_still_be_skipped(workspace: Workspace) -> None:
    running = add_running_target(workspace)

    self_check_in(workspace, "skip", "skip", "skip", "skip", "skip")

    assert goals.goal(workspace, running).checkins == ()


@pytest.mark.parametrize(("typed", "problem"), [
    ("3 km in 25 minutes", ""), ("28:30", ""), ("5k", ""), ("out 2 days", ""),
    ("quite far really", NO_NUMBER), ("3 km " + "and more " * 20, TOO_LONG),
])
def test_toward_a_target_with_a_number_progress_needs_one_and_few_words(typed: str, problem: str) -> None:
    assert progress_problem(typed, "run 5 km") == problem


def test_toward_a_target_in_words_only_the_persons_own_words_are_kept() -> None:
    assert progress_problem("out on Tuesday and Thursday", "leave the house twice a week") == ""
    assert progress_problem("x" * 200, "leave the house twice a week") == TOO_LONG


def test_the_log_progress_box_uses_the_same_rule(workspace: Workspace) -> None:
    from cpi_chat.tui.screens.log_progress import NO_WORDS, amount_problem

    running = goals.goal(workspace, add_running_target(workspace))
    assert amount_problem("  ", running) == NO_WORDS
    assert amount_problem("quite far really", running) == NO_NUMBER
    assert amount_problem("3 km", running) == ""


def test_a_target_in_words_keeps_words_in_a_talk_too(workspace: Workspace) -> None:
    joyce = people.add_person(workspace, "Ann Test")
    in_three_months = typed_date(date.today() + timedelta(days=90))
    out = goals.add_target_goal(workspace, joyce.id, "Leave the house twice a week", "days out on the calendar",
                                in_three_months).id

    shown = self_check_in(workspace, "out on Tuesday and Thursday", "skip", "skip", "skip", "skip")

    assert NO_NUMBER not in shown
    assert [c.value for c in goals.goal(workspace, out).checkins] == ["out on Tuesday and Thursday"]
