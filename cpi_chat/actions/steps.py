"""Small steps outside a conversation: tick one done (or take the tick back), add one to a goal, say one in new words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.model import Goal, SmallStep, StepOwner
    from cpi_chat.workspace import Workspace

ALREADY_TICKED = "That step is already ticked. Well done!"
NOT_TICKED = "That step is not ticked yet, so there is nothing to take back."
NOT_THEIR_STEP = "Step {step_id} is not one of {name}'s small steps; `cpi-chat goals list` shows them."
GOAL_CLOSED = "This goal is {status}. Reopen it first to add or change its small steps."
NAME_WHO = "Who is the someone else? Give their name, so everyone knows who does this step."
CLOSED_WORDS = {"achieved": "done", "dropped": "stopped"}


def refuse_changing_steps_of(goal: Goal) -> None:
    """The rule: a goal that is done or stopped keeps its steps as they were, until it is reopened."""
    if goal.status in CLOSED_WORDS:
        raise Refused(GOAL_CLOSED.format(status=CLOSED_WORDS[goal.status]))


def refuse_a_tick(step: SmallStep, done: bool) -> None:
    """The rule: a tick is given once, and taken back only when there is one."""
    if done and step.done:
        raise Refused(ALREADY_TICKED)
    if not done and not step.done:
        raise Refused(NOT_TICKED)


def their_step(workspace: Workspace, person_id: int, step_id: int) -> tuple[SmallStep, Goal]:
    """The small step with this id and its goal, refused kindly when it is someone else's."""
    step = records.get_step(workspace.db, step_id)
    goal = records.get_goal(workspace.db, step.goal_id)
    if goal.person_id != person_id:
        name = records.get_person(workspace.db, person_id).name
        raise Refused(NOT_THEIR_STEP.format(step_id=step_id, name=name))
    return step, goal


def tick_step(workspace: Workspace, person_id: int, step_id: int, done: bool = True, on: date | None = None) -> SmallStep:
    """Tick a small step done today (or take the tick back with done=False)."""
    db = workspace.db
    with records.transaction(db):
        step, goal = their_step(workspace, person_id, step_id)
        refuse_changing_steps_of(goal)
        refuse_a_tick(step, done)
        return records.set_step_done(db, step_id, done, on=on)


def add_step(workspace: Workspace, person_id: int, goal_id: int, text: str, owner: StepOwner = "person",
             owner_name: str = "") -> SmallStep:
    """Add a small step at the end of a goal's list: whose it is, and for 'someone else' their name."""
    from cpi_chat.actions.checkins import their_goal

    if owner == "someone_else" and not owner_name.strip():
        raise Refused(NAME_WHO)
    db = workspace.db
    with records.transaction(db):
        refuse_changing_steps_of(their_goal(workspace, person_id, goal_id))
        step_id = records.save_small_step(db, person_id, None, None, text, owner, goal_id=goal_id, owner_name=owner_name)
        return records.get_step(db, step_id)


def change_step(workspace: Workspace, person_id: int, step_id: int, text: str) -> SmallStep:
    """Say a small step in new words (its tick and its place in the list stay)."""
    db = workspace.db
    with records.transaction(db):
        _step, goal = their_step(workspace, person_id, step_id)
        refuse_changing_steps_of(goal)
        return records.change_step_words(db, step_id, text)
