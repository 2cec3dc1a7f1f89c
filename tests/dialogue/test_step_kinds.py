"""Each kind of step does what a flow writer expects: say, ask, choose, suggest_assets, set_goal, record, branch, call, end."""

from __future__ import annotations

import pytest

from cpi_chat.dialogue.effects import (
    EndSession,
    SaveBarrier,
    SaveConnection,
    SaveGoal,
    SaveInterest,
    SaveNote,
    SaveRating,
    SaveSmallStep,
    SaveSolution,
    SuggestAssets,
)
from cpi_chat.dialogue.events import Answer, Pick, PickAsset, Skip

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

TODAY = "2026-11-25"

CONTEXT = {"name": "Ada", "today": TODAY}


def test_say_steps_are_shown_in_order_and_the_flow_goes_straight_on(engine_for):
    engine = engine_for("""
        id: hello
        title: Hello
        start: one
        steps:
          - {id: one, say: "Hello {name}."}
          - {id: two, say: "Nice to meet you."}
          - {id: question, ask: "How are you?"}
    """)
    _state, reply = engine.start("hello", CONTEXT)
    assert reply.messages == ("Hello Ada.", "Nice to meet you.")
    assert reply.prompt is not None and reply.prompt.step == "question"


def test_an_ask_step_waits_and_keeps_the_typed_words_under_its_answer_name(engine_for):
    engine = engine_for("""
        id: a
        title: A
        start: hobby
        steps:
          - {id: hobby, ask: "What do you enjoy?", answer: enjoys, placeholder: "For example: {name}'s garden"}
          - {id: echo, say: "You enjoy {enjoys}."}
          - {id: stop_here, end: null}
    """)
    state, reply = engine.start("a", CONTEXT)
    assert reply.prompt.kind == "ask" and reply.prompt.text == "What do you enjoy?"
    assert reply.prompt.placeholder == "For example: Ada's garden"
    state, reply = engine.handle(state, Answer("  knitting  "))
    assert state.answers["enjoys"] == "knitting"
    assert reply.messages == ("You enjoy knitting.",)
    assert reply.finished


@pytest.mark.parametrize(
    ("validate", "extra", "typed", "kept"),
    [
        ("number", "min: 0, max: 10", "about 7", "7"),
        ("number", "", "five", "5"),
        ("date", "", "in 3 months", "2027-02-25"),
        ("date", "", "14/03/2027", "2027-03-14"),
        ("yes_no", "", "yeah", "yes"),
        ("yes_no", "", "nope", "no"),
        ("choice", "options: [Morning, Afternoon]", "2", "Afternoon"),
        ("choice", "options: [Morning, Afternoon]", "morn", "Morning"),
    ],
)
def test_a_validated_answer_is_kept_in_a_standard_form(engine_for, validate, extra, typed, kept):
    engine = engine_for(f"""
        id: v
        title: V
        start: q
        steps:
          - {{id: q, ask: "Tell me", validate: {validate}{', ' + extra if extra else ''}}}
          - {{id: done, end: null}}
    """)
    state, _ = engine.start("v", CONTEXT)
    state, reply = engine.handle(state, Answer(typed))
    assert state.answers["q"] == kept
    assert reply.finished


def test_a_choice_question_can_also_be_answered_by_picking_an_option(engine_for):
    engine = engine_for("""
        id: v
        title: V
        start: q
        steps:
          - {id: q, ask: "Morning or afternoon?", validate: choice, options: [Morning, Afternoon]}
          - {id: done, end: null}
    """)
    state, reply = engine.start("v", CONTEXT)
    assert reply.prompt.options == ("Morning", "Afternoon")
    state, reply = engine.handle(state, Pick(1))
    assert state.answers["q"] == "Afternoon"


