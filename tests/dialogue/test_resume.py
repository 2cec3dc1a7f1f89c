"""A conversation saved after any turn and loaded again carries on exactly as if it had never stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpi_chat.dialogue.engine import Engine, EngineState
from cpi_chat.dialogue.events import Answer
from cpi_chat.dialogue.transcripts import load_transcript
from cpi_chat.errors import FlowError

TRANSCRIPTS = sorted((Path(__file__).resolve().parents[2] / "flows" / "transcripts").glob("*.yaml"))


def _uninterrupted(engine, transcript):
    context = {"name": "Sam", "today": "2026-11-25", **transcript.context}
    state, reply = engine.start(transcript.flow, context)
    states, replies = [state], [reply]
    for turn in transcript.turns:
        state, reply = engine.handle(state, turn.event())
        states.append(state)
        replies.append(reply)
    return states, replies


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.stem)
def test_saving_and_loading_after_any_turn_gives_the_same_replies_and_effects(shipped_engine, path):
    transcript = load_transcript(path)
    events = [turn.event() for turn in transcript.turns]
    states, replies = _uninterrupted(shipped_engine, transcript)
    for stopped_after in range(len(events) + 1):
        state = EngineState.from_json(states[stopped_after].to_json())
        assert state == states[stopped_after]
        shown_again = shipped_engine.resume(state)
        if replies[stopped_after].prompt is not None:
            assert (shown_again.prompt.step, shown_again.prompt.text, shown_again.prompt.options) == (
                replies[stopped_after].prompt.step, replies[stopped_after].prompt.text, replies[stopped_after].prompt.options)
            assert shown_again.progress == replies[stopped_after].progress
        for number, event in enumerate(events[stopped_after:], start=stopped_after + 1):
            state, reply = shipped_engine.handle(state, event)
            assert reply == replies[number], f"turn {number} differs after a resume at turn {stopped_after}"
        assert state == states[-1]


def test_a_saved_state_is_plain_json_text(shipped_engine):
    state, _ = shipped_engine.start("first_session", {"name": "Zoë «Z» O'Brien"})
    text = state.to_json()
    assert isinstance(text, str) and "Zoë «Z» O'Brien" in text
    assert EngineState.from_json(text) == state


def test_resuming_a_finished_conversation_shows_nothing_more(shipped_engine):
    state, reply = shipped_engine.start("overcoming_barriers", {"name": "Ada"})
    state, reply = shipped_engine.handle(state, Answer("Not right now"))
    assert reply.finished
    assert shipped_engine.resume(EngineState.from_json(state.to_json())).finished


def test_resuming_where_an_edited_flow_no_longer_has_the_step_says_so_kindly(shipped_engine, engine_for):
    state, _ = shipped_engine.start("closing", {"name": "Ada"})
    edited = engine_for("""
        id: closing
        title: Your plan
        start: bye
        steps:
          - {id: bye, end: "Bye."}
    """)
    with pytest.raises(FlowError, match="no longer exists"):
        edited.resume(EngineState.from_json(state.to_json()))
    with pytest.raises(FlowError, match="no longer exists"):
        edited.handle(state, Answer("x"))


def test_resume_does_not_repeat_any_saving_effect(shipped_engine):
    state, _ = shipped_engine.start("first_session", {"name": "Ada"})
    for typed in ("1", "my week", "darts"):
        state, reply = shipped_engine.handle(state, Answer(typed))
    assert any(hasattr(e, "key") for e in reply.effects)
    assert Engine.resume(shipped_engine, state).effects == ()


def test_a_long_conversations_saved_state_grows_with_its_length_not_its_square(engine_for):
    steps = "\n".join(f"  - {{id: q{i}, ask: 'Question {i}?'}}" for i in range(150))
    engine = engine_for(f"id: long\ntitle: Long\nstart: q0\nsteps:\n{steps}\n  - {{id: done, end: null}}\n")
    state, _ = engine.start("long", {"name": "Ada"})
    for i in range(150):
        state, _ = engine.handle(state, Answer(f"answer number {i}"))
    assert state.finished
    assert len(state.to_json()) < 60_000
