"""Goal Attainment Scaling outside a conversation: the levels agreed for a goal, scoring goals at a review, T-scores over time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.gas import GasLevel
    from cpi_chat.records.model import GasReview
    from cpi_chat.workspace import Workspace

NOTHING_SCORED = "Score at least one goal, from -2 (much less than expected) to +2 (much more)."
STOPPED_NOT_SCORED = "Goal {goal_id} was stopped, so it is not scored; reopen it first if it is being worked on again."


def goal_levels(workspace: Workspace, goal_id: int, easy_read: bool = False) -> tuple[GasLevel, ...]:
    """A goal's five levels, -2 to +2, in the words agreed (plain words where none were)."""
    from cpi_chat.records.gas import goal_levels as levels_of

    return levels_of(records.get_goal(workspace.db, goal_id), easy_read)


def agree_levels(workspace: Workspace, person_id: int, goal_id: int, baseline: int = -1, **words: str) -> tuple[GasLevel, ...]:
    """Keep the words agreed for a goal's levels (much_less, somewhat_less, expected, somewhat_more, much_more)."""
    from cpi_chat.actions.checkins import their_goal

    db = workspace.db
    with records.transaction(db):
        their_goal(workspace, person_id, goal_id)
        records.save_goal_levels(db, person_id, None, None, goal_id=goal_id, baseline=baseline, **words)
    return goal_levels(workspace, goal_id)


def score_goals(workspace: Workspace, person_id: int, levels: dict[int, int], on: date | None = None) -> GasReview:
    """Score goals at a review held outside a conversation (-2 to +2 each): one review, with its T-score kept."""
    from cpi_chat.actions.checkins import their_goal

    if not levels:
        raise Refused(NOTHING_SCORED)
    db = workspace.db
    with records.transaction(db):
        for goal_id in levels:
            if their_goal(workspace, person_id, goal_id).status == "dropped":
                raise Refused(STOPPED_NOT_SCORED.format(goal_id=goal_id))
        return records.add_gas_review(db, person_id, levels, on)


def reviews(workspace: Workspace, person_id: int) -> list[GasReview]:
    """Every review's T-score and each goal's level, oldest first."""
    return records.list_gas_reviews(workspace.db, person_id)


def t_scores_in_words(workspace: Workspace, person_id: int) -> list[str]:
    """The T-score of each review over time, in words, with each goal's level ('12 April 2027: 62. Goals: ...')."""
    from cpi_chat.records.gas import level_with_sign
    from cpi_chat.words import iso_in_words

    goals = {goal.id: goal.what for goal in records.list_goals(workspace.db, person_id)}
    lines = []
    for review in reviews(workspace, person_id):
        scored = ", ".join(f"{goals.get(s.goal_id, 'a goal')} {level_with_sign(s.level)}" for s in review.scores)
        lines.append(f"{iso_in_words(review.date)}: {review.t_score:.0f} ({scored}).")
    return lines