CHOOSE = """
    id: c
    title: C
    start: how
    steps:
      - id: how
        say: "How shall we go, {name}?"
        easy_read: "How will you go?"
        answer: travel
        choose:
          - {label: "By bus", easy_read: "Bus", value: bus, next: bus}
          - {label: "On foot"}
      - {id: walk, end: "Walking it is: {travel}."}
      - {id: bus, end: "The bus it is: {travel}."}
"""


@pytest.mark.parametrize("event", [Pick(0), Answer("1"), Answer("by bus"), Answer("By")])
def test_a_choose_step_takes_a_pick_its_number_or_its_words_and_follows_the_option(engine_for, event):
    engine = engine_for(CHOOSE)
    state, reply = engine.start("c", CONTEXT)
    assert reply.prompt.kind == "choose"
    assert reply.prompt.options == ("By bus", "On foot")
    state, reply = engine.handle(state, event)
    assert reply.messages == ("The bus it is: bus.",)


def test_an_option_without_next_or_value_keeps_its_label_and_goes_to_the_step_below(engine_for):
    engine = engine_for(CHOOSE)
    state, _ = engine.start("c", CONTEXT)
    state, reply = engine.handle(state, Pick(1))
    assert reply.messages == ("Walking it is: On foot.",)


def test_easy_read_changes_the_question_and_the_option_words(engine_for):
    engine = engine_for(CHOOSE)
    state, reply = engine.start("c", {**CONTEXT, "easy_read": "yes"})
    assert reply.prompt.text == "How will you go?"
    assert reply.prompt.options == ("Bus", "On foot")
    state, reply = engine.handle(state, Answer("bus"))
    assert state.answers["travel"] == "bus"


SUGGEST = """
    id: s
    title: S
    start: what
    steps:
      - {id: what, ask: "What shall we look for?"}
      - {id: free, ask: "Free only?", validate: yes_no}
      - id: suggest
        say: "Here are groups for {what}."
        suggest_assets: {query: "{what}", area: "{where}", day: "", free: "{free}", accessible: true, limit: 3}
        answer: chosen_asset
      - {id: done, end: "You chose {chosen_asset} ({chosen_asset_id})."}
"""


def test_suggest_assets_asks_the_session_to_search_with_the_earlier_answers(engine_for):
    engine = engine_for(SUGGEST)
    state, _ = engine.start("s", {**CONTEXT, "where": "Riverside"})
    state, _ = engine.handle(state, Answer("footy"))
    state, reply = engine.handle(state, Answer("yes"))
    search = SuggestAssets(query="footy", area="Riverside", day=None, free=True, accessible=True, limit=3)
    assert reply.effects == (search,)
    assert reply.prompt.kind == "suggest" and reply.prompt.search == search
    assert reply.prompt.text == "Here are groups for footy."


def test_picking_a_suggested_asset_keeps_its_name_and_its_id(engine_for):
    engine = engine_for(SUGGEST)
    state, _ = engine.start("s", CONTEXT)
    state, _ = engine.handle(state, Answer("footy"))
    state, _ = engine.handle(state, Answer("no"))
    state, reply = engine.handle(state, PickAsset("walking-football", "Walking Football"))
    assert reply.messages == ("You chose Walking Football (walking-football).",)


def test_typing_instead_of_picking_keeps_the_persons_own_words_with_no_id(engine_for):
    engine = engine_for(SUGGEST)
    state, _ = engine.start("s", CONTEXT)
    state, _ = engine.handle(state, Answer("footy"))
    state, _ = engine.handle(state, Answer("no"))
    state, _reply = engine.handle(state, Answer("my cousin's five-a-side"))
    assert state.answers["chosen_asset"] == "my cousin's five-a-side"
    assert state.answers["chosen_asset_id"] == ""


def test_skipping_the_suggestions_leaves_the_name_and_the_id_empty(engine_for):
    engine = engine_for(SUGGEST)
    state, _ = engine.start("s", CONTEXT)
    state, _ = engine.handle(state, Answer("footy"))
    state, _ = engine.handle(state, Answer("no"))
    state, reply = engine.handle(state, Skip())
    assert state.answers["chosen_asset"] == "" and state.answers["chosen_asset_id"] == ""
    assert reply.finished


