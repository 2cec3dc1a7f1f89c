"""What the engine asks the outside world to do: small frozen records, carried out by the session.

Every effect that saves something carries a `key`, unique within one session. The session
stores it beside the saved row, so replaying an effect after a crash never saves it twice,
and a `Withdraw(key)` (sent when the person goes back) removes exactly what that effect saved.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InterestWhen = Literal["past", "present", "wish"]
Owner = Literal["person", "worker", "someone_else"]
BarrierOwner = Literal["person", "service"]
GoalKind = Literal["commitment", "target"]


@dataclass(frozen=True)
class SuggestAssets:
    """Find community assets matching `query` (and filters) and show them for the person to pick."""

    query: str
    domain: str | None = None
    area: str | None = None
    day: str | None = None
    free: bool = False
    accessible: bool = False
    limit: int = 5


@dataclass(frozen=True)
class SaveInterest:
    """Something the person enjoys, or used to enjoy, or would like to try (`when`), in their own words."""

    key: str
    text: str
    when: InterestWhen


@dataclass(frozen=True)
class SaveConnection:
    """Someone or somewhere in the person's life now: for the circles of support."""

    key: str
    text: str
    kind: Literal["person", "group", "place"] = "person"


@dataclass(frozen=True)
class SaveGoal:
    """A commitment goal (go regularly) or a target goal (reach something by a date)."""

    key: str
    kind: GoalKind
    what: str
    where: str = ""
    how_often: str = ""
    asset_id: str = ""
    first_visit: str = ""
    measure: str = ""
    starting_point: str = ""
    expected: str = ""
    better_than_expected: str = ""
    by_when: str = ""  # ISO date when the answer was validated as a date


@dataclass(frozen=True)
class SaveSmallStep:
    """One small task of a goal; `goal_key` names the SaveGoal it belongs to (may be from an earlier session: then `goal_id`)."""

    key: str
    text: str
    owner: Owner = "person"
    goal_key: str = ""
    goal_id: int | None = None
    owner_name: str = ""  # who 'someone else' is
    solution_key: str = ""  # the solution (saved in this session) this step carries out


@dataclass(frozen=True)
class SaveBarrier:
    """A barrier, or a part of one when `parent_key` names the barrier it was split from; tied to a goal when named."""

    key: str
    text: str
    owner: BarrierOwner = "person"
    parent_key: str = ""
    goal_key: str = ""
    goal_id: int | None = None


@dataclass(frozen=True)
class SaveSolution:
    """One way round the barrier (or part) `barrier_key` names; `realistic` ones may be `chosen` as small steps."""

    key: str
    barrier_key: str
    text: str
    realistic: bool = True
    chosen: bool = False


@dataclass(frozen=True)
class SaveNote:
    """A note; a private one is for the worker only and never shown to the person."""

    key: str
    text: str
    private: bool = False
    remind_on: str = ""  # ISO date or empty


@dataclass(frozen=True)
class SaveCheckin:
    """A check-in on a goal saved in an earlier session (`goal_id`)."""

    key: str
    goal_id: int
    attended: bool | None = None
    paused: bool = False  # away or unwell: never counts as a missed week
    value: str = ""
    feeling: str = ""
    by: Literal["person", "worker"] = "person"
    note: str = ""  # what got in the way of a missed week, in the person's words


@dataclass(frozen=True)
class SaveRating:
    """How things are going, 1 to 5, on one of a few fixed questions."""

    key: str
    topic: str
    score: int
    words: str = ""


@dataclass(frozen=True)
class SaveWellbeing:
    """An answer to one of the four ONS personal wellbeing questions, 0 to 10 (None: not a number, nothing to keep)."""

    key: str
    question: str
    score: int | None


@dataclass(frozen=True)
class SaveChosenGroup:
    """A group the person chose (from the directory when `asset_id` is set), kept so it can become a goal."""

    key: str
    name: str
    asset_id: str = ""
    first_visit: str = ""


@dataclass(frozen=True)
class SaveGoalLevels:
    """The five Goal Attainment Scaling levels agreed for a goal (named by `goal_key` in this session, or `goal_id`)."""

    key: str
    goal_key: str = ""
    goal_id: int | None = None
    baseline: int = -1
    much_less: str = ""
    somewhat_less: str = ""
    expected: str = ""
    somewhat_more: str = ""
    much_more: str = ""


@dataclass(frozen=True)
class TickStep:
    """A small step done (or not done after all)."""

    key: str
    step_id: int
    done: bool = True


@dataclass(frozen=True)
class ChangeStep:
    """A small step said in new words."""

    key: str
    step_id: int
    text: str


@dataclass(frozen=True)
class SetGoalStatus:
    """A goal achieved, paused (why, until when), stopped (why) or reopened ('active')."""

    key: str
    status: Literal["active", "achieved", "paused", "dropped"]
    goal_key: str = ""
    goal_id: int | None = None
    reason: str = ""
    until: str = ""  # ISO date or empty


@dataclass(frozen=True)
class SaveGasScore:
    """One goal scored at this review, -2 (much less than expected) to +2 (much more)."""

    key: str
    goal_id: int
    level: int


@dataclass(frozen=True)
class Withdraw:
    """Undo whatever the effect with this key saved (the person went back past it)."""

    key: str


@dataclass(frozen=True)
class EndSession:
    """The conversation has finished; `outcome` is 'completed' or 'stopped'."""

    outcome: Literal["completed", "stopped"] = "completed"


Effect = (
    SuggestAssets
    | SaveInterest
    | SaveConnection
    | SaveGoal
    | SaveSmallStep
    | SaveBarrier
    | SaveSolution
    | SaveNote
    | SaveCheckin
    | SaveRating
    | SaveWellbeing
    | SaveChosenGroup
    | SaveGoalLevels
    | TickStep
    | ChangeStep
    | SetGoalStatus
    | SaveGasScore
    | Withdraw
    | EndSession
)

EFFECT_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        SuggestAssets, SaveInterest, SaveConnection, SaveGoal, SaveSmallStep, SaveBarrier,
        SaveSolution, SaveNote, SaveCheckin, SaveRating, SaveWellbeing, SaveChosenGroup, SaveGoalLevels, TickStep,
        ChangeStep, SetGoalStatus, SaveGasScore, Withdraw, EndSession,
    )
}


def effect_to_dict(effect: Effect) -> dict[str, Any]:
    """A JSON-ready dict with the effect's type name under `effect`."""
    return {"effect": type(effect).__name__, **asdict(effect)}


def effect_from_dict(data: dict[str, Any]) -> Effect:
    fields_ = dict(data)
    cls = EFFECT_TYPES[fields_.pop("effect")]
    return cls(**fields_)


__all__ = ["EFFECT_TYPES", "Effect", "effect_from_dict", "effect_to_dict", "field"]
