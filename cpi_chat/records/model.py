"""Plain frozen dataclasses handed out by the records functions, and the allowed values of each field."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Literal, TypeVar, get_args

SessionMode = Literal["joint", "self", "training"]
SessionOutcome = Literal["completed", "stopped"]
InterestWhen = Literal["past", "present", "wish"]
ConnectionKind = Literal["person", "group", "place"]
GoalKind = Literal["commitment", "target"]
GoalStatus = Literal["active", "achieved", "paused", "dropped"]
StepOwner = Literal["person", "worker", "someone_else"]
BarrierOwner = Literal["person", "service"]
Attended = Literal["yes", "no", "paused"]
CheckinBy = Literal["person", "worker"]
# Every row saved from a session carries (session_id, effect_key); a UNIQUE index on the pair
# (made by records/migrations.py) makes replaying an effect after a crash update the same row instead of adding a second one.
EFFECT_TABLES = ("interest", "connection", "goal", "small_step", "barrier", "solution", "note", "checkin", "rating",
                 "chosen_group", "goal_levels", "gas_score", "wellbeing")
# The four ONS personal wellbeing questions, by the names they are stored under (wording in flows/wellbeing.yaml).
WELLBEING_QUESTIONS = ("life_satisfaction", "worthwhile", "happy", "anxious")

T = TypeVar("T")


def require_choice(value: str, allowed: Any, what: str) -> str:
    """Return `value` if it is one of the Literal `allowed`, else raise ValueError naming the choices."""
    choices = get_args(allowed)
    if value not in choices:
        raise ValueError(f"{what} must be one of {', '.join(choices)}, not {value!r}")
    return value


def from_row(cls: type[T], row: dict[str, Any], **extra: Any) -> T:
    """Build dataclass `cls` from a database row, turning 0/1 into booleans where the field is a bool."""
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in extra:
            values[f.name] = extra[f.name]
        elif f.name in row:
            value = row[f.name]
            values[f.name] = bool(value) if f.type in ("bool", bool) and value is not None else value
    return cls(**values)


@dataclass(frozen=True)
class CommunicationNeeds:
    """How a person needs information given to them (Accessible Information Standard)."""

    easy_read: bool = False
    large_print: bool = False
    high_contrast: bool = False
    plain_mode: bool = False
    larger_spacing: bool = False
    reads_with_someone: bool = False
    preferred_name: str = ""

    def labels(self) -> list[str]:
        """The needs that are set, as short words for lists and exports."""
        words = [NEED_WORDS[f.name] for f in fields(self) if f.type in ("bool", bool) and getattr(self, f.name)]
        return words + ([f"call them {self.preferred_name}"] if self.preferred_name else [])

    def in_words(self) -> str:
        """The needs as one sentence for the worker at the start of a session ('' when none are recorded)."""
        listed = [NEED_WORDS[f.name] for f in fields(self) if f.type in ("bool", bool) and getattr(self, f.name)]
        said = f"Communication needs: {', '.join(listed)}." if listed else ""
        called = f"They like to be called {self.preferred_name}." if self.preferred_name else ""
        return " ".join(part for part in (said, called) if part)


# The words each need is shown with, to the worker and on the command line.
NEED_WORDS = {
    "easy_read": "easy read", "large_print": "large print", "high_contrast": "high contrast",
    "plain_mode": "plain mode", "larger_spacing": "larger spacing",
    "reads_with_someone": "someone to read with them",
}


@dataclass(frozen=True)
class Person:
    """Someone supported: their name, communication needs and display setting."""

    id: int
    name: str
    needs: CommunicationNeeds
    theme: str
    created: str


@dataclass(frozen=True)
class PersonSummary:
    """One line of `person list`: who, their needs, the goals they are working on, when last seen."""

    id: int
    name: str
    needs: CommunicationNeeds
    active_goals: tuple[str, ...]
    last_session: str | None


@dataclass(frozen=True)
class SessionRecord:
    """One session: together, alone or training; its flow, when it started and ended, and its saved state."""

    id: int
    person_id: int
    mode: str
    flow_id: str
    engine_state: str | None
    started: str
    ended: str | None
    outcome: str | None


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
class ChosenGroup:
    """A group chosen in a session (from the directory when `asset_id` is set, or the person's own idea)."""

    id: int
    asset_id: str
    name: str
    first_visit: str
    created: str
    session_id: int | None = None


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


@dataclass(frozen=True)
class Interest:
    """Something the person enjoys, enjoyed once or would like to try."""

    id: int
    text: str
    when: str
    created: str


@dataclass(frozen=True)
class Connection:
    """Someone, a group or a place in the person's circles of support."""

    id: int
    text: str
    kind: str
    created: str


@dataclass(frozen=True)
class Note:
    """The worker's note, private or shared, perhaps with a reminder."""

    id: int
    text: str
    private: bool
    remind_on: str
    created: str
    dealt_with: str = ""  # the day a reminder was marked dealt with, or empty


@dataclass(frozen=True)
class Solution:
    """A way round a barrier, and whether it is realistic and chosen."""

    id: int
    barrier_id: int
    text: str
    realistic: bool
    chosen: bool


@dataclass(frozen=True)
class Barrier:
    """Something in the way of a goal, with the ways round it."""

    id: int
    parent_id: int | None
    owner: str
    text: str
    solutions: tuple[Solution, ...] = ()
    goal_id: int | None = None  # the goal it gets in the way of
    created: str = ""
    session_id: int | None = None


@dataclass(frozen=True)
class WellbeingAnswer:
    """One answer to an ONS personal wellbeing question, 0 (not at all) to 10 (completely), on a day."""

    id: int
    question: str
    score: int
    date: str


@dataclass(frozen=True)
class Rating:
    """How things are going on one topic, 1 to 5, on a day, with the person's words."""

    id: int
    topic: str
    score: int
    words: str
    date: str


# The caseload view's parts (records.caseload reads who is in each).
CaseloadFilter = Literal["review", "reminders", "quiet", "achieved"]
QUIET_WEEKS = 3  # no check-in for this long, with a goal older than that: worth a call
DEFAULT_REVIEW_WEEKS = 6


@dataclass(frozen=True)
class Caseload:
    """The people (by id) in each part of the caseload view, for one day and one choice of weeks before a review is due."""

    today: date
    review_weeks: int
    due_review: frozenset[int]
    reminders_due: frozenset[int]
    quiet: frozenset[int]
    achieved: frozenset[int]

    def people(self, which: CaseloadFilter) -> frozenset[int]:
        """The ids of the people a filter shows."""
        return {"review": self.due_review, "reminders": self.reminders_due, "quiet": self.quiet,
                "achieved": self.achieved}[which]

    def label(self, which: CaseloadFilter) -> str:
        """What a filter shows, in a few words: 'Due a review (no meeting together for 6 weeks)'."""
        weeks = f"{self.review_weeks} week{'s' if self.review_weeks != 1 else ''}"
        return {"review": f"Due a review (no meeting together for {weeks})", "reminders": "Reminders due",
                "quiet": f"No check-in for {QUIET_WEEKS} weeks", "achieved": "Achieved a goal this month"}[which]

    def count_words(self, which: CaseloadFilter) -> str:
        """'12 people', '1 person', 'nobody'."""
        count = len(self.people(which))
        return "nobody" if not count else f"{count:,} {'person' if count == 1 else 'people'}"