GOAL = """
    id: g
    title: G
    start: what
    steps:
      - {id: what, ask: "What will you go to?"}
      - {id: by, ask: "By when?", validate: date}
      - id: save
        set_goal: {kind: commitment, what: "{what}", how_often: "every week", asset_id: "{asset}", by_when: "{by}"}
        say: "Your goal: {what}."
      - {id: step_one, record: {kind: small_step, text: "Ring {what}", owner: "my worker"}}
      - {id: done, end: null}
"""


def test_set_goal_saves_the_goal_and_later_small_steps_belong_to_it(engine_for):
    engine = engine_for(GOAL)
    state, _ = engine.start("g", {**CONTEXT, "asset": "kick-1"})
    state, _ = engine.handle(state, Answer("kick-boxing"))
    state, reply = engine.handle(state, Answer("next month"))
    goal, step, end = reply.effects
    assert goal == SaveGoal(key=goal.key, kind="commitment", what="kick-boxing", how_often="every week",
                            asset_id="kick-1", by_when="2026-12-25")
    assert step == SaveSmallStep(key=step.key, text="Ring kick-boxing", owner="worker", goal_key=goal.key)
    assert goal.key != step.key
    assert end == EndSession("completed")
    assert reply.messages == ("Your goal: kick-boxing.",)


RECORDS = """
    id: r
    title: R
    start: words
    steps:
      - {id: words, ask: "Say something"}
      - {id: interest, record: {kind: interest, text: "{words}", when: past}}
      - {id: person, record: {kind: connection, text: "{words}", connection: place}}
      - {id: note, record: {kind: note, text: "Note: {words}", private: true, remind_on: "{today}"}}
      - {id: whole, record: {kind: barrier, text: "{words}", owner: service}}
      - {id: part_a, record: {kind: barrier, text: "part a", part_of: first}}
      - {id: fix_a, record: {kind: solution, text: "fix a", realistic: "no"}}
      - {id: part_b, record: {kind: barrier, text: "part b", part_of: last}}
      - {id: fix_b, record: {kind: solution, text: "fix b"}}
      - {id: task, record: {kind: small_step, text: "a task", owner: "someone else", goal: given}}
      - {id: went, record: {kind: checkin, attended: "yes", feeling: "good"}}
      - {id: missed, record: {kind: checkin, attended: "no"}}
      - {id: away, record: {kind: checkin, attended: "paused"}}
      - {id: rated, record: {kind: rating, topic: mood, score: "4", text: "{words}"}}
      - {id: done, end: null}
"""


def test_record_steps_save_every_kind_of_record_with_rendered_words(engine_for):
    engine = engine_for(RECORDS)
    state, _ = engine.start("r", {**CONTEXT, "goal_id": "42", "mode": "joint"})
    state, reply = engine.handle(state, Answer("the bus"))
    saved = [e for e in reply.effects if not isinstance(e, EndSession)]
    keys = [e.key for e in saved]
    assert len(set(keys)) == len(keys)
    (interest, place, note, whole, part_a, fix_a, part_b, fix_b, task, went, missed, away, rated) = saved
    assert interest == SaveInterest(interest.key, "the bus", "past")
    assert place == SaveConnection(place.key, "the bus", "place")
    assert note == SaveNote(note.key, "Note: the bus", private=True, remind_on=TODAY)
    assert whole == SaveBarrier(whole.key, "the bus", owner="service", parent_key="", goal_id=42)  # tied to the goal given
    assert part_a.parent_key == whole.key and part_b.parent_key == part_a.key
    assert fix_a == SaveSolution(fix_a.key, barrier_key=part_a.key, text="fix a", realistic=False, chosen=False)
    assert fix_b == SaveSolution(fix_b.key, barrier_key=part_b.key, text="fix b", realistic=True, chosen=True)
    assert task == SaveSmallStep(task.key, "a task", owner="someone_else", goal_key="", goal_id=42)
    assert (went.attended, went.paused, went.feeling, went.goal_id, went.by) == (True, False, "good", 42, "worker")
    assert (missed.attended, missed.paused) == (False, False)
    assert (away.attended, away.paused) == (None, True)
    assert rated == SaveRating(rated.key, topic="mood", score=4, words="the bus")


