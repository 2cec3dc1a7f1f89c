"""The person can see where they are in the session: 'part 2 of 5: Finding groups'."""

from __future__ import annotations

from cpi_chat.dialogue.engine import Progress
from cpi_chat.dialogue.events import Answer, Pick, Skip

CONTEXT = {"name": "Ada", "today": "2026-11-25"}


def _to_finding_groups(engine):
    state, reply = engine.start("joint_session", CONTEXT)
    assert str(reply.progress) == "part 1 of 5: Getting to know you"
    for event in (Pick(0), Skip(), Answer("football"), Skip(), Skip(), Skip(), Skip(), Pick(1)):
        state, reply = engine.handle(state, event)
    return state, reply


def test_a_whole_session_shows_which_of_its_five_parts_is_running(shipped_engine):
    _state, reply = _to_finding_groups(shipped_engine)
    assert reply.prompt.flow == "finding_assets"
    assert reply.progress == Progress(2, 5, "Finding groups")
    assert str(reply.progress) == "part 2 of 5: Finding groups"


def test_progress_is_the_same_after_help_a_slip_and_a_resume(shipped_engine):
    state, _reply = _to_finding_groups(shipped_engine)
    assert shipped_engine.progress(state) == Progress(2, 5, "Finding groups")
    assert shipped_engine.resume(state).progress == Progress(2, 5, "Finding groups")


def test_a_flow_nested_inside_a_part_counts_as_that_part(shipped_engine):
    state, _reply = shipped_engine.start("joint_session", CONTEXT)
    state.stack[-1].step = "interests_now"
    state.stack[0].step = "goals"
    state.stack[1].via = "goals"
    assert str(shipped_engine.progress(state)) == "part 3 of 5: Setting goals"


def test_a_single_flow_is_one_part_named_by_its_title(shipped_engine):
    _, reply = shipped_engine.start("closing", CONTEXT)
    assert str(reply.progress) == "part 1 of 1: Your plan"


def test_a_flow_that_asks_its_own_questions_and_calls_others_stays_one_part(shipped_engine):
    state, reply = shipped_engine.start("review", CONTEXT)
    assert str(reply.progress) == "part 1 of 1: Looking back together"
    state, reply = shipped_engine.handle(state, Answer("I went twice"))
    state, reply = shipped_engine.handle(state, Answer("the bus"))
    state, reply = shipped_engine.handle(state, Skip())
    assert reply.prompt.flow == "overcoming_barriers"
    assert str(reply.progress) == "part 1 of 1: Looking back together"
