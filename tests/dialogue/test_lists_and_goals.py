"""The journey in the engine: groups kept as they are chosen, goals gone through one by one, and what is kept about a goal."""

from __future__ import annotations

import json

from cpi_chat.dialogue.effects import (
    SaveBarrier,
    SaveChosenGroup,
    SaveGasScore,
    SaveGoal,
    SaveGoalLevels,
    SaveSmallStep,
    SetGoalStatus,
    TickStep,
    Withdraw,
)
from cpi_chat.dialogue.events import Answer, Back, KeepAsset, Pick, PickAsset

CONTEXT = {"name": "Dan", "today": "2027-03-01"}

PICK_TWO = """
    id: pick
    title: Pick
    start: find
    steps:
      - {id: find, say: "Pick one", suggest_assets: {query: "x"}, answer: chosen_asset}
      - {id: first_visit, say: "First time?", choose: [{label: "On my own"}, {label: "With my worker"}]}
      - {id: keep, record: {kind: group, text: "{chosen_asset}", asset_id: "{chosen_asset_id}", first_visit: "{first_visit}"}}
      - id: again
        say: "Another?"
        choose: [{label: "Yes", next: find}, {label: "No"}]
      - {id: goals, call: goals}
"""

GOALS = """
    id: goals
    title: Goals
    inputs: [chosen_asset, chosen_asset_id, first_visit]
    start: what
    steps:
      - id: what
        say: "What will you go to?"
        choose_from: groups
        choose: [{label: "Something else", value: other, next: done}]
        answer: what_choice
      - {id: save, set_goal: {kind: commitment, what: "{chosen_asset}", asset_id: "{chosen_asset_id}", first_visit: "{first_visit}"}}
      - id: more
        branch:
          - when: {answer: groups_left_count, above: 0}
            next: also
        otherwise: done
      - id: also
        say: "You also chose {groups_left}. Make that a goal too?"
        choose: [{label: "Yes", next: what}, {label: "No"}]
      - {id: done, end: null}
"""


def _pick_two(engine_for):
    engine = engine_for(PICK_TWO, GOALS)
    state, _ = engine.start("pick", CONTEXT)
    state, _ = engine.handle(state, PickAsset("kick", "Kick-Boxing Class"))
    state, _ = engine.handle(state, Pick(1))
    state, _ = engine.handle(state, Pick(0))
    state, _ = engine.handle(state, PickAsset("run", "Riverside Running Club"))
    state, _ = engine.handle(state, Pick(0))
    state, reply = engine.handle(state, Pick(1))
    return engine, state, reply


def test_every_group_chosen_is_offered_as_its_own_goal_with_its_first_visit(engine_for):
    engine, state, reply = _pick_two(engine_for)
    assert reply.prompt is not None and reply.prompt.options == ("Kick-Boxing Class", "Riverside Running Club", "Something else")
    state, reply = engine.handle(state, Answer("kick-boxing"))  # typed words pick the group too
    goal = next(e for e in reply.effects if isinstance(e, SaveGoal))
    assert (goal.what, goal.asset_id, goal.first_visit) == ("Kick-Boxing Class", "kick", "With my worker")
    assert reply.prompt is not None and reply.prompt.text == "You also chose Riverside Running Club. Make that a goal too?"
    state, reply = engine.handle(state, Pick(0))
    assert reply.prompt is not None and reply.prompt.options == ("Riverside Running Club", "Something else")
    state, reply = engine.handle(state, Pick(0))
    goal = next(e for e in reply.effects if isinstance(e, SaveGoal))
    assert (goal.what, goal.asset_id, goal.first_visit) == ("Riverside Running Club", "run", "On my own")
    assert reply.finished


def test_each_group_chosen_is_kept_as_it_is_chosen(engine_for):
    engine = engine_for(PICK_TWO, GOALS)
    state, _ = engine.start("pick", CONTEXT)
    state, _ = engine.handle(state, PickAsset("kick", "Kick-Boxing Class"))
    state, reply = engine.handle(state, Pick(1))
    assert [e for e in reply.effects if isinstance(e, SaveChosenGroup)] == [
        SaveChosenGroup(key="e1", name="Kick-Boxing Class", asset_id="kick", first_visit="With my worker")]


def test_going_back_past_a_choice_forgets_that_group(engine_for):
    engine, state, _ = _pick_two(engine_for)
    state, _ = engine.handle(state, Back())  # "Another?" again
    state, _ = engine.handle(state, Back())  # the second group's first visit
    state, reply = engine.handle(state, Back())  # the second group's pick
    assert reply.prompt is not None and reply.prompt.step == "find"
    state, _ = engine.handle(state, PickAsset("choir", "Community Choir"))
    state, _ = engine.handle(state, Pick(0))
    state, reply = engine.handle(state, Pick(1))
    assert reply.prompt is not None and reply.prompt.options == ("Kick-Boxing Class", "Community Choir", "Something else")


