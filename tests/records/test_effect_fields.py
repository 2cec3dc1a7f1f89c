"""Every saving effect the engine can send maps field for field onto a records function, so the session stays thin."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from cpi_chat import records
from cpi_chat.dialogue import effects


def save(db, person_id: int, session_id: int, effect: Any) -> int:
    """What the session does with a saving effect: its key becomes effect_key, every other field passes as is."""
    fields = asdict(effect)
    key = fields.pop("key")
    function = getattr(records, SAVERS[type(effect)])
    return function(db, person_id=person_id, session_id=session_id, effect_key=key, **fields)


SAVERS = {
    effects.SaveInterest: "save_interest", effects.SaveConnection: "save_connection", effects.SaveGoal: "save_goal",
    effects.SaveSmallStep: "save_small_step", effects.SaveBarrier: "save_barrier",
    effects.SaveSolution: "save_solution", effects.SaveNote: "save_note", effects.SaveCheckin: "save_checkin",
    effects.SaveRating: "save_rating", effects.SaveWellbeing: "save_wellbeing", effects.SaveChosenGroup: "save_chosen_group",
    effects.SaveGoalLevels: "save_goal_levels", effects.SaveGasScore: "save_gas_score",
}


def test_every_saving_effect_type_has_a_records_function() -> None:
    saving = {cls for name, cls in effects.EFFECT_TYPES.items() if name.startswith("Save")}
    assert saving == set(SAVERS)


def test_a_whole_session_of_effects_is_saved_and_replayed_without_doubles(db, person, session_id) -> None:
    earlier = records.add_goal(db, person.id, "commitment", "Walking football")
    sent = [
        effects.SaveInterest(key="i1", text="Football", when="past"),
        effects.SaveConnection(key="c1", text="The library", kind="place"),
        effects.SaveGoal(key="g1", kind="target", what="Run 5 km", measure="finish a 5 km run",
                         starting_point="walk 1 km", expected="finish", better_than_expected="under 35 minutes",
                         by_when="2027-02-28"),
        effects.SaveSmallStep(key="s1", text="Ask about beginners' nights", goal_key="g1"),
        effects.SaveSmallStep(key="s2", text="Find my trainers", owner="person", goal_id=earlier.id),
        effects.SaveBarrier(key="b1", text="Nervous going alone", owner="person"),
        effects.SaveBarrier(key="b2", text="Leader unsure about welcoming new people", owner="service", parent_key="b1"),
        effects.SaveSolution(key="so1", barrier_key="b2", text="Worker phones the leader first", chosen=True),
        effects.SaveNote(key="n1", text="Email me the race time", remind_on="2027-03-01"),
        effects.SaveCheckin(key="k1", goal_id=earlier.id, attended=True, feeling="good"),
        effects.SaveCheckin(key="k2", goal_id=earlier.id, paused=True, feeling="on holiday"),
        effects.SaveRating(key="r1", topic="seeing people", score=3, words="better"),
        effects.SaveWellbeing(key="w1", question="anxious", score=0),
        effects.SaveChosenGroup(key="cg1", name="Riverside Running Club", asset_id="running", first_visit="On my own"),
        effects.SaveGoalLevels(key="gl1", goal_key="g1", baseline=-1, somewhat_less="walk 1 km", expected="finish"),
        effects.SaveGasScore(key="gs1", goal_id=earlier.id, level=1),
    ]
    for _ in range(2):
        with records.transaction(db):
            for effect in sent:
                save(db, person.id, session_id, effect)
    target, = records.list_goals(db, person.id, status="active")[1:]
    assert [s.text for s in target.steps] == ["Ask about beginners' nights"]
    assert len(records.list_barriers(db, person.id)) == 2
    assert [c.attended for c in records.get_goal(db, earlier.id).checkins] == ["yes", "paused"]
    assert [s.text for s in records.get_goal(db, earlier.id).steps] == ["Find my trainers"]
    assert [(w.question, w.score) for w in records.list_wellbeing(db, person.id)] == [("anxious", 0)]
    assert [g.name for g in records.list_chosen_groups(db, person.id)] == ["Riverside Running Club"]
    assert target.levels is not None and target.levels.expected == "finish"
    assert [r.t_score for r in records.list_gas_reviews(db, person.id)] == [60]
