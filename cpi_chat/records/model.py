"""Plain frozen dataclasses handed out by the records functions, and the allowed values of each field."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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

    def labels(self) -> list[str]:
        """The needs that are set, as short words for lists and exports."""
        return [f.name.replace("_", " ") for f in fields(self) if getattr(self, f.name)]


@dataclass(frozen=True)
class Person:
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
    id: int
    goal_id: int
    position: int
    text: str
    owner: str
    done: bool
    session_id: int | None = None
    effect_key: str | None = None


@dataclass(frozen=True)
class Checkin:
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
    steps: tuple[SmallStep, ...] = field(default=())
    checkins: tuple[Checkin, ...] = field(default=())


@dataclass(frozen=True)
class Interest:
    id: int
    text: str
    when: str
    created: str


@dataclass(frozen=True)
class Connection:
    id: int
    text: str
    kind: str
    created: str


@dataclass(frozen=True)
class Note:
    id: int
    text: str
    private: bool
    remind_on: str
    created: str


@dataclass(frozen=True)
class Solution:
    id: int
    barrier_id: int
    text: str
    realistic: bool
    chosen: bool


@dataclass(frozen=True)
class Barrier:
    id: int
    parent_id: int | None
    owner: str
    text: str
    solutions: tuple[Solution, ...] = ()


@dataclass(frozen=True)
class Rating:
    id: int
    topic: str
    score: int
    words: str
    date: str
