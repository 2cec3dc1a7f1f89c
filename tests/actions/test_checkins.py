"""Check-in actions: 'I went' counts once a period wherever it is pressed, typed or said, and mistakes can be taken back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cpi_chat.actions import checkins, goals, people
from cpi_chat.actions.checkins import WENT_ALREADY
from cpi_chat.amounts import NO_NUMBER
from cpi_chat.errors import RecordsError, Refused
from cpi_chat.records.model import Goal, Person
from cpi_chat.words import typed_date
from cpi_chat.workspace import Workspace

MONDAY = date(2026, 11, 23)
pytestmark = pytest.mark.dates  # some check-ins are saved for today


def marks(workspace: Workspace, goal: Goal) -> list[tuple[str, str]]:
    return [(c.date, c.attended or "") for c in goals.goal(workspace, goal.id).checkins]


def test_a_second_went_in_the_same_week_is_refused_kindly_and_saves_nothing(workspace, ann, walking, audit) -> None:
    checkins.mark_went(workspace, ann.id, walking.id, by="worker", on=MONDAY)
    with pytest.raises(Refused) as refused:
        checkins.mark_went(workspace, ann.id, walking.id, by="person", on=MONDAY + timedelta(days=3))
    assert str(refused.value) == WENT_ALREADY.format(period="week")
    assert marks(workspace, walking) == [(MONDAY.isoformat(), "yes")]
    assert audit().count(("create", "checkin")) == 1


def test_the_next_week_and_a_missed_or_paused_week_are_kept(workspace, ann, walking) -> None:
    checkins.mark_went(workspace, ann.id, walking.id, by="worker", on=MONDAY)
    checkins.mark_went(workspace, ann.id, walking.id, by="worker", on=MONDAY + timedelta(days=7))
    checkins.check_in(workspace, ann.id, walking.id, "missed", on=MONDAY + timedelta(days=14))
    checkins.check_in(workspace, ann.id, walking.id, "paused", on="07/12/2026")  # a date as typed
    assert [a for _, a in marks(workspace, walking)] == ["yes", "yes", "no", "paused"]


def test_twice_a_week_takes_a_second_day_and_a_monthly_goal_counts_per_month(workspace, ann) -> None:
    twice = goals.add_commitment_goal(workspace, ann.id, "Swimming", "twice a week")
    checkins.mark_went(workspace, ann.id, twice.id, by="worker", on=MONDAY)
    with pytest.raises(Refused, match="counts once"):
        checkins.mark_went(workspace, ann.id, twice.id, by="worker", on=MONDAY)
    checkins.mark_went(workspace, ann.id, twice.id, by="worker", on=MONDAY + timedelta(days=2))
    monthly = goals.add_commitment_goal(workspace, ann.id, "Book club", "once a month")
    checkins.mark_went(workspace, ann.id, monthly.id, by="worker", on=date(2026, 12, 1))
    with pytest.raises(Refused, match="This month is already marked"):
        checkins.mark_went(workspace, ann.id, monthly.id, by="worker", on=date(2026, 12, 28))


def test_a_check_in_on_someone_elses_goal_is_refused(workspace, ann, walking) -> None:
    bob = people.add_person(workspace, "Bob Test")
    with pytest.raises(Refused, match="Goal 1 is not one of Bob Test's goals"):
        checkins.check_in(workspace, bob.id, walking.id, "went")
    assert marks(workspace, walking) == []


def test_two_windows_pressing_w_at_once_keep_one_went(workspace, ann, walking) -> None:
    other = Workspace(workspace.paths)  # the person's own check-in, open at the same time as the worker's app
    try:
        checkins.mark_went(workspace, ann.id, walking.id, by="worker")
        with pytest.raises(Refused):
            checkins.mark_went(other, ann.id, walking.id, by="person")
    finally:
        other.close()
    assert [a for _, a in marks(workspace, walking)] == ["yes"]


def test_progress_toward_a_target_needs_a_number_to_chart(workspace, ann, five_k) -> None:
    with pytest.raises(Refused) as refused:
        checkins.log_progress(workspace, ann.id, five_k.id, "quite far really", by="person")
    assert str(refused.value) == NO_NUMBER
    saved = checkins.log_progress(workspace, ann.id, five_k.id, "  3 km in 25 minutes ", by="person")
    assert saved.value == "3 km in 25 minutes" and saved.by == "person"
    assert checkins.progress_example(five_k) == checkins.progress_example(goals.goal(workspace, five_k.id))


def test_progress_toward_a_target_in_words_keeps_the_persons_own_words(workspace, ann) -> None:
    in_three_months = typed_date(date.today() + timedelta(days=90))
    out = goals.add_target_goal(workspace, ann.id, "Leave the house twice a week", "days out", in_three_months)
    saved = checkins.check_in(workspace, ann.id, out.id, value="out on Tuesday and Thursday", by="person")
    assert saved.value == "out on Tuesday and Thursday"
    with pytest.raises(Refused) as refused:
        checkins.log_progress(workspace, ann.id, out.id, "   ", by="person")
    assert str(refused.value) == checkins.NOTHING_TYPED


def test_a_check_in_taken_back_is_gone_and_the_audit_says_so(workspace, ann, walking, audit) -> None:
    saved = checkins.mark_went(workspace, ann.id, walking.id, by="worker")
    checkins.take_back(workspace, ann.id, saved.id)
    assert marks(workspace, walking) == []
    assert audit()[-1] == ("delete", "checkin")
    checkins.mark_went(workspace, ann.id, walking.id, by="worker")  # the week can be marked again


def test_an_unreadable_date_is_one_kind_sentence(workspace, ann, walking) -> None:
    with pytest.raises(RecordsError, match="couldn.t read that as a date. You could type it like"):
        checkins.check_in(workspace, ann.id, walking.id, "went", on="the thirty-first")


def test_went_on_a_target_goal_is_not_counted_per_week(workspace: Workspace, ann: Person, five_k: Goal) -> None:
    checkins.check_in(workspace, ann.id, five_k.id, "went", on=MONDAY)
    checkins.check_in(workspace, ann.id, five_k.id, "went", on=MONDAY + timedelta(days=1))
    assert len(marks(workspace, five_k)) == 2
