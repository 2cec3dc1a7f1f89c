"""Goal Attainment Scaling: the five levels of a goal, each review's scores, and the T-score across a person's goals.

Kiresuk and Sherman (1968) give each goal five levels agreed up front, from -2 (much less than
expected) to +2 (much more), 0 being the expected outcome. At a review each goal is scored on
them, and the scores of all the person's goals become one T-score,

    T = 50 + 10 * sum(w * x) / sqrt((1 - rho) * sum(w ** 2) + rho * sum(w) ** 2)

with rho, the expected correlation between goals, 0.3 by convention (Turner-Stokes, Clinical
Rehabilitation 2009). T = 50 means the goals were met as expected on average.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.model import GasReview, GasScore, Goal, GoalLevels, from_row
from cpi_chat.records.store import (
    fetch_all,
    fetch_one,
    insert_row,
    require_row,
    resolve_parent,
    save_effect_row,
    update_row,
)

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

RHO = 0.3
LEVELS = (-2, -1, 0, 1, 2)
LEVEL_NAMES = {-2: "Much less than expected", -1: "Somewhat less than expected", 0: "As expected",
               1: "Somewhat more than expected", 2: "Much more than expected"}
EASY_LEVEL_NAMES = {-2: "A lot less than we hoped", -1: "A bit less than we hoped", 0: "What we hoped for",
                    1: "A bit more than we hoped", 2: "A lot more than we hoped"}
LEVEL_COLUMNS = {-2: "much_less", -1: "somewhat_less", 0: "expected", 1: "somewhat_more", 2: "much_more"}


def gas_t_score(levels: Sequence[int], weights: Sequence[float] | None = None, rho: float = RHO) -> float:
    """Kiresuk and Sherman's summary T-score of goals scored -2..+2 (equal weights unless given); 50 is as expected."""
    if not levels:
        raise ValueError("a T-score needs at least one goal scored")
    if any(level not in LEVELS for level in levels):
        raise ValueError("each goal is scored -2, -1, 0, 1 or 2")
    w = list(weights) if weights is not None else [1.0] * len(levels)
    if len(w) != len(levels) or any(x <= 0 for x in w):
        raise ValueError("give one positive weight for each goal")
    spread = math.sqrt((1 - rho) * sum(x * x for x in w) + rho * sum(w) ** 2)
    return 50 + 10 * sum(wi * xi for wi, xi in zip(w, levels, strict=True)) / spread


def level_name(level: int, easy_read: bool = False) -> str:
    """The level's name in words ("Somewhat more than expected", or in easy read "A bit more than we hoped")."""
    return (EASY_LEVEL_NAMES if easy_read else LEVEL_NAMES)[level]


def level_with_sign(level: int) -> str:
    """-2, -1, 0, +1, +2, as the scale is written."""
    return f"+{level}" if level > 0 else str(level)


@dataclass(frozen=True)
class GasLevel:
    """One level of a goal: its number, its name, the goal's own words for it, and whether the person started there."""

    level: int
    name: str
    words: str
    baseline: bool


def _default_words(goal: Goal) -> dict[int, str]:
    """Plain words for a goal whose levels were never agreed: from what was said when it was set, else the level's name."""
    if goal.kind == "commitment":  # the same words flows/goal_levels.yaml proposes
        return {-2: "Not going at all", -1: "Going now and then", 0: "Going most of the times planned",
                1: "Going every time", 2: "Going every time, and doing more there, like helping out or making a friend"}
    return {-2: "Less than where I started", -1: goal.starting_point or "About where I started",
            0: goal.expected or goal.what, 1: goal.better_than_expected or "A bit more than that",
            2: "Much more than that"}


def goal_levels(goal: Goal, easy_read: bool = False) -> tuple[GasLevel, ...]:
    """A goal's five levels from -2 to +2, as agreed, with plain words filling in any never given."""
    agreed = goal.levels
    defaults = _default_words(goal)
    baseline = agreed.baseline if agreed else (-2 if goal.kind == "commitment" else -1)
    words = {level: (getattr(agreed, LEVEL_COLUMNS[level]) if agreed else "") or defaults[level] for level in LEVELS}
    return tuple(GasLevel(level, level_name(level, easy_read), words[level], level == baseline) for level in LEVELS)


# -- storage ---------------------------------------------------------------


@guarded
def save_goal_levels(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, goal_key: str = "",
    goal_id: int | None = None, baseline: int = -1, much_less: str = "", somewhat_less: str = "", expected: str = "",
    somewhat_more: str = "", much_more: str = "",
) -> int:
    """Keep the five levels agreed for a goal (named by its effect key in this session, or by id); the latest agreed counts."""
    if baseline not in (-2, -1):
        raise ValueError("the level a goal starts from is -2 or -1")
    with transaction(db):
        parent = resolve_parent(db, "goal", person_id, session_id, goal_key, goal_id, "goal")
        if parent is None:
            raise ValueError("goal levels need goal_key or goal_id")
        words = {"much_less": much_less, "somewhat_less": somewhat_less, "expected": expected,
                 "somewhat_more": somewhat_more, "much_more": much_more}
        return save_effect_row(db, "goal_levels", person_id, session_id, effect_key,
                               {"goal_id": parent, "baseline": baseline, **{k: v.strip() for k, v in words.items()}})


