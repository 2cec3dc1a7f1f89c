"""What a `record` or `set_goal` step asks to keep: the effect it makes from the answers, and the goal it belongs to."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from cpi_chat.dialogue import answers as read
from cpi_chat.dialogue.effects import (
    BarrierOwner,
    ChangeStep,
    Effect,
    Owner,
    SaveBarrier,
    SaveCheckin,
    SaveChosenGroup,
    SaveConnection,
    SaveGasScore,
    SaveGoalLevels,
    SaveInterest,
    SaveNote,
    SaveRating,
    SaveSmallStep,
    SaveSolution,
    SaveWellbeing,
    SetGoalStatus,
    TickStep,
)
from cpi_chat.dialogue.lists import GOALS, read_list
from cpi_chat.dialogue.model import RecordSpec
from cpi_chat.dialogue.state import EngineState

Render = Callable[[str], str]
STATUS_WORDS = {"achieved": "achieved", "done": "achieved", "paused": "paused", "pause": "paused",
                "stopped": "dropped", "stop": "dropped", "dropped": "dropped", "active": "active", "reopen": "active"}


def truthy(text: str) -> bool:
    """Whether an answer says yes."""
    return text.strip().lower() in {"yes", "true", "y"}


def whole_number(text: str) -> int | None:
    """A whole number written in an answer ('-2', '+1', '3'), or None."""
    cleaned = text.strip().replace("+", "")
    try:
        return int(cleaned)
    except ValueError:
        return None


def rating_score(text: str) -> int:
    """A rating from 1 to 5; an answer that is not a number counts as 0 (not given)."""
    try:
        number = float(read.read_number(text).value)
    except read.AnswerProblem:
        return 0
    return max(1, min(5, round(number)))


def wellbeing_score(text: str) -> int | None:
    """An answer from 0 to 10 (0 is an answer, not 'none given'); None when it is not a number."""
    try:
        number = float(read.read_number(text).value)
    except read.AnswerProblem:
        return None
    return max(0, min(10, round(number)))


def _ref_of(item: Mapping[str, str]) -> tuple[str, int | None] | None:
    """(effect key, None) for a goal set in this session, ('', id) for a saved goal, None when neither is named."""
    key, goal_id = item.get("goal_key", "").strip(), item.get("goal_id", "").strip()
    if key:
        return key, None
    return ("", int(goal_id)) if goal_id.isascii() and goal_id.isdecimal() else None


def goal_ref(state: EngineState, values: Mapping[str, str], which: str) -> tuple[str, int | None]:
    """The goal a record belongs to, as (its effect key in this session, or its id).

    'given' is the goal being gone through (for_each) or picked (choose_from: goals), else the one
    set last in this session; 'last' the other way round. Either way, a person with only one goal
    in view has that one.
    """
    in_view = _ref_of(values)
    last = (state.goal_key, None) if state.goal_key else None
    goals = read_list(values, GOALS)
    only = _ref_of(goals[0]) if len(goals) == 1 else None
    order = (in_view, last, only) if which == "given" else (last, in_view, only)
    return next((ref for ref in order if ref), ("", None))


def step_owner(said: str) -> Owner:
    """Whose step it is, from the answer ('worker', 'someone_else', anything else: the person)."""
    lowered = said.lower()
    if "worker" in lowered:
        return "worker"
    return "someone_else" if "someone" in lowered or "other" in lowered else "person"


def record_effect(state: EngineState, spec: RecordSpec, key: str, text: Render, values: Mapping[str, str]) -> Effect | None:
    """The effect a record step makes (None when its answers say there is nothing to keep); keeps barrier and solution keys."""
    words = text(spec.text)
    match spec.kind:
        case "interest":
            assert spec.when is not None
            return SaveInterest(key=key, text=words, when=spec.when)
        case "connection":
            return SaveConnection(key=key, text=words, kind=spec.connection or "person")
        case "note":
            return SaveNote(key=key, text=words, private=spec.private, remind_on=text(spec.remind_on))
        case "barrier":
            parent = {"none": "", "first": state.first_barrier_key, "last": state.last_barrier_key}[spec.part_of]
            said = text(spec.owner or "person").lower()
            barrier_owner: BarrierOwner = "service" if said.startswith(("service", "worker")) else "person"
            if spec.part_of == "none":
                state.first_barrier_key = key
            state.last_barrier_key = key
            goal_key, goal_id = goal_ref(state, values, spec.goal) if not parent else ("", None)
            return SaveBarrier(key=key, text=words, owner=barrier_owner, parent_key=parent, goal_key=goal_key, goal_id=goal_id)
        case "solution":
            realistic = spec.realistic if isinstance(spec.realistic, bool) else truthy(text(spec.realistic))
            state.last_solution_key = key
            return SaveSolution(key=key, barrier_key=state.last_barrier_key, text=words, realistic=realistic, chosen=realistic)
        case "small_step":
            goal_key, goal_id = goal_ref(state, values, spec.goal)
            owner = step_owner(text(spec.owner or "person"))
            return SaveSmallStep(key=key, text=words, owner=owner, goal_key=goal_key, goal_id=goal_id,
                                 owner_name=text(spec.owner_name) if owner == "someone_else" else "",
                                 solution_key=state.last_solution_key if spec.from_solution else "")
        case "checkin":
            _, goal_id = goal_ref(state, values, "given")
            went = "" if spec.attended is None else text(str(spec.attended)).strip().lower()
            paused = went in {"paused", "away", "unwell"}
            attended = None if not went or paused else went in {"yes", "true", "y"}
            return SaveCheckin(
                key=key, goal_id=goal_id or 0, attended=attended, paused=paused, value=text(spec.value),
                feeling=text(spec.feeling), by="worker" if state.context.get("mode") == "joint" else "person",
                note=text(spec.note),
            )
        case "rating":
            return SaveRating(key=key, topic=spec.topic, score=rating_score(text(spec.score)), words=words)
        case "wellbeing":
            assert spec.question is not None
            return SaveWellbeing(key=key, question=spec.question, score=wellbeing_score(text(spec.score)))
        case "group":
            return SaveChosenGroup(key=key, name=words, asset_id=text(spec.asset_id), first_visit=text(spec.first_visit))
        case _:
            return _goal_record(state, spec, key, text, values)


def _goal_record(state: EngineState, spec: RecordSpec, key: str, text: Render, values: Mapping[str, str]) -> Effect | None:
    """The records about a goal already set: its levels, a step ticked, its status, its score at a review."""
    goal_key, goal_id = goal_ref(state, values, spec.goal)
    match spec.kind:
        case "goal_levels":
            baseline = whole_number(text(spec.baseline))
            return SaveGoalLevels(
                key=key, goal_key=goal_key, goal_id=goal_id, baseline=-2 if baseline == -2 else -1,
                much_less=text(spec.much_less), somewhat_less=text(spec.somewhat_less), expected=text(spec.expected),
                somewhat_more=text(spec.somewhat_more), much_more=text(spec.much_more),
            )
        case "step_done":
            step_id = whole_number(text(spec.step))
            return TickStep(key=key, step_id=step_id) if step_id and step_id > 0 else None
        case "step_change":
            step_id, words = whole_number(text(spec.step)), text(spec.text).strip()
            return ChangeStep(key=key, step_id=step_id, text=words) if step_id and step_id > 0 and words else None
        case "goal_status":
            status = STATUS_WORDS.get(text(spec.status).strip().lower())
            if status is None or not (goal_key or goal_id):
                return None
            return SetGoalStatus(key=key, status=status, goal_key=goal_key, goal_id=goal_id,  # type: ignore[arg-type]
                                 reason=text(spec.reason), until=text(spec.until))
        case "gas_score":
            level = whole_number(text(spec.level))
            if level is None or level not in (-2, -1, 0, 1, 2) or goal_id is None:
                return None
            return SaveGasScore(key=key, goal_id=goal_id, level=level)
    raise TypeError(f"unknown record kind {spec.kind}")
