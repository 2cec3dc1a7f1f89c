"""The shipped flows suit whoever is using them: ratings can be skipped, examples fit anybody, a picked group is not asked about twice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Answer, Pick, Skip
from cpi_chat.dialogue.loader import load_flows
from cpi_chat.dialogue.model import AskStep, RecordStep

FLOWS_DIR = Path(__file__).resolve().parents[2] / "flows"
FLOWS = load_flows(FLOWS_DIR)
ENGINE = Engine(FLOWS)
GROUP = {"_groups": json.dumps([{"chosen_asset": "Kelderby Farming Friends", "chosen_asset_id": "kelderby-farming-friends"}])}
# Words that make an example someone else's: a particular sport, distance, relative or pet.
SOMEONE_ELSES = re.compile(r"kick-?boxing|football|\bkm\b|\brun\b|minutes|fishing|\bdog\b|\bsister\b|\bdad\b|\bmum\b|gym|leisure centre")


def _rating_questions() -> list[AskStep]:
    flow = FLOWS["how_things_are_going"]
    return [s for s in flow.steps if isinstance(s, AskStep) and s.validate_as == "number"]


def test_there_are_three_rating_questions_and_each_can_be_skipped():
    ratings = _rating_questions()
    assert len(ratings) == 3
    assert all(step.optional for step in ratings)


@pytest.mark.parametrize("step", _rating_questions(), ids=lambda s: s.id)
def test_each_rating_question_says_in_plain_and_easy_words_that_skipping_is_fine(step):
    assert "skip" in step.ask.lower()
    assert step.easy_read is not None and "skip" in step.easy_read.lower()


def test_skipping_every_rating_saves_no_rating_at_all():
    state, reply = ENGINE.start("how_things_are_going", {"name": "Nadia", "today": "2026-11-25"})
    state, reply = ENGINE.handle(state, Pick(0))
    effects = []
    while reply.prompt is not None:
        if reply.prompt.kind == "choose":  # the ONS wellbeing questions offered after: "Not today"
            assert reply.prompt.flow == "wellbeing", reply.prompt
            state, reply = ENGINE.handle(state, Pick(1))
        else:
            state, reply = ENGINE.handle(state, Skip())
        effects.extend(reply.effects)
    assert not [e for e in effects if type(e).__name__ in ("SaveRating", "SaveWellbeing")]


def test_skipping_every_wellbeing_question_saves_no_answer_and_zero_is_kept_as_an_answer():
    state, reply = ENGINE.start("wellbeing", {"name": "Nadia", "today": "2026-11-25"})
    state, reply = ENGINE.handle(state, Pick(0))
    state, reply = ENGINE.handle(state, Answer("0"))
    assert [(type(e).__name__, e.score) for e in reply.effects] == [("SaveWellbeing", 0)]  # type: ignore[union-attr]
    effects = []
    while reply.prompt is not None:
        state, reply = ENGINE.handle(state, Skip())
        effects.extend(reply.effects)
    assert not [e for e in effects if type(e).__name__ == "SaveWellbeing"]


def test_the_wellbeing_questions_keep_the_ons_wording_with_easy_words_beside_and_are_attributed():
    flow = FLOWS["wellbeing"]
    asks = {s.id: s for s in flow.steps if isinstance(s, AskStep)}
    official = {
        "life_satisfaction": "Overall, how satisfied are you with your life nowadays?",
        "worthwhile": "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
        "happy": "Overall, how happy did you feel yesterday?",
        "anxious": "Overall, how anxious did you feel yesterday?",
    }
    for question, words in official.items():
        step = asks[question]
        assert step.ask.startswith(words) and step.easy_read is not None and step.easy_read.startswith(words)
        assert "In easy words:" in step.easy_read and step.optional
        assert (step.minimum, step.maximum) == (0, 10)
    assert "Open Government Licence" in (flow.description or "")


def test_what_went_well_at_a_review_can_be_skipped_and_then_no_empty_note_is_kept():
    state, reply = ENGINE.start("review", {"name": "Nadia", "today": "2026-11-25"})
    assert reply.prompt is not None and reply.prompt.step == "went_well" and reply.prompt.optional
    state, reply = ENGINE.handle(state, Answer(""))
    assert reply.prompt is not None and reply.prompt.step == "stalled"
    assert not [e for e in reply.effects if "Went well" in str(getattr(e, "text", ""))]


@pytest.mark.parametrize("flow_id", sorted(FLOWS))
def test_no_example_shown_to_people_is_someone_elses_sport_distance_or_family(flow_id):
    examples = [(s.id, s.placeholder) for s in FLOWS[flow_id].steps if isinstance(s, AskStep) and s.placeholder]
    assert [(step, text) for step, text in examples if SOMEONE_ELSES.search(text.lower())] == []


@pytest.mark.parametrize("kind", [0, 2], ids=["commitment", "both"])
def test_a_goal_for_the_group_just_picked_offers_it_by_name_and_never_asks_where_it_is(kind):
    state, reply = ENGINE.start("setting_goals", {"name": "Joyce", "today": "2026-11-25", **GROUP})
    state, reply = ENGINE.handle(state, Pick(kind))
    assert reply.prompt is not None and reply.prompt.kind == "choose"
    assert reply.prompt.options[0] == "Kelderby Farming Friends"
    state, reply = ENGINE.handle(state, Pick(0))
    assert reply.prompt is not None and reply.prompt.step == "how_often"
    seen = []
    for _ in range(8):  # on to the saved goal, however the first visit is answered
        assert reply.prompt is not None
        seen.append(reply.prompt.step)
        state, reply = ENGINE.handle(state, Pick(0) if reply.prompt.kind == "choose" else Answer("ring them"))
        goals = [e for e in reply.effects if type(e).__name__ == "SaveGoal"]
        if goals:
            break
    assert "commitment_where" not in seen and "own_idea_where" not in seen
    assert goals[0].what == goals[0].where == "Kelderby Farming Friends"
    assert goals[0].asset_id == "kelderby-farming-friends"


def test_without_a_picked_group_the_goal_is_typed_and_where_is_asked():
    state, reply = ENGINE.start("setting_goals", {"name": "Ifeoma", "today": "2026-11-25"})
    state, reply = ENGINE.handle(state, Pick(0))
    assert reply.prompt is not None and reply.prompt.step == "commitment_what"
    state, reply = ENGINE.handle(state, Answer("the church choir"))
    assert reply.prompt is not None and reply.prompt.step == "commitment_where"


def test_progress_on_a_target_asks_about_the_goals_own_measure_when_it_is_known():
    goal = {"goal_kind": "target", "goal_id": "5", "goal_what": "leave the house twice a week",
            "goal_measure": "the days I go out each week"}
    context = {"name": "Joyce", "today": "2026-11-25", "_goals": json.dumps([goal])}
    _, reply = ENGINE.start("follow_up", context)
    assert reply.prompt is not None and "the days I go out each week" in reply.prompt.text
    _, reply = ENGINE.start("follow_up", {**context, "_goals": json.dumps([{**goal, "goal_measure": ""}])})
    assert reply.prompt is not None and reply.prompt.step == "progress"
    assert not SOMEONE_ELSES.search(reply.prompt.text.lower() + reply.prompt.placeholder.lower())


def test_the_barrier_questions_about_another_part_and_a_different_problem_are_told_apart():
    flow = FLOWS["overcoming_barriers"]
    part, other = flow.step("another_part").say, flow.step("another_barrier").say
    assert "part" in part and "part" not in other
    assert "different problem" in other


def test_a_skipped_rating_is_never_recorded_because_each_record_sits_behind_a_branch():
    flow = FLOWS["how_things_are_going"]
    for step in flow.steps:
        if isinstance(step, RecordStep) and step.record.kind == "rating":
            rating = step.record.score.strip("{}")
            guards = [s for s in flow.steps if getattr(s, "branch", None)
                      and any(c.when.answer == rating and c.when.is_empty for c in s.branch)]
            assert guards, rating
