"""The person is in charge: they can go back, skip what is optional, ask for help, stop, and get a kind word for a slip."""

from __future__ import annotations

from cpi_chat.dialogue.effects import EndSession, SaveInterest, SaveNote, SuggestAssets, Withdraw
from cpi_chat.dialogue.engine import DEFAULT_EASY_HELP, DEFAULT_HELP
from cpi_chat.dialogue.events import Answer, Back, Help, Pick, PickAsset, Skip, Stop

CONTEXT = {"name": "Ada", "today": "2026-11-25"}

FLOW = """
    id: nav
    title: Getting to know you
    start: now
    steps:
      - {id: now, ask: "What do you enjoy now?", help: "Anything counts, {name}."}
      - {id: keep_now, record: {kind: interest, text: "{now}", when: present}}
      - {id: past, ask: "What did you use to enjoy?", optional: true}
      - {id: keep_past, record: {kind: interest, text: "{past}", when: past}}
      - {id: note, record: {kind: note, text: "Past: {past}"}}
      - {id: age, ask: "How many times a week?", validate: number, min: 0, max: 14}
      - {id: done, end: "Thank you."}
"""


def _play(engine, *events):
    state, reply = engine.start("nav", CONTEXT)
    effects = list(reply.effects)
    for event in events:
        state, reply = engine.handle(state, event)
        effects.extend(reply.effects)
    return state, reply, effects


def test_back_returns_to_the_question_before_and_withdraws_every_effect_saved_since(engine_for):
    engine = engine_for(FLOW)
    state, reply, effects = _play(engine, Answer("chess"), Answer("rowing"))
    assert reply.prompt.step == "age"
    past_interest, past_note = effects[-2:]
    assert isinstance(past_interest, SaveInterest) and isinstance(past_note, SaveNote)
    state, reply = engine.handle(state, Back())
    assert reply.prompt.step == "past"
    assert reply.effects == (Withdraw(past_note.key), Withdraw(past_interest.key))
    assert "past" not in state.answers and state.answers["now"] == "chess"


def test_going_back_shows_the_earlier_answer_so_it_can_be_changed(engine_for):
    engine = engine_for(FLOW)
    _state, reply, _ = _play(engine, Answer("chess"), Answer("rowing"), Back())
    assert reply.prompt.previous == "rowing"


def test_going_back_twice_undoes_two_answers(engine_for):
    engine = engine_for(FLOW)
    state, reply, effects = _play(engine, Answer("chess"), Answer("rowing"), Back(), Back())
    assert reply.prompt.step == "now"
    withdrawn = {e.key for e in effects if isinstance(e, Withdraw)}
    saved = {e.key for e in effects if hasattr(e, "key") and not isinstance(e, Withdraw)}
    assert withdrawn == saved
    assert state.answers == {}


def test_an_effect_key_is_never_used_again_after_going_back(engine_for):
    engine = engine_for(FLOW)
    _state, _reply, effects = _play(engine, Answer("chess"), Back(), Answer("chess"))
    saves = [e for e in effects if isinstance(e, SaveInterest)]
    assert len(saves) == 2 and saves[0].key != saves[1].key


def test_back_at_the_first_question_stays_there_with_a_notice(engine_for):
    engine = engine_for(FLOW)
    _state, reply, _effects = _play(engine, Back())
    assert reply.prompt.step == "now" and reply.notice and not reply.effects


def test_back_out_of_a_called_flow_returns_to_the_calling_flows_question(engine_for):
    engine = engine_for(
        """
        id: outer
        title: Outer
        start: first
        steps:
          - {id: first, ask: "First?"}
          - {id: part, call: inner}
          - {id: done, end: null}
        """,
        """
        id: inner
        title: Inner
        start: second
        steps:
          - {id: second, ask: "Second?"}
          - {id: bye, end: null}
        """,
    )
    state, reply = engine.start("outer", CONTEXT)
    state, reply = engine.handle(state, Answer("one"))
    assert reply.prompt.flow == "inner"
    state, reply = engine.handle(state, Back())
    assert (reply.prompt.flow, reply.prompt.step) == ("outer", "first")
    assert [frame.flow for frame in state.stack] == ["outer"]


def test_going_back_to_suggestions_asks_for_the_same_search_again(engine_for):
    engine = engine_for("""
        id: s
        title: S
        start: pick
        steps:
          - {id: pick, suggest_assets: {query: football}, answer: chosen}
          - {id: why, ask: "Why that one?"}
          - {id: done, end: null}
    """)
    state, reply = engine.start("s", CONTEXT)
    state, reply = engine.handle(state, PickAsset("wf", "Walking Football"))
    state, reply = engine.handle(state, Back())
    assert reply.effects == (SuggestAssets(query="football"),)
    assert reply.prompt.previous == "Walking Football"


