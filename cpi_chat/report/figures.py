"""The outcomes report's figures: counts and sums only, saved as a team aggregate and merged by adding.

Every figure is a count or a sum over people, so the figures of several workers' files added
together equal the figures of one file holding all their people. Nothing here is a name, an id or
anyone's words; the labels (rating topics, wellbeing questions, domains, areas) come from the
flows and the directory. Small numbers are kept as they are: they are hidden only when the report
is shown (`report.view`), because hidden numbers could not be added up.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

from cpi_chat.errors import CpiChatError

AGGREGATE_FORMAT: Literal["cpi-chat outcomes aggregate"] = "cpi-chat outcomes aggregate"
AGGREGATE_VERSION: Literal[1] = 1


SUM_DECIMALS = 6  # sums of T-scores are kept to 6 places, so adding in any order gives the same figures


def _added(a: float, b: float) -> float:
    """Two counts or sums added (sums rounded, so files added in any order agree to the last place)."""
    return a + b if isinstance(a, int) and isinstance(b, int) else round(a + b, SUM_DECIMALS)


class _Counts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Change(_Counts):
    """A measure taken at least twice per person: the first and latest values summed, and who did better or worse."""

    people: Annotated[NonNegativeInt, Field(description="People measured at least twice, the latest time in the period.")] = 0
    first_sum: Annotated[float, Field(description="The sum of each person's first value.")] = 0.0
    latest_sum: Annotated[float, Field(description="The sum of each person's latest value in the period.")] = 0.0
    better: NonNegativeInt = 0
    same: NonNegativeInt = 0
    worse: NonNegativeInt = 0

    def __add__(self, other: Change) -> Change:
        return Change.model_validate({name: _added(getattr(self, name), getattr(other, name)) for name in Change.model_fields})


class GoalScores(_Counts):
    """Goal Attainment Scaling T-scores (50 = goals met as expected): the latest per person, and first against latest."""

    people_scored: Annotated[NonNegativeInt, Field(description="People with at least one T-score in the period.")] = 0
    latest_sum: Annotated[float, Field(description="The sum of each scored person's latest T-score in the period.")] = 0.0
    change: Change = Change()

    def __add__(self, other: GoalScores) -> GoalScores:
        return GoalScores(people_scored=self.people_scored + other.people_scored,
                          latest_sum=_added(self.latest_sum, other.latest_sum), change=self.change + other.change)


class Attendance(_Counts):
    """Commitment goals: the weeks (fortnights, months) agreed in the period, those the person went, and those paused."""

    goals: NonNegativeInt = 0
    agreed: Annotated[NonNegativeInt, Field(description="Periods the goals were active in, less the paused ones.")] = 0
    attended: Annotated[NonNegativeInt, Field(description="Of those, periods with at least one 'I went'.")] = 0
    paused: Annotated[NonNegativeInt, Field(description="Periods marked away or unwell (never counted as missed).")] = 0

    def __add__(self, other: Attendance) -> Attendance:
        return Attendance(**{name: getattr(self, name) + getattr(other, name) for name in Attendance.model_fields})


class CirclesOfSupport(_Counts):
    """People, groups and places in each person's circles: at their first meeting together, and by the period's end."""

    people: NonNegativeInt = 0
    first_sum: NonNegativeInt = 0
    now_sum: NonNegativeInt = 0
    grew: Annotated[NonNegativeInt, Field(description="People with more in their circles now than at the first meeting.")] = 0

    def __add__(self, other: CirclesOfSupport) -> CirclesOfSupport:
        return CirclesOfSupport(**{name: getattr(self, name) + getattr(other, name) for name in CirclesOfSupport.model_fields})


class DirectoryCell(_Counts):
    """One area and domain of community life: groups listed in the directory, and people who went to one of them."""

    area: str
    domain: str
    listed: Annotated[NonNegativeInt, Field(description="Active groups listed (merged as the largest: the team shares one directory).")] = 0
    people_went: Annotated[NonNegativeInt, Field(description="People who went to one of these groups in the period.")] = 0


class Figures(_Counts):
    """Everything the outcomes report shows, for one period, as counts and sums."""

    format: Literal["cpi-chat outcomes aggregate"] = AGGREGATE_FORMAT
    version: Literal[1] = AGGREGATE_VERSION
    period_from: date
    period_to: date
    files: Annotated[NonNegativeInt, Field(description="How many workers' files these figures were gathered from.")] = 1
    people_supported: Annotated[NonNegativeInt, Field(description="People with a session or a check-in in the period.")] = 0
    people_started: Annotated[NonNegativeInt, Field(description="People whose first meeting together was in the period.")] = 0
    sessions_together: NonNegativeInt = 0
    checkins: Annotated[NonNegativeInt, Field(description="Check-ins on goals dated in the period (by the person or the worker).")] = 0
    goals_set: NonNegativeInt = 0
    goals_achieved: NonNegativeInt = 0
    goals_stopped: NonNegativeInt = 0
    goal_scores: Annotated[GoalScores | None, Field(description="None when no review in the period scored a goal.")] = None
    attendance: Attendance = Attendance()
    circles: CirclesOfSupport = CirclesOfSupport()
    ratings: dict[str, Change] = Field(default_factory=dict, description="By 'how things are going' topic (1 to 5).")
    wellbeing: dict[str, Change] = Field(default_factory=dict, description="By ONS question (0 to 10; for anxiety lower is better).")
    domains_joined: dict[str, NonNegativeInt] = Field(default_factory=dict, description="People who went to a group, by domain.")
    directory: list[DirectoryCell] = Field(default_factory=list, description="Sorted by area, then domain.")

    @model_validator(mode="after")
    def _period_in_order(self) -> Figures:
        if self.period_to < self.period_from:
            raise ValueError("the period ends before it starts")
        return self


def _add_dicts(a: dict[str, Change], b: dict[str, Change]) -> dict[str, Change]:
    return {key: a.get(key, Change()) + b.get(key, Change()) for key in [*a, *(k for k in b if k not in a)]}


def _merge_cells(a: Iterable[DirectoryCell], b: Iterable[DirectoryCell]) -> list[DirectoryCell]:
    cells: dict[tuple[str, str], DirectoryCell] = {(c.area, c.domain): c for c in a}
    for cell in b:
        known = cells.get((cell.area, cell.domain))
        cells[(cell.area, cell.domain)] = cell if known is None else DirectoryCell(
            area=cell.area, domain=cell.domain, listed=max(known.listed, cell.listed),
            people_went=known.people_went + cell.people_went)
    return sorted(cells.values(), key=lambda c: (c.area, c.domain))


def merge(first: Figures, second: Figures) -> Figures:
    """The figures of two files' people together (the same period only; each person on one worker's caseload)."""
    if (first.period_from, first.period_to) != (second.period_from, second.period_to):
        raise CpiChatError("These aggregates cover different periods, so they cannot be added together; "
                           "make each one with the same --from and --to.")
    scores = first.goal_scores + second.goal_scores if first.goal_scores and second.goal_scores else (
        first.goal_scores or second.goal_scores)
    joined = {d: first.domains_joined.get(d, 0) + second.domains_joined.get(d, 0)
              for d in [*first.domains_joined, *(k for k in second.domains_joined if k not in first.domains_joined)]}
    return Figures(
        period_from=first.period_from, period_to=first.period_to, files=first.files + second.files,
        **{name: getattr(first, name) + getattr(second, name) for name in (
            "people_supported", "people_started", "sessions_together", "checkins", "goals_set", "goals_achieved",
            "goals_stopped", "attendance", "circles")},
        goal_scores=scores, ratings=_add_dicts(first.ratings, second.ratings),
        wellbeing=_add_dicts(first.wellbeing, second.wellbeing), domains_joined=joined,
        directory=_merge_cells(first.directory, second.directory),
    )
