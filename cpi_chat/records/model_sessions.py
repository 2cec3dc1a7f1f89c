"""The model's sessions and what they save: the session, groups chosen, interests, circles, notes, barriers, answers."""

from __future__ import annotations

from dataclasses import dataclass


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
class ChosenGroup:
    """A group chosen in a session (from the directory when `asset_id` is set, or the person's own idea)."""

    id: int
    asset_id: str
    name: str
    first_visit: str
    created: str
    session_id: int | None = None


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
