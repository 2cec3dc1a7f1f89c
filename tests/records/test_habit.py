"""Habit strength as Loop Habit Tracker computes it: rises with each week kept, falls gently with each week missed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cpi_chat.records import progress as p
from cpi_chat.records.habit import habit_strength, next_score, strength_in_words
from cpi_chat.records.model import Checkin, Goal

MONDAY = date(2027, 3, 1)


@pytest.mark.parametrize(("per_day", "previous", "done", "expected"), [
    # Loop's own unit tests (uhabits-core ScoreTest): a daily habit, and one every three days
    (1.0, 0.0, 1, 0.051922), (1.0, 0.5, 1, 0.525961), (1.0, 0.75, 0, 0.711058),
    (1 / 3, 0.0, 1, 0.030314), (1 / 3, 0.5, 0, 0.484842), (1 / 3, 0.75, 1, 0.757578),
])
def test_one_day_moves_the_score_exactly_as_loop_does(per_day: float, previous: float, done: int, expected: float) -> None:
    assert next_score(per_day, previous, done) == pytest.approx(expected, abs=1e-6)


def test_three_days_after_one_visit_in_the_first_week_worked_out_by_hand() -> None:
    # Weekly: Loop looks at two weeks for two visits, so one visit is half done each day.
    multiplier = 0.5 ** ((1 / 7) ** 0.5 / 13)
    expected = 0.5 * (1 - multiplier ** 3)
    assert habit_strength({MONDAY}, lambda _day: False, MONDAY, MONDAY + timedelta(days=2)) == pytest.approx(expected)


def _goal(weeks: list[str | None]) -> Goal:
    checkins = tuple(Checkin(n, 1, (MONDAY + timedelta(weeks=n, days=3)).isoformat(), a, "", "", "person", "")
                     for n, a in enumerate(weeks) if a)
    return Goal(1, 1, "commitment", "Kick-boxing", "", "every week", "", "", "", "", "", "", "", "active", "",
                MONDAY.isoformat(), checkins=checkins)


def _strength(weeks: list[str | None]) -> float:
    today = MONDAY + timedelta(weeks=len(weeks) - 1, days=6)
    return p.commitment_progress(_goal(weeks), today).strength


def test_each_week_kept_makes_the_habit_stronger() -> None:
    scores = [_strength(["yes"] * n) for n in range(1, 9)]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    assert 0.5 < _strength(["yes"] * 8) < 0.7  # two months of weeks: getting strong, not yet at the top


def test_weeks_missed_lower_it_gently_and_never_wipe_out_the_weeks_before() -> None:
    before = _strength(["yes"] * 6)
    assert _strength(["yes"] * 6 + ["no"]) < _strength(["yes"] * 7)  # less than going would have made it
    two_missed = _strength(["yes"] * 6 + ["no", "no"])
    assert 0.9 * before < two_missed < before  # and then lower than before, but gently


def test_a_week_away_or_not_told_leaves_it_as_it_was() -> None:
    kept = _strength(["yes"] * 6)
    assert _strength(["yes"] * 6 + ["paused"]) == pytest.approx(kept, rel=0.02)
    assert _strength(["yes"] * 6 + [None]) == pytest.approx(kept, rel=0.02)


def test_the_strength_in_words() -> None:
    assert strength_in_words(0.0) == "0%, just starting"
    assert strength_in_words(0.456) == "46%, getting strong"
