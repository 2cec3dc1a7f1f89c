"""The model's goals: a goal with its small steps and check-ins, and its Goal Attainment Scaling levels and scores."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SmallStep:
    """One small step towards a goal, who does it, and whether it is done."""

    id: int
    goal_id: int
    position: int
    text: str
    owner: str
    done: bool
    session_id: int | None = None
    effect_key: str | None = None
    done_on: str = ""  # the day it was ticked (ISO), when it is done
    owner_name: str = ""  # who 'someone else' is, in the person's words
    solution_id: int | None = None  # the barrier's solution this step carries out


@dataclass(frozen=True)
class Checkin:
    """How a goal went in one week: went, missed or paused, or a value logged."""

    id: int
    goal_id: int
    date: str
    attended: str | None
    value: str
    feeling: str
    by: str
    note: str
    session_id: int | None = None
    effect_key: str | None = None


@dataclass(frozen=True)
class Goal:
    """A goal agreed together: going somewhere regularly (commitment) or reaching something by a date (target)."""

    id: int
    person_id: int
    kind: str
    what: str
    where: str
    how_often: str
    asset_id: str
    first_visit: str
    measure: str
    starting_point: str
    expected: str
    better_than_expected: str
    by_when: str
    status: str
    pause_reason: str
    created: str
    session_id: int | None = None
    effect_key: str | None = None
    status_since: str = ""  # the day the goal took its status (achieved, paused, stopped, or reopened)
    paused_until: str = ""  # ISO date a pause is meant to last until, or empty
    stop_reason: str = ""  # why a stopped goal was stopped, in the person's words
    steps: tuple[SmallStep, ...] = field(default=())
    checkins: tuple[Checkin, ...] = field(default=())
    levels: GoalLevels | None = None  # the five levels agreed for Goal Attainment Scaling, if any were


@dataclass(frozen=True)
class GoalLevels:
    """The five Goal Attainment Scaling levels agreed for a goal, in the person's words, and which one is where they started."""

    id: int
    goal_id: int
    baseline: int
    much_less: str
    somewhat_less: str
    expected: str
    somewhat_more: str
    much_more: str


@dataclass(frozen=True)
class GasScore:
    """One goal scored at one review: -2 much less than expected ... +2 much more than expected."""

    id: int
    review_id: int
    goal_id: int
    level: int
    weight: float = 1.0


@dataclass(frozen=True)
class GasReview:
    """One review's Goal Attainment Scaling: each goal's level and the person's T-score across them (50 = as expected)."""

    id: int
    person_id: int
    date: str
    t_score: float
    goals: int
    session_id: int | None = None
    scores: tuple[GasScore, ...] = ()
