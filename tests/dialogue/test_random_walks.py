"""Random walks through every shipped flow (random answers, picks, back, skip, help, stop) never crash or get stuck."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpi_chat.dialogue.effects import Withdraw
from cpi_chat.dialogue.engine import INTERACTIVE_STEPS, EngineState
from cpi_chat.dialogue.events import Answer, Back, Help, Pick, PickAsset, Skip, Stop
from cpi_chat.dialogue.loader import load_flows

FLOWS_DIR = Path(__file__).resolve().parents[2] / "flows"
FLOW_IDS = sorted(load_flows(FLOWS_DIR))
MAX_TURNS = 60
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
sensible = st.sampled_from(["yes", "no", "3", "in 3 months", "14/03/2027", "football", "{name}", "", "  ", "1", "2"])
typed = st.one_of(sensible, words)


def _event(data, prompt):
    kind = data.draw(st.sampled_from(["answer"] * 6 + ["pick"] * 3 + ["back", "back", "skip", "skip", "help", "stop"]))
    match kind:
        case "answer" if prompt.kind == "choose" and prompt.options and data.draw(st.booleans()):
            return Answer(data.draw(st.sampled_from(prompt.options)))
        case "answer":
            return Answer(data.draw(typed))
        case "pick" if prompt.kind == "suggest":
            return PickAsset(data.draw(words), data.draw(words))
        case "pick":
            return Pick(data.draw(st.integers(-1, len(prompt.options) + 1)))
        case "back":
            return Back()
        case "skip":
            return Skip()
        case "help":
            return Help()
    return Stop()


def _context(data, flow):
    context = {"name": data.draw(words), "today": "2026-11-25", "easy_read": data.draw(st.sampled_from(["yes", ""]))}
    for name in flow.inputs:
        context[name] = data.draw(typed)
    context["goal_kind"] = data.draw(st.sampled_from(["commitment", "target", ""]))
    context["goal_id"] = data.draw(st.sampled_from(["7", "", "x", "²"]))
    return context


@pytest.mark.parametrize("flow_id", FLOW_IDS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_random_walk_never_crashes_and_always_ends_or_waits_for_input(shipped_engine, flow_id, data):
    engine = shipped_engine
    state, reply = engine.start(flow_id, _context(data, engine.flows[flow_id]))
    standing: set[str] = set()
    used: set[str] = set()
    for _ in range(MAX_TURNS):
        for effect in reply.effects:
            key = getattr(effect, "key", "")
            if isinstance(effect, Withdraw):
                assert key in standing, "only something saved and still standing is withdrawn"
                standing.discard(key)
            elif key:
                assert key not in used, "a key is never given to two effects"
                used.add(key)
                standing.add(key)
        if reply.prompt is None:
            assert state.finished
            return
        assert not state.finished
        frame = state.stack[-1]
        step = engine.flows[frame.flow].step(frame.step)
        assert isinstance(step, INTERACTIVE_STEPS) and reply.prompt.step == step.id
        assert EngineState.from_json(state.to_json()) == state
        state, reply = engine.handle(state, _event(data, reply.prompt))