def test_groups_from_earlier_sessions_are_offered_too_but_not_those_already_goals(engine_for):
    engine = engine_for(GOALS)
    earlier = [{"chosen_asset": "Library Reading Circle", "chosen_asset_id": "lib", "first_visit": ""},
               {"chosen_asset": "Walking Football", "chosen_asset_id": "foot", "first_visit": ""}]
    goals = [{"goal_id": "3", "goal_what": "Walking Football", "goal_kind": "commitment", "goal_asset_id": "foot"}]
    _state, reply = engine.start("goals", {**CONTEXT, "_groups": json.dumps(earlier), "_goals": json.dumps(goals)})
    assert reply.prompt is not None and reply.prompt.options == ("Library Reading Circle", "Something else")


def test_a_group_found_during_another_question_is_kept_and_the_question_stays(engine_for):
    engine = engine_for("""
        id: talk
        title: Talk
        start: hobby
        steps:
          - {id: hobby, ask: "What do you enjoy?"}
          - {id: goals, call: goals}
    """, GOALS)
    state, _ = engine.start("talk", CONTEXT)
    state, reply = engine.handle(state, KeepAsset("kick", "Kick-Boxing Class"))
    assert reply.prompt is not None and reply.prompt.step == "hobby"
    assert "Kept Kick-Boxing Class" in reply.notice
    assert reply.effects == (SaveChosenGroup(key="e1", name="Kick-Boxing Class", asset_id="kick"),)
    _again, reply = engine.handle(state, KeepAsset("kick", "Kick-Boxing Class"))
    assert reply.effects == () and "already kept" in reply.notice
    state, reply = engine.handle(state, Answer("fighting"))
    assert reply.prompt is not None and reply.prompt.options == ("Kick-Boxing Class", "Something else")
    state, reply = engine.handle(state, Back())
    state, reply = engine.handle(state, Back())  # back past keeping it: it is withdrawn and no longer offered
    assert Withdraw("e1") in reply.effects
    _, reply = engine.handle(state, Answer("fighting"))
    assert reply.prompt is not None and reply.prompt.options == ("Something else",)


FOLLOW_UP = """
    id: follow_up
    title: Checking in
    start: each
    steps:
      - {id: each, call: one_goal, for_each: goals}
      - {id: bye, end: "Thank you."}
"""

ONE_GOAL = """
    id: one_goal
    title: One goal
    inputs: [goal_what, goal_kind, goal_next_step, goal_next_step_id, goal_target, goal_number, goals_total]
    start: how
    steps:
      - {id: how, ask: "Goal {goal_number} of {goals_total}: {goal_what}. How far? {went|(nothing yet)}", optional: true, answer: went}
      - id: reached
        branch:
          - when: {answer: went, reaches: goal_target}
            next: achieved
        otherwise: step
      - id: achieved
        say: "You reached it. Mark it achieved?"
        choose: [{label: "Yes", value: achieved}, {label: "Not yet", value: "", next: step}]
        answer: status
      - {id: keep_status, record: {kind: goal_status, status: "{status}", goal: given}}
      - id: step
        branch:
          - when: {answer: goal_next_step, is_empty: true}
            next: done
        otherwise: tick
      - id: tick
        say: "Done: {goal_next_step}?"
        choose: [{label: "Yes", value: "yes"}, {label: "No", value: "no", next: done}]
      - {id: keep_tick, record: {kind: step_done, step: "{goal_next_step_id}"}}
      - {id: done, end: null}
"""


def _goals_given() -> dict[str, str]:
    goals = [
        {"goal_id": "1", "goal_what": "Kick-boxing", "goal_kind": "commitment", "goal_next_step": "Buy gloves",
         "goal_next_step_id": "7", "goal_target": ""},
        {"goal_id": "2", "goal_what": "Run 5 km", "goal_kind": "target", "goal_next_step": "", "goal_next_step_id": "",
         "goal_target": "run 5 km"},
    ]
    return {**CONTEXT, "_goals": json.dumps(goals)}


def test_a_flow_called_for_each_goal_runs_once_per_goal_with_that_goals_answers(engine_for):
    engine = engine_for(FOLLOW_UP, ONE_GOAL)
    state, reply = engine.start("follow_up", _goals_given())
    assert reply.prompt is not None and reply.prompt.text == "Goal 1 of 2: Kick-boxing. How far? (nothing yet)"
    state, reply = engine.handle(state, Answer("went twice"))
    state, reply = engine.handle(state, Pick(0))
    assert reply.effects == (TickStep(key="e1", step_id=7),)
    # the second goal starts afresh: the first goal's answer is not carried over
    assert reply.prompt is not None and reply.prompt.text == "Goal 2 of 2: Run 5 km. How far? (nothing yet)"
    state, reply = engine.handle(state, Answer("5.2 km in 31 minutes"))
    assert reply.prompt is not None and reply.prompt.text == "You reached it. Mark it achieved?"
    state, reply = engine.handle(state, Pick(0))
    assert SetGoalStatus(key="e2", status="achieved", goal_id=2) in reply.effects
    assert reply.finished and reply.messages[-1] == "Thank you."


