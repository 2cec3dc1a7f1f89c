"""How well a habit is holding, computed as Loop Habit Tracker computes its habit score.

Loop (uhabits, `Score.compute` and `ScoreList.recompute`) walks day by day. Each day the score
moves toward how much of the habit was done lately, by a multiplier that depends on how often
the habit is meant to happen:

    multiplier = 0.5 ** (sqrt(times_per_day) / 13)
    score = score * multiplier + done_lately * (1 - multiplier)

`done_lately` is the share of the repetitions asked for that were done in the last period
(for a habit less often than daily, Loop doubles both, so a weekly habit looks at the last
two weeks for two visits). A day Loop is told to skip leaves the score as it was. So a week
kept raises the score, a week missed lowers it gently (a weekly habit's score halves in about
five weeks of nothing), and one missed week never wipes out months.

Here a week marked "paused" (away or unwell) or "not told" (no check-in) is skipped, as Loop
skips: only a week the person said they did not go lowers the score.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from datetime import date, timedelta

PERIOD_DAYS = {"week": 7, "fortnight": 14, "month": 30}


def next_score(times_per_day: float, previous: float, done_lately: float) -> float:
    """One day of Loop's score: yesterday's, moved toward how much was done lately (Loop's `Score.compute`)."""
    multiplier = 0.5 ** (math.sqrt(times_per_day) / 13)
    return previous * multiplier + done_lately * (1 - multiplier)


def habit_strength(went_on: Collection[date], skipped: Callable[[date], bool], start: date, today: date,
                   times: int = 1, period: str = "week") -> float:
    """Loop Habit Tracker's score, 0 to 1, from `start` to `today`: days gone on, and days to skip (paused or not told)."""
    if start > today:
        return 0.0
    numerator, denominator = times, PERIOD_DAYS[period]
    if numerator / denominator < 1:  # as Loop does for habits less often than daily: look at twice the period
        numerator, denominator = numerator * 2, denominator * 2
    times_per_day = times / PERIOD_DAYS[period]
    days = [start + timedelta(days=n) for n in range((today - start).days + 1)]
    done = [day in went_on for day in days]
    score = rolling = 0.0
    for index, day in enumerate(days):
        rolling += done[index]
        if index >= denominator:
            rolling -= done[index - denominator]
        if skipped(day):
            continue
        score = next_score(times_per_day, score, min(1.0, rolling / numerator))
    return score


def strength_in_words(score: float) -> str:
    """The score as a whole percentage and a few kind words ('45%, growing')."""
    percent = round(score * 100)
    words = ("just starting" if percent < 15 else "growing" if percent < 40 else "getting strong" if percent < 70
             else "strong")
    return f"{percent}%, {words}"
