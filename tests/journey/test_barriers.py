"""A barrier over weeks, on frozen dates: split into parts, each realistic solution a step for the worker, then seen everywhere.

Ravi (fictional) wants to get to a walking group on his own. At a review together the barrier is
split into two parts; each part's realistic solution becomes a small step of the walking goal,
owned by his worker. The steps appear in his printed plan, in the worker panel, and in the next
review together, where the one done since shows as done.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from textual.widgets import Static

from cpi_chat.actions import goals, people, plan, sessions, steps
from cpi_chat.plain import PlainConversation, PlainIO, open_session
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.workspace import Workspace

LONDON = ZoneInfo("Europe/London")
RAVI = "Ravi Test"
BUS_TIMES, RIDE_ALONG = "my worker writes down the bus times", "my worker rides the bus with me the first time"

REVIEW_WITH_A_BARRIER = [
    "skip", "2", "1", "2",  # nothing said to go well; the walking group as expected, keep going, no new step
    "the bus", "getting there",  # what was harder, and where it got stuck
    "1", "1", "getting to the walking group on my own",  # let's talk about it; about me; the barrier
    "2",  # a few things together
    "I don't know the bus times", BUS_TIMES, "1", "2",  # a part, its solution: realistic, my worker does it
    "1", "I'm nervous on the bus alone", RIDE_ALONG, "1", "2",  # another part, the same
    "2", "2",  # no more parts, no other problem
    "1", "2", "skip", "in 2 weeks",  # keep going, no ratings today, no contact, meet in two weeks
]


def at(day: date) -> time_machine.travel:
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=LONDON), tick=False)


def play(workspace: Workspace, day: date, typed: list[str]) -> tuple[str, str]:
    """One session together in plain mode on `day`, typed line by line: everything written, and how it ended."""
    lines = iter(typed)
    shown: list[str] = []
    io = PlainIO(read=lambda _prompt: next(lines, None), write=shown.append)
    with at(day):
        opened = open_session(workspace, io, RAVI, "joint")
        assert opened is not None
        ended = PlainConversation(*opened[:1], io).run(opened[1])
    return "\n".join(shown), ended


@pytest.fixture(scope="module")
def ravi(journey_workspace: Workspace) -> int:
    """Ravi with a walking goal since February, and the review on 1 March that talks his barrier through."""
    with at(date(2027, 2, 15)):
        person = people.add_person(journey_workspace, RAVI)
        goals.add_commitment_goal(journey_workspace, person.id, "Walking group", "every week")
    said, ended = play(journey_workspace, date(2027, 3, 1), REVIEW_WITH_A_BARRIER)
    assert ended == "finished", said[-2000:]
    return person.id


def test_each_realistic_solution_became_a_step_of_the_goal_owned_by_the_worker(journey_workspace: Workspace, ravi: int) -> None:
    (walking,) = goals.goals_of(journey_workspace, ravi)
    assert [(s.text, s.owner, s.done, s.solution_id is not None) for s in walking.steps] == [
        (BUS_TIMES, "worker", False, True), (RIDE_ALONG, "worker", False, True)]


def test_the_printed_plan_shows_the_barrier_its_parts_and_the_workers_steps(journey_workspace: Workspace, ravi: int) -> None:
    with at(date(2027, 3, 2)):
        printed = plan.plan_text(journey_workspace, ravi, "md")
    barriers = printed[printed.index("## What might stop me, and what will help"):printed.index("## Who to contact")]
    assert "### getting to the walking group on my own\n\nThis could stop: Walking group." in barriers
    assert f"- I don't know the bus times. **What will help:** {BUS_TIMES}. **Who:** My worker." in barriers
    assert f"- I'm nervous on the bus alone. **What will help:** {RIDE_ALONG}. **Who:** My worker." in barriers
    assert f"- [ ] {BUS_TIMES}. **Who:** My worker." in printed, "and each is a small step of the goal" 


async def test_the_worker_panel_shows_each_goals_barrier_parts_and_steps_with_their_owner(
        journey_workspace: Workspace, ravi: int) -> None:
    with at(date(2027, 3, 8)):
        app = CpiChatApp(journey_workspace, person_name=RAVI, mode="joint")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ConversationScreen), app.screen
            await pilot.press("f2")
            await pilot.pause()
            shown = str(app.screen.query_one("#barriers", Static).render()).splitlines()
            await pilot.press("escape")
            await pilot.pause()
    assert shown == [
        "Walking group:",
        "  Barrier: getting to the walking group on my own",
        "    Part: I don't know the bus times",
        f"      Step: {BUS_TIMES} (worker, to do)",
        "    Part: I'm nervous on the bus alone",
        f"      Step: {RIDE_ALONG} (worker, to do)",
    ]


def test_the_next_review_opens_with_what_was_agreed_and_the_step_done_since(journey_workspace: Workspace, ravi: int) -> None:
    (walking,) = goals.goals_of(journey_workspace, ravi)
    with at(date(2027, 3, 9)):
        steps.tick_step(journey_workspace, ravi, walking.steps[0].id)  # the worker wrote the bus times down
    if (left := sessions.session_to_carry_on(journey_workspace, ravi, alone=False)) is not None:
        sessions.start_afresh(journey_workspace, left.id)  # the worker panel's visit was left part-way
    said, _ended = play(journey_workspace, date(2027, 3, 15), ["quit"])
    opening = said[said.index("Since we last met, on 1 March 2027:"):said.index("Let's look back")]
    assert f"Small step done: {BUS_TIMES} (9 March)." in opening
    agreed = opening[opening.index("What might get in the way, and what we agreed to do about it:"):]
    assert "getting to the walking group on my own, for Walking group:" in agreed
    assert f"I don't know the bus times: {BUS_TIMES}. Who: my worker. Done." in agreed
    assert f"I'm nervous on the bus alone: {RIDE_ALONG}. Who: my worker. To do." in agreed
