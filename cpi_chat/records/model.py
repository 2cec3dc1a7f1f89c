"""Plain frozen dataclasses handed out by the records functions, and the allowed values of each field.

The dataclasses live in four modules beside this one (model_people, model_goals, model_sessions,
model_caseload) and each is imported here the first time one of its names is used: making a frozen
dataclass costs about a millisecond, and `cpi-chat checkin` needs only the people and goals.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from cpi_chat.records import imported_on_first_use

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


# The caseload view's parts (records.caseload reads who is in each).
CaseloadFilter = Literal["review", "reminders", "quiet", "achieved"]
QUIET_WEEKS = 3  # no check-in for this long, with a goal older than that: worth a call
DEFAULT_REVIEW_WEEKS = 6


if TYPE_CHECKING:
    from cpi_chat.records.model_caseload import Caseload
    from cpi_chat.records.model_goals import (
        Checkin,
        GasReview,
        GasScore,
        Goal,
        GoalLevels,
        SmallStep,
    )
    from cpi_chat.records.model_people import NEED_WORDS, CommunicationNeeds, Person, PersonSummary
    from cpi_chat.records.model_sessions import (
        Barrier,
        ChosenGroup,
        Connection,
        Interest,
        Note,
        Rating,
        SessionRecord,
        Solution,
        WellbeingAnswer,
    )

__all__ = [
    "DEFAULT_REVIEW_WEEKS",
    "EFFECT_TABLES",
    "NEED_WORDS",
    "QUIET_WEEKS",
    "WELLBEING_QUESTIONS",
    "Attended",
    "Barrier",
    "BarrierOwner",
    "Caseload",
    "CaseloadFilter",
    "Checkin",
    "CheckinBy",
    "ChosenGroup",
    "CommunicationNeeds",
    "Connection",
    "ConnectionKind",
    "GasReview",
    "GasScore",
    "Goal",
    "GoalKind",
    "GoalLevels",
    "GoalStatus",
    "Interest",
    "InterestWhen",
    "Note",
    "Person",
    "PersonSummary",
    "Rating",
    "SessionMode",
    "SessionOutcome",
    "SessionRecord",
    "SmallStep",
    "Solution",
    "StepOwner",
    "WellbeingAnswer",
    "from_row",
    "require_choice",
]
# Which module beside this one makes each dataclass (a test checks every dataclass there is listed).
_NAMES_BY_MODULE = {
    "model_people": ("CommunicationNeeds", "NEED_WORDS", "Person", "PersonSummary"),
    "model_goals": ("Checkin", "GasReview", "GasScore", "Goal", "GoalLevels", "SmallStep"),
    "model_sessions": ("Barrier", "ChosenGroup", "Connection", "Interest", "Note", "Rating", "SessionRecord", "Solution",
                       "WellbeingAnswer"),
    "model_caseload": ("Caseload",),
}
_MODULE_OF = {name: module for module, names in _NAMES_BY_MODULE.items() for name in names}
__getattr__ = imported_on_first_use(globals(), _MODULE_OF)