def test_a_rating_from_words_that_are_not_a_number_counts_as_not_given_instead_of_crashing(engine_for):
    engine = engine_for("""
        id: r
        title: R
        start: how
        steps:
          - {id: how, ask: "How are things, 1 to 5?"}
          - {id: rated, record: {kind: rating, topic: mood, score: "{how}"}}
          - {id: done, end: null}
    """)
    state, _ = engine.start("r", CONTEXT)
    state, reply = engine.handle(state, Answer("pretty good really"))
    assert isinstance(reply.effects[0], SaveRating) and reply.effects[0].score == 0
    state, _ = engine.start("r", CONTEXT)
    state, reply = engine.handle(state, Answer("9"))
    assert reply.effects[0].score == 5


BRANCH = """
    id: b
    title: B
    start: q
    steps:
      - {id: q, ask: "Anything?", optional: true}
      - id: route
        branch:
          - {when: {answer: q, is_empty: true}, next: empty}
          - {when: {answer: q, equals: "Yes"}, next: said_yes}
          - {when: {answer: q, in: [maybe, perhaps]}, next: unsure}
          - {when: {answer: q, above: 10}, next: big}
          - {when: {answer: q, below: 0}, next: negative}
        otherwise: other
      - {id: empty, end: empty}
      - {id: said_yes, end: "yes"}
      - {id: unsure, end: unsure}
      - {id: big, end: big}
      - {id: negative, end: negative}
      - {id: other, end: other}
"""


@pytest.mark.parametrize(
    ("typed", "ending"),
    [(None, "empty"), ("yes", "yes"), ("Perhaps", "unsure"), ("11", "big"), ("-2", "negative"), ("5", "other"),
     ("a walk", "other")],
)
def test_a_branch_goes_to_the_first_case_that_holds_or_to_otherwise(engine_for, typed, ending):
    engine = engine_for(BRANCH)
    state, _ = engine.start("b", CONTEXT)
    state, reply = engine.handle(state, Skip() if typed is None else Answer(typed))
    assert reply.messages == (ending,)


def test_a_call_runs_the_other_flow_and_carries_on_where_it_left_off(engine_for):
    engine = engine_for(
        """
        id: outer
        title: Outer
        start: before
        steps:
          - {id: before, say: "Before."}
          - {id: inner_part, call: inner}
          - {id: after, end: "After, with {colour}."}
        """,
        """
        id: inner
        title: Inner
        start: colour
        steps:
          - {id: colour, ask: "Favourite colour?"}
          - {id: bye, end: "Inner done."}
        """,
    )
    state, reply = engine.start("outer", CONTEXT)
    assert reply.messages == ("Before.",) and reply.prompt.flow == "inner"
    state, reply = engine.handle(state, Answer("green"))
    assert reply.messages == ("Inner done.", "After, with green.")
    assert reply.effects == (EndSession("completed"),) and state.outcome == "completed"


def test_an_end_step_says_its_words_finishes_the_conversation_and_ignores_later_events(engine_for):
    engine = engine_for("""
        id: e
        title: E
        start: bye
        steps:
          - {id: bye, end: "Goodbye {name}."}
    """)
    state, reply = engine.start("e", CONTEXT)
    assert reply.messages == ("Goodbye Ada.",) and reply.finished
    assert reply.effects == (EndSession("completed"),)
    state, again = engine.handle(state, Answer("hello?"))
    assert again.finished and again.notice and again.effects == ()