def test_an_optional_question_can_be_skipped_and_its_answer_is_left_empty(engine_for):
    engine = engine_for(FLOW)
    state, reply, _effects = _play(engine, Answer("chess"), Skip())
    assert reply.prompt.step == "age" and state.answers["past"] == ""


def test_pressing_enter_on_an_optional_question_skips_it(engine_for):
    engine = engine_for(FLOW)
    _state, reply, _ = _play(engine, Answer("chess"), Answer("   "))
    assert reply.prompt.step == "age" and not reply.prompt.problem


def test_a_question_that_is_not_optional_cannot_be_skipped_and_stays_put(engine_for):
    engine = engine_for(FLOW)
    state, reply = engine.start("nav", CONTEXT)
    after, reply = engine.handle(state, Skip())
    assert reply.prompt.step == "now" and "can't be skipped" in reply.prompt.problem
    assert after.to_json() == state.to_json()


def test_help_shows_the_steps_own_help_and_changes_nothing(engine_for):
    engine = engine_for(FLOW)
    state, reply = engine.start("nav", CONTEXT)
    after, reply = engine.handle(state, Help())
    assert reply.prompt.help == "Anything counts, Ada." and reply.prompt.step == "now"
    assert after.to_json() == state.to_json() and reply.effects == ()


def test_help_on_a_step_without_its_own_help_gives_the_general_help(engine_for):
    engine = engine_for(FLOW)
    _state, reply, _ = _play(engine, Answer("chess"), Help())
    assert reply.prompt.help == DEFAULT_HELP


def test_stop_ends_the_conversation_at_once_and_says_it_was_stopped(engine_for):
    engine = engine_for(FLOW)
    state, reply, _ = _play(engine, Answer("chess"), Stop())
    assert reply.finished and reply.effects == (EndSession("stopped"),)
    assert state.outcome == "stopped" and state.finished
    state, reply = engine.handle(state, Answer("more"))
    assert reply.finished and reply.notice and reply.effects == ()


def test_a_wrong_answer_gets_a_kind_explanation_and_the_same_question_again(engine_for):
    engine = engine_for(FLOW)
    state, reply, _ = _play(engine, Answer("chess"), Skip())
    after, reply = engine.handle(state, Answer("lots"))
    assert reply.prompt.step == "age" and reply.prompt.text == "How many times a week?"
    assert reply.prompt.problem.startswith("Sorry") and "number" in reply.prompt.problem
    assert reply.effects == () and after.to_json() == state.to_json()
    after, reply = engine.handle(state, Answer("20"))
    assert "no bigger than 14" in reply.prompt.problem


def test_a_choose_step_explains_when_a_pick_is_not_one_of_its_options(engine_for):
    engine = engine_for("""
        id: c
        title: C
        start: q
        steps:
          - {id: q, say: "Tea or coffee?", choose: [{label: Tea}, {label: Coffee}]}
          - {id: done, end: null}
    """)
    state, _ = engine.start("c", CONTEXT)
    for event in (Pick(5), Pick(-1), Answer("juice"), PickAsset("x", "y")):
        _, reply = engine.handle(state, event)
        assert reply.prompt.step == "q" and reply.prompt.problem


def test_handling_an_event_never_changes_the_state_it_was_given(engine_for):
    engine = engine_for(FLOW)
    state, _, _ = _play(engine, Answer("chess"))
    before = state.to_json()
    for event in (Answer("rowing"), Skip(), Back(), Stop(), Help()):
        engine.handle(state, event)
        assert state.to_json() == before


def test_general_help_is_in_easy_read_words_when_the_person_needs_them(engine_for):
    engine = engine_for(FLOW)
    state, _ = engine.start("nav", {**CONTEXT, "easy_read": "yes"})
    state, _ = engine.handle(state, Answer("chess"))
    _, reply = engine.handle(state, Help())
    assert reply.prompt.help == DEFAULT_EASY_HELP


def test_a_date_question_still_works_when_the_session_gave_no_usable_today(engine_for):
    engine = engine_for("""
        id: d
        title: D
        start: when
        steps:
          - {id: when, ask: "When?", validate: date}
          - {id: done, end: null}
    """)
    state, _ = engine.start("d", {"name": "Ada", "today": "not a date"})
    state, reply = engine.handle(state, Answer("2027-01-31"))
    assert state.answers["when"] == "2027-01-31" and reply.finished