def latest_levels(db: PeopleDatabase, goal_ids: Sequence[int]) -> dict[int, GoalLevels]:
    """The levels last agreed for each of these goals, by goal id."""
    if not goal_ids:
        return {}
    marks = ",".join("?" * len(goal_ids))
    found: dict[int, GoalLevels] = {}
    for row in fetch_all(db, f"SELECT * FROM goal_levels WHERE goal_id IN ({marks}) ORDER BY id", list(goal_ids)):
        found[row["goal_id"]] = from_row(GoalLevels, row)
    return found


def _review_for_session(db: PeopleDatabase, person_id: int, session_id: int, day: str) -> int:
    row = fetch_one(db, "SELECT id FROM gas_review WHERE session_id = ?", [session_id])
    if row is not None:
        return int(row["id"])
    review_id = insert_row(db, "gas_review", {"person_id": person_id, "session_id": session_id, "date": day,
                                              "t_score": 50.0, "goals": 0, "created": now_utc()})
    write_audit(db, "create", "gas_review", review_id)
    return review_id


def _check_level(level: int) -> int:
    if level not in LEVELS:
        raise RecordsError("A goal is scored -2, -1, 0, +1 or +2.")
    return level


@guarded
def save_gas_score(
    db: PeopleDatabase, person_id: int, session_id: int, effect_key: str, goal_id: int, level: int,
    on: Date | None = None,
) -> int:
    """Score one goal at the review this session is (once per effect key), and bring the review's T-score up to date."""
    _check_level(level)
    with transaction(db):
        resolve_parent(db, "goal", person_id, session_id, "", goal_id, "goal")
        review_id = _review_for_session(db, person_id, session_id, (on or Date.today()).isoformat())
        score_id = save_effect_row(db, "gas_score", person_id, session_id, effect_key,
                                   {"review_id": review_id, "goal_id": goal_id, "level": level})
        refresh_review(db, review_id)
        return score_id


@guarded
def add_gas_review(db: PeopleDatabase, person_id: int, levels: dict[int, int], on: Date | None = None) -> GasReview:
    """Score several goals at a review held outside a conversation (the command line): one review, one T-score."""
    if not levels:
        raise RecordsError("Score at least one goal.")
    with transaction(db):
        for goal_id, level in levels.items():
            _check_level(level)
            resolve_parent(db, "goal", person_id, None, "", goal_id, "goal")
        review_id = insert_row(db, "gas_review", {"person_id": person_id, "session_id": None, "t_score": 50.0, "goals": 0,
                                                  "date": (on or Date.today()).isoformat(), "created": now_utc()})
        write_audit(db, "create", "gas_review", review_id)
        for goal_id, level in levels.items():
            save_effect_row(db, "gas_score", person_id, None, None, {"review_id": review_id, "goal_id": goal_id, "level": level})
        refresh_review(db, review_id)
    return _reviews(db, "WHERE id = ?", [review_id])[0]


def refresh_review(db: PeopleDatabase, review_id: int) -> None:
    """Work out a review's T-score again from its scores (the latest score of each goal); remove a review left with none."""
    rows = fetch_all(db, "SELECT goal_id, level, weight FROM gas_score WHERE review_id = ? ORDER BY id", [review_id])
    latest = {row["goal_id"]: row for row in rows}
    with transaction(db):
        if not latest:
            db.execute("DELETE FROM gas_review WHERE id = ?", [review_id])
            write_audit(db, "delete", "gas_review", review_id)
            return
        t_score = gas_t_score([r["level"] for r in latest.values()], [r["weight"] or 1.0 for r in latest.values()])
        update_row(db, "gas_review", review_id, {"t_score": round(t_score, 2), "goals": len(latest)})


@guarded
def refresh_session_review(db: PeopleDatabase, session_id: int) -> None:
    """After going back in a review, bring its T-score up to date (or remove it if no goal is scored any more)."""
    row = fetch_one(db, "SELECT id FROM gas_review WHERE session_id = ?", [session_id])
    if row is not None:
        refresh_review(db, int(row["id"]))


def _reviews(db: PeopleDatabase, where: str, params: list[object]) -> list[GasReview]:
    reviews = fetch_all(db, f"SELECT * FROM gas_review {where} ORDER BY date, id", params)
    ids = [r["id"] for r in reviews]
    scores: dict[int, list[GasScore]] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for row in fetch_all(db, f"SELECT * FROM gas_score WHERE review_id IN ({marks}) ORDER BY id", ids):
            scores.setdefault(row["review_id"], []).append(from_row(GasScore, row))
    return [from_row(GasReview, row, scores=tuple(scores.get(row["id"], []))) for row in reviews]


@guarded
def list_gas_reviews(db: PeopleDatabase, person_id: int) -> list[GasReview]:
    """A person's reviews, oldest first, each with its T-score and every goal's level."""
    return _reviews(db, "WHERE person_id = ?", [person_id])


@guarded
def get_gas_review(db: PeopleDatabase, review_id: int) -> GasReview:
    """One review with its scores, or a RecordsError."""
    require_row(db, "gas_review", review_id, "review")
    return _reviews(db, "WHERE id = ?", [review_id])[0]
