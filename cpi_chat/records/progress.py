"""How goals are going between appointments: periods attended, runs, values logged, days left, kind words.

Pure arithmetic on plain records (no database: `records.history` reads them), so every layer may use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from cpi_chat.amounts import parse_amount, target_words
from cpi_chat.records.habit import habit_strength
from cpi_chat.records.model import Checkin, Goal, SmallStep
from cpi_chat.words import chart_date, day_and_month, long_date
from cpi_chat.words import day_of as _day

PeriodKind = Literal["week", "fortnight", "month"]
PeriodStatus = Literal["went", "missed", "paused", "not_recorded"]

CHART_MARKS: dict[str, str] = {"went": "■", "missed": "□", "paused": "‖", "not_recorded": "·"}
CHART_LEGEND = "■ went, □ did not go, ‖ paused (away or unwell), · not told"  # commas: the dot is a mark
_STATUS_WORDS = {"went": "went", "missed": "did not go", "paused": "paused", "not_recorded": "not told"}


@dataclass(frozen=True)
class Frequency:
    """How often a commitment goal asks the person to go: `times` in each `period`."""

    period: PeriodKind
    times: int = 1

    @property
    def period_word(self) -> str:
        """The period as a word for sentences ("week", "fortnight", "month")."""
        return self.period


_NUMBER_WORDS = {"once": 1, "one": 1, "a": 1, "an": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def parse_how_often(text: str) -> Frequency:
    """Read "every week", "twice a week", "every two weeks", "once a month"; anything else counts as weekly."""
    words = " ".join(text.casefold().replace("-", " ").split())
    if re.search(r"fortnight|(every|each) (2|two|other) weeks?|biweekly", words):
        return Frequency("fortnight")
    period: PeriodKind = "month" if re.search(r"month", words) else "week"
    times = 1
    match = re.search(r"\b(once|twice|\d+|one|two|three|four|five|six|seven)\b(?: times?)?\s+(?:a|an|per|each|every)\s+(?:week|month)", words)
    if match:
        token = match.group(1)
        times = int(token) if token.isdecimal() else _NUMBER_WORDS.get(token, 1)
    return Frequency(period, max(1, times))


def period_start(day: date, period: PeriodKind, anchor: date) -> date:
    """The first day of the period holding `day`: Monday of its week, a fortnight counted from `anchor`'s Monday, or the 1st."""
    if period == "month":
        return day.replace(day=1)
    monday = day - timedelta(days=day.weekday())
    if period == "week":
        return monday
    anchor_monday = anchor - timedelta(days=anchor.weekday())
    return monday - timedelta(days=((monday - anchor_monday).days // 7) % 2 * 7)


def next_period_start(start: date, period: PeriodKind) -> date:
    """The first day of the period after the one starting on `start`."""
    if period == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if period == "week" else 14)


@dataclass(frozen=True)
class PeriodMark:
    """One week (fortnight, month) of a commitment goal and what happened in it."""

    start: date
    status: PeriodStatus
    times_went: int = 0


@dataclass(frozen=True)
class CommitmentProgress:
    """A commitment goal's record: periods went, missed and paused, the current run, and a kind message."""

    goal_id: int
    frequency: Frequency
    periods: tuple[PeriodMark, ...]
    attended: int
    missed: int
    paused: int
    not_recorded: int
    times_went: int
    current_run: int
    longest_run: int
    went_this_period: bool
    next_step: SmallStep | None
    message: str
    suggest_barriers: bool
    strength: float = 0.0  # how well the habit is holding, 0 to 1, as Loop Habit Tracker computes it


@dataclass(frozen=True)
class ProgressPoint:
    """One value logged toward a target, with the numbers read from its words where possible."""

    date: date
    text: str
    amount: float | None
    unit: str
    minutes: float | None


@dataclass(frozen=True)
class TargetProgress:
    """A target goal's record: values logged, how near the target, days left, and a kind message."""

    goal_id: int
    points: tuple[ProgressPoint, ...]
    target_amount: float | None
    target_unit: str
    fraction: float | None
    by_when: date | None
    days_left: int | None
    overdue: bool
    achieved: bool
    achieved_on: date | None
    achieved_early: bool
    next_step: SmallStep | None
    message: str


GoalProgress = CommitmentProgress | TargetProgress




def _last_per_day(checkins: tuple[Checkin, ...]) -> list[Checkin]:
    """One check-in per day: a later check-in on the same day corrects an earlier one."""
    by_day: dict[str, Checkin] = {}
    for checkin in sorted(checkins, key=lambda c: (c.date, c.id)):
        by_day[checkin.date] = checkin
    return [by_day[day] for day in sorted(by_day)]


def next_small_step(goal: Goal) -> SmallStep | None:
    """The first small step not yet done, in the goal's order."""
    return next((step for step in sorted(goal.steps, key=lambda s: (s.position, s.id)) if not step.done), None)


def _period_marks(goal: Goal, frequency: Frequency, today: date) -> list[PeriodMark]:
    days = [c for c in _last_per_day(goal.checkins) if c.attended and _day(c.date)]
    first_days = [d for d in [_day(goal.created), *(_day(c.date) for c in days)] if d]
    if not days:
        return []
    anchor = min(first_days)
    start = period_start(anchor, frequency.period, anchor)
    end = period_start(today, frequency.period, anchor)
    marks: list[PeriodMark] = []
    while start <= end:
        after = next_period_start(start, frequency.period)
        inside = [c.attended for c in days if start <= (_day(c.date) or start) < after]
        went = inside.count("yes")
        status: PeriodStatus = ("went" if went else "paused" if "paused" in inside else "missed" if "no" in inside
                                else "not_recorded")
        marks.append(PeriodMark(start, status, went))
        start = after
    return marks


def _runs(marks: list[PeriodMark]) -> tuple[int, int]:
    """(current run, longest run) of periods went; a paused period or one not told about never breaks one, only a miss."""
    run = longest = 0
    for mark in marks:
        if mark.status == "went":
            run += 1
            longest = max(longest, run)
        elif mark.status == "missed":
            run = 0
    return run, longest


def _strength(goal: Goal, frequency: Frequency, marks: list[PeriodMark], today: date) -> float:
    """Loop Habit Tracker's habit strength over the periods marked (paused and not-told periods skipped)."""
    if not marks:
        return 0.0
    went_on = {d for c in _last_per_day(goal.checkins) if c.attended == "yes" and (d := _day(c.date))}
    skipped_starts = {m.start for m in marks if m.status in ("paused", "not_recorded")}
    anchor = marks[0].start

    def skipped(day: date) -> bool:
        return period_start(day, frequency.period, anchor) in skipped_starts

    return habit_strength(went_on, skipped, anchor, today, frequency.times, frequency.period)


def _commitment_message(marks: list[PeriodMark], run: int, word: str) -> tuple[str, bool]:
    """Encouragement that never shames: a missed period offers to talk about what got in the way."""
    if not marks:
        return "No check-ins yet. Whenever you go, you can say how it went.", False
    finished = marks[:-1] if marks[-1].status == "not_recorded" else marks
    last = finished[-1] if finished else marks[-1]
    if last.status == "missed":
        return (f"Missing a {word} happens to everyone. Would it help to talk about what got in the way?", True)
    if last.status == "paused":
        return f"Taking a break is fine. Your run of {run} is kept for when you go back." if run else \
            "Taking a break is fine. You can start again whenever you are ready.", False
    if run >= 2:
        return f"You have gone {run} {word}s in a row. Well done!", False
    if last.status == "went":
        return "You went. Well done!", False
    return f"How did this {word} go? You can check in at any time.", False


def commitment_progress(goal: Goal, today: date) -> CommitmentProgress:
    """The record of a commitment goal up to `today`, week by week (or fortnight, or month)."""
    frequency = parse_how_often(goal.how_often)
    marks = _period_marks(goal, frequency, today)
    run, longest = _runs(marks)
    counts = {status: sum(1 for m in marks if m.status == status) for status in CHART_MARKS}
    message, barriers = _commitment_message(marks, run, frequency.period_word)
    return CommitmentProgress(
        goal_id=goal.id, frequency=frequency, periods=tuple(marks), attended=counts["went"], missed=counts["missed"],
        paused=counts["paused"], not_recorded=counts["not_recorded"], times_went=sum(m.times_went for m in marks),
        current_run=run, longest_run=longest, went_this_period=bool(marks) and marks[-1].status == "went",
        next_step=next_small_step(goal), message=message, suggest_barriers=barriers,
        strength=_strength(goal, frequency, marks, today),
    )


def _weeks_and_days(days: int) -> str:
    if days >= 14:
        return f"about {round(days / 7)} weeks"
    return "1 day" if days == 1 else f"{days} days"


def _target_message(achieved: bool, early_by: int, days_left: int | None, fraction: float | None) -> str:
    if achieved:
        return f"You did it, {_weeks_and_days(early_by)} early. Well done!" if early_by > 0 else "You did it. Well done!"
    if days_left is None:
        return "Keep going. Every small step counts."
    if days_left < 0:
        return "The date has passed, and that is OK. We can choose a new date together."
    near = " You are more than halfway there." if fraction is not None and fraction >= 0.5 else ""
    if days_left == 0:
        return "Today is the day. Good luck!" + near
    return f"{_weeks_and_days(days_left).capitalize()} to go.{near}"


def target_progress(goal: Goal, today: date) -> TargetProgress:
    """The record of a target goal up to `today`: values logged, how near the target, days left."""
    points = []
    for checkin in _last_per_day(goal.checkins):
        day = _day(checkin.date)
        if day and checkin.value:
            amount, unit, minutes = parse_amount(checkin.value)
            points.append(ProgressPoint(day, checkin.value, amount, unit, minutes))
    # a measure in words only ("the distance I can run"): the number may be in what ("run 5 km")
    target_amount, target_unit, _ = parse_amount(target_words(goal.measure, goal.what))
    comparable = bool(target_amount) and target_unit not in ("", "minutes")
    if not comparable:  # a time to beat, or no number at all: values are shown, not measured against it
        target_amount, target_unit = None, ""
    latest = next((p for p in reversed(points) if p.amount is not None and p.unit == target_unit), None)
    fraction = (min(1.0, latest.amount / target_amount)
                if target_amount and latest is not None and latest.amount is not None else None)
    by_when = _day(goal.by_when)
    reached = next((p.date for p in points if comparable and p.unit == target_unit and (p.amount or 0) >= (target_amount or 0)), None)
    achieved = goal.status == "achieved" or reached is not None
    achieved_on = reached or (points[-1].date if goal.status == "achieved" and points else None)
    early_by = (by_when - achieved_on).days if achieved and by_when and achieved_on else 0
    days_left = (by_when - today).days if by_when and not achieved else None
    return TargetProgress(
        goal_id=goal.id, points=tuple(points), target_amount=target_amount,
        target_unit=target_unit, fraction=fraction, by_when=by_when, days_left=days_left,
        overdue=days_left is not None and days_left < 0, achieved=achieved, achieved_on=achieved_on,
        achieved_early=early_by > 0, next_step=next_small_step(goal),
        message=_target_message(achieved, early_by, days_left, fraction),
    )


def went_already(goal: Goal, today: date) -> bool:
    """True when "I went" on `today` would add nothing: it is already marked today, or as often as asked this period."""
    today_marks = [c for c in _last_per_day(goal.checkins) if _day(c.date) == today]
    status = commitment_progress(goal, today)
    enough = status.went_this_period and status.periods[-1].times_went >= status.frequency.times
    return enough or any(c.attended == "yes" for c in today_marks)


def goal_progress(goal: Goal, today: date) -> GoalProgress:
    """How a goal is going on `today`, whichever kind it is."""
    return commitment_progress(goal, today) if goal.kind == "commitment" else target_progress(goal, today)


def period_chart(progress: CommitmentProgress, last: int = 8) -> str:
    """A row of marks for the last periods, oldest first (■ went, □ did not go, ‖ paused, · not told)."""
    return " ".join(CHART_MARKS[m.status] for m in progress.periods[-last:])


def chart_in_words(progress: CommitmentProgress, last: int = 8) -> str:
    """The same chart in words, for screen readers and plain mode."""
    marks = progress.periods[-last:]
    if not marks:
        return "No check-ins yet."
    counts = [f"{_STATUS_WORDS[s]} {n}" for s in CHART_MARKS if (n := sum(1 for m in marks if m.status == s))]
    plural = "s" if len(marks) != 1 else ""
    return f"Last {len(marks)} {progress.frequency.period_word}{plural}: {', '.join(counts)}."


def target_chart(progress: TargetProgress, width: int = 10) -> list[str]:
    """One line per value logged: the date, a bar toward the target when it can be measured, and the words."""
    lines = []
    for point in progress.points:
        bar = ""
        if progress.fraction is not None and point.amount is not None and point.unit == progress.target_unit:
            filled = round(min(1.0, point.amount / (progress.target_amount or 1)) * width)
            bar = "■" * filled + "□" * (width - filled) + "  "
        lines.append(f"{chart_date(point.date)}  {bar}{point.text}")
    return lines


@dataclass(frozen=True)
class SinceSummary:
    """What happened since a date: check-ins by goal, and how each goal is going now."""

    since: date | None
    checkins: tuple[tuple[Goal, Checkin], ...]
    progress: tuple[tuple[Goal, GoalProgress], ...]

    def lines(self) -> list[str]:
        """The summary as short sentences, for the worker panel, plain mode and a joint session's opening."""
        out = [f"Since {long_date(self.since)}:" if self.since else "So far:"]
        if not self.checkins:
            out.append("No check-ins yet.")
        for goal, c in self.checkins:
            result = {"yes": "went", "no": "did not go", "paused": "paused"}.get(c.attended or "", "")
            words = "; ".join(x for x in (result, c.value, c.feeling) if x)
            day = _day(c.date)
            out.append(f"{day_and_month(day) if day else c.date}: {goal.what}: {words}.")
        for goal, progress in self.progress:
            out.append(f"{goal.what}: {progress.message}")
            if progress.next_step:
                out.append(f"Next small step: {progress.next_step.text}.")
        return out