def test_going_back_into_the_goal_before_shows_that_goals_question(engine_for):
    engine = engine_for(FOLLOW_UP, ONE_GOAL)
    state, _ = engine.start("follow_up", _goals_given())
    state, _ = engine.handle(state, Answer("went twice"))
    state, reply = engine.handle(state, Pick(0))
    state, reply = engine.handle(state, Back())
    assert reply.prompt is not None and reply.prompt.text == "Done: Buy gloves?"
    assert Withdraw("e1") in reply.effects


def test_a_value_short_of_the_target_or_in_another_unit_does_not_ask_to_mark_it_achieved(engine_for):
    engine = engine_for(FOLLOW_UP, ONE_GOAL)
    for logged in ("4 km", "5 miles", "30 minutes", "felt good"):
        state, _ = engine.start("follow_up", _goals_given())
        state, _ = engine.handle(state, Answer("went"))
        state, _ = engine.handle(state, Pick(1))
        state, reply = engine.handle(state, Answer(logged))
        assert reply.finished, logged


def test_no_goals_given_skips_the_flow_called_for_each(engine_for):
    engine = engine_for(FOLLOW_UP, ONE_GOAL)
    _, reply = engine.start("follow_up", CONTEXT)
    assert reply.finished and reply.messages == ("Thank you.",)


def test_goal_records_name_the_goal_set_last_or_the_goal_in_view(engine_for):
    engine = engine_for("""
        id: set
        title: Set
        start: save
        steps:
          - {id: save, set_goal: {kind: target, what: "Run 5 km", measure: "5 km"}}
          - id: levels
            record: {kind: goal_levels, baseline: "-1", much_less: "Not running", expected: "{expected|5 km}"}
          - {id: part, ask: "What gets in the way?"}
          - {id: barrier, record: {kind: barrier, text: "{part}"}}
          - {id: fix, record: {kind: solution, text: "My worker finds the bus times"}}
          - {id: step, record: {kind: small_step, text: "Find the bus times", owner: worker, from_solution: true}}
          - {id: someone, record: {kind: small_step, text: "Come along", owner: someone_else, owner_name: "my brother"}}
          - {id: score, record: {kind: gas_score, level: "+1", goal: given}}
          - {id: done, end: null}
    """)
    state, reply = engine.start("set", {**CONTEXT, "goal_id": "9"})
    goal, levels = reply.effects
    assert isinstance(goal, SaveGoal)
    assert levels == SaveGoalLevels(key="e2", goal_key=goal.key, baseline=-1, much_less="Not running", expected="5 km")
    _, reply = engine.handle(state, Answer("the bus"))
    barrier, fix, step, someone, score, _end = reply.effects
    assert barrier == SaveBarrier(key="e3", text="the bus", goal_key=goal.key)
    assert isinstance(step, SaveSmallStep) and step.solution_key == fix.key and step.owner == "worker"
    assert isinstance(someone, SaveSmallStep) and (someone.owner, someone.owner_name, someone.solution_key) == (
        "someone_else", "my brother", "")
    assert score == SaveGasScore(key="e7", goal_id=9, level=1)


def test_a_goal_picked_from_the_goals_ties_what_comes_after_to_it(engine_for):
    engine = engine_for("""
        id: which
        title: Which
        start: pick
        steps:
          - {id: pick, say: "Which goal?", choose_from: goals, choose: [{label: "None of them", value: none}]}
          - {id: what, ask: "What gets in the way of {goal_what}?"}
          - {id: barrier, record: {kind: barrier, text: "{what}", goal: given}}
          - {id: done, end: null}
    """)
    state, reply = engine.start("which", _goals_given())
    assert reply.prompt is not None and reply.prompt.options == ("Kick-boxing", "Run 5 km", "None of them")
    state, reply = engine.handle(state, Pick(1))
    assert reply.prompt is not None and reply.prompt.text == "What gets in the way of Run 5 km?"
    _, reply = engine.handle(state, Answer("my knee"))
    assert reply.effects[0] == SaveBarrier(key="e1", text="my knee", goal_id=2)


def test_a_set_step_keeps_words_as_answers_that_going_back_undoes(engine_for):
    engine = engine_for("""
        id: levels
        title: Levels
        start: now
        steps:
          - {id: now, ask: "Where are you now?", optional: true}
          - {id: words, set: {lvl_m1: "{now|About where I am now}", lvl_p2: "Much more than that"}}
          - {id: show, say: "-1: {lvl_m1}. +2: {lvl_p2}. Right?", choose: [{label: "Yes"}, {label: "Change -1", next: change}]}
          - {id: done, end: null}
          - {id: change, ask: "-1 instead?", answer: lvl_m1, next: show}
    """)
    state, _ = engine.start("levels", CONTEXT)
    state, reply = engine.handle(state, Answer(""))
    assert reply.prompt is not None and reply.prompt.text == "-1: About where I am now. +2: Much more than that. Right?"
    state, _ = engine.handle(state, Pick(1))
    state, reply = engine.handle(state, Answer("1 km"))
    assert reply.prompt is not None and reply.prompt.text == "-1: 1 km. +2: Much more than that. Right?"
    state, reply = engine.handle(state, Back())
    state, reply = engine.handle(state, Back())
    state, reply = engine.handle(state, Back())
    assert reply.prompt is not None and reply.prompt.step == "now"
    assert "lvl_m1" not in state.answers
