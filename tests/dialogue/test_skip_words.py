"""The engine mentions skipping only on a step the person may skip."""

from __future__ import annotations

from cpi_chat.dialogue.events import Answer, Pick, Skip

CONTEXT = {"name": "Sam", "today": "2026-11-25"}


def suggestions(optional: bool) -> str:
    return f"""
    id: s
    title: S
    start: suggest
    steps:
      - id: suggest
        suggest_assets: {{query: "knitting"}}
        optional: {str(optional).lower()}
      - {{id: done, end: "Done."}}
    """


def test_suggestions_that_must_be_answered_ask_for_a_pick_or_own_words_not_a_skip(engine_for):
    engine = engine_for(suggestions(optional=False))
    state, _ = engine.start("s", CONTEXT)
    _state, reply = engine.handle(state, Answer(""))
    assert reply.prompt is not None
    assert "skip" not in reply.prompt.problem.lower()
    assert "type" in reply.prompt.problem.lower()


def test_suggestions_that_may_be_skipped_still_say_so_when_no_group_was_picked(engine_for):
    engine = engine_for(suggestions(optional=True))
    state, _ = engine.start("s", CONTEXT)
    _state, reply = engine.handle(state, Pick(0))
    assert reply.prompt is not None and "skip" in reply.prompt.problem.lower()


def test_a_skip_on_a_step_that_cannot_be_skipped_is_refused_and_keeps_the_question(engine_for):
    engine = engine_for(suggestions(optional=False))
    state, _ = engine.start("s", CONTEXT)
    after, reply = engine.handle(state, Skip())
    assert reply.prompt is not None and reply.prompt.step == "suggest" and reply.prompt.problem
    assert after.answers == {}
