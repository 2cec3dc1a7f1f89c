"""'I went this week' counts once: the pure check behind the one-key check-in, and a target read from the goal's words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cpi_chat.records import progress as p
from tests.records.test_progress import MONDAY, goal

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

WEDNESDAY = MONDAY + timedelta(days=2)


def test_a_week_with_no_check_in_is_not_yet_marked() -> None:
    assert not p.went_already(goal(), WEDNESDAY)


def test_a_week_already_marked_as_went_is_not_counted_twice() -> None:
    assert p.went_already(goal(checkins=[(MONDAY, "yes", "")]), WEDNESDAY)


def test_last_week_going_leaves_this_week_open() -> None:
    assert not p.went_already(goal(checkins=[(MONDAY - timedelta(days=5), "yes", "")]), WEDNESDAY)


def test_a_missed_or_paused_mark_this_week_can_still_become_went() -> None:
    assert not p.went_already(goal(checkins=[(MONDAY, "no", "")]), WEDNESDAY)
    assert not p.went_already(goal(checkins=[(MONDAY, "paused", "")]), WEDNESDAY)


def test_twice_a_week_takes_a_second_day_but_never_the_same_day_twice() -> None:
    twice = goal(how_often="twice a week", checkins=[(MONDAY, "yes", "")])
    assert not p.went_already(twice, WEDNESDAY)
    assert p.went_already(twice, MONDAY)
    both = goal(how_often="twice a week", checkins=[(MONDAY, "yes", ""), (MONDAY + timedelta(days=1), "yes", "")])
    assert p.went_already(both, WEDNESDAY)


def test_a_monthly_goal_is_marked_for_the_whole_month() -> None:
    monthly = goal(how_often="once a month", checkins=[(date(2026, 3, 3), "yes", "")])
    assert p.went_already(monthly, date(2026, 3, 28))
    assert not p.went_already(monthly, date(2026, 4, 1))


def test_a_measure_in_words_only_takes_the_number_from_what_the_goal_is() -> None:
    run = goal(kind="target", measure="the distance I can run without stopping", by_when="2026-05-31",
               checkins=[(MONDAY, None, "3 km in 25 minutes")])
    run = run.__class__(**{**run.__dict__, "what": "run 5 km"})
    result = p.target_progress(run, MONDAY)
    assert (result.target_amount, result.target_unit, result.fraction) == (5.0, "km", 0.6)


def test_a_time_to_beat_never_turns_into_a_distance_reached() -> None:
    timed = goal(kind="target", measure="under 30 minutes", by_when="2026-05-31", checkins=[(MONDAY, None, "5 km in 32 minutes")])
    timed = timed.__class__(**{**timed.__dict__, "what": "run 5 km"})
    result = p.target_progress(timed, MONDAY)
    assert not result.achieved and result.fraction is None
