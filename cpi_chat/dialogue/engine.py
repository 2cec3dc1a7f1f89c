"""The conversation engine: a pure state machine over flows. No input, no output, no database.

`Engine.start` and `Engine.handle` take a state and an event and return the next state and a
`Reply`: the messages to show, the question now waiting (if any), and the effects for the
session to carry out. The state is a small dataclass that round-trips through JSON.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from cpi_chat.dialogue import answers as read
from cpi_chat.dialogue.effects import (
    BarrierOwner,
    Effect,
    EndSession,
    Owner,
    SaveBarrier,
    SaveCheckin,
    SaveConnection,
    SaveGoal,
    SaveInterest,
    SaveNote,
    SaveRating,
    SaveSmallStep,
    SaveSolution,
    SaveWellbeing,
    SuggestAssets,
    Withdraw,
)
from cpi_chat.dialogue.events import Answer, Back, Event, Help, Pick, PickAsset, Skip, Stop
from cpi_chat.dialogue.model import (
    AskStep,
    BranchStep,
    CallStep,
    ChooseStep,
    Condition,
    EndStep,
    Flow,
    RecordSpec,
    RecordStep,
    SayStep,
    SetGoalStep,
    SuggestAssetsStep,
    answer_name,
)
from cpi_chat.dialogue.state import Checkpoint, EngineState, Frame, Progress, Prompt, Reply
from cpi_chat.dialogue.templates import render
from cpi_chat.errors import FlowError

__all__ = ["Checkpoint", "Engine", "EngineState", "Frame", "Progress", "Prompt", "Reply"]

MAX_AUTOMATIC_STEPS = 500
INTERACTIVE_STEPS = (AskStep, ChooseStep, SuggestAssetsStep)
DEFAULT_HELP = (
    "Answer in your own words; there are no wrong answers. "
    "You can go back, skip a question that says it is optional, or stop at any time."
)
DEFAULT_EASY_HELP = "Say it in your own words. You can go back, skip, or stop at any time."


class Engine:
    """Runs flows from a library; holds no conversation state of its own."""

    def __init__(self, flows: dict[str, Flow]):
        self.flows = flows

    # -- public API -------------------------------------------------------

    def start(self, flow_id: str, context: dict[str, str] | None = None) -> tuple[EngineState, Reply]:
        """Begin `flow_id`; `context` gives name, today (ISO), easy_read ('yes'/'') and the flow's inputs."""
        if flow_id not in self.flows:
            raise FlowError(f"There is no flow called '{flow_id}'.")
        flow = self.flows[flow_id]
        ctx = {"today": date.today().isoformat(), **(context or {})}
        state = EngineState(root=flow_id, stack=[Frame(flow_id, flow.start)], answers={}, context=ctx)
        return self._run(state, [], [])

    def resume(self, state: EngineState) -> Reply:
        """The reply to show again after loading a saved state: nothing is saved again, suggestions are searched again."""
        if state.finished:
            return Reply(messages=(), prompt=None)
        prompt = self._prompt(state, self._current_step(state))
        return Reply(messages=(), prompt=prompt, effects=self._search_again(prompt), progress=self.progress(state))

    def handle(self, state: EngineState, event: Event) -> tuple[EngineState, Reply]:
        """Apply one event to a copy of `state` (the state given is never changed)."""
        state = state.copy()
        if state.finished:
            return state, Reply(messages=(), prompt=None, notice="This conversation has already finished.")
        step = self._current_step(state)
        match event:
            case Help():
                prompt = replace(self._prompt(state, step), help=self._help(state, step))
                return state, Reply(messages=(), prompt=prompt, progress=self.progress(state))
            case Stop():
                state.outcome = "stopped"
                return state, Reply(messages=(), prompt=None, effects=(EndSession("stopped"),))
            case Back():
                return self._back(state)
            case Skip():
                return self._skip(state, step)
            case Answer(text=text) if not text.strip() and getattr(step, "optional", False):
                return self._skip(state, step)
            case Answer() | Pick() | PickAsset():
                return self._answer(state, step, event)
        raise TypeError(f"unknown event {event!r}")

    def progress(self, state: EngineState) -> Progress | None:
        """The part of the session we are in: a root flow made only of calls has one part per call."""
        root = self.flows[state.root]
        parts = [s for s in root.steps if isinstance(s, CallStep)]
        asks_itself = any(isinstance(s, INTERACTIVE_STEPS) for s in root.steps)
        if not parts or asks_itself:
            return Progress(1, 1, root.title)
        if len(state.stack) < 2:
            return None
        via = state.stack[1].via
        for number, part in enumerate(parts, start=1):
            if part.id == via:
                return Progress(number, len(parts), self.flows[part.call].title)
        return None

    # -- events -----------------------------------------------------------

    def _answer(self, state: EngineState, step: Any, event: Event) -> tuple[EngineState, Reply]:
        checkpoint = state._checkpoint()
        try:
            value, extra, next_id = self._read(state, step, event)
        except read.AnswerProblem as problem:
            prompt = replace(self._prompt(state, step), problem=str(problem))
            return state, Reply(messages=(), prompt=prompt, progress=self.progress(state))
        name = answer_name(step)
        assert name is not None
        state.keep_answers(checkpoint, {name: value, **extra})
        state.history.append(checkpoint)
        self._go(state, step, next_id)
        return self._run(state, [], [])

    def _read(self, state: EngineState, step: Any, event: Event) -> tuple[str, dict[str, str], str | None]:
        """The value an event gives this step, extra answers to keep, and where it leads."""
        match step:
            case ChooseStep():
                labels = [o.label for o in step.choose]
                if isinstance(event, Pick):
                    if not 0 <= event.index < len(labels):
                        raise read.AnswerProblem("Please pick one of the options shown.")
                    option = step.choose[event.index]
                elif isinstance(event, Answer):
                    shown = self._option_labels(state, step)
                    picked = read.read_choice(event.text, list(shown))
                    option = step.choose[shown.index(picked.value)]
                else:
                    raise read.AnswerProblem("Please pick one of the options shown.")
                return option.answer_value, {}, option.next
            case AskStep():
                if isinstance(event, Pick) and step.validate_as == "choice":
                    options = list(step.options or [])
                    if not 0 <= event.index < len(options):
                        raise read.AnswerProblem("Please pick one of the options shown.")
                    return options[event.index], {}, None
                if not isinstance(event, Answer):
                    raise read.AnswerProblem("Please type your answer.")
                return self._check(state, step, event.text).value, {}, None
            case SuggestAssetsStep():
                name = answer_name(step)
                if isinstance(event, PickAsset):
                    return event.name, {f"{name}_id": event.asset_id}, None
                if isinstance(event, Answer) and event.text.strip():
                    # Typed words instead of a pick: keep them as the person's own choice.
                    return event.text.strip(), {f"{name}_id": ""}, None
                if step.optional:
                    raise read.AnswerProblem("Please pick one of the suggestions, or skip if none of them suit.")
                raise read.AnswerProblem("Please pick one of the suggestions, or type your own choice.")
        raise read.AnswerProblem("This step does not take an answer.")

    def _check(self, state: EngineState, step: AskStep, text: str) -> read.Accepted:
        match step.validate_as:
            case "number":
                return read.read_number(text, step.minimum, step.maximum)
            case "date":
                return read.read_date(text, self._today(state))
            case "yes_no":
                return read.read_yes_no(text)
            case "choice":
                return read.read_choice(text, list(step.options or []))
            case _:
                return read.read_text(text)

    def _skip(self, state: EngineState, step: Any) -> tuple[EngineState, Reply]:
        if not getattr(step, "optional", False):
            prompt = replace(self._prompt(state, step), problem="This one can't be skipped, but take your time. You can also go back.")
            return state, Reply(messages=(), prompt=prompt, progress=self.progress(state))
        checkpoint = state._checkpoint()
        name = answer_name(step)
        if name:
            skipped = {name: "", **({f"{name}_id": ""} if isinstance(step, SuggestAssetsStep) else {})}
            state.keep_answers(checkpoint, skipped)
        state.history.append(checkpoint)
        self._go(state, step, None)
        return self._run(state, [], [])

    def _back(self, state: EngineState) -> tuple[EngineState, Reply]:
        if not state.history:
            step = self._current_step(state)
            return state, Reply(
                messages=(), prompt=self._prompt(state, step), progress=self.progress(state),
                notice="This is the first question, so there is nothing to go back to.",
            )
        previous_answers = dict(state.answers)
        checkpoint = state.history.pop()
        withdrawn = tuple(Withdraw(key) for key in reversed(checkpoint.saved_keys))
        state.stack = [replace(f) for f in checkpoint.stack]
        state.rewind(checkpoint)
        # The key counter is not rewound: a key, once used, is never given to another effect.
        state.goal_key = checkpoint.goal_key
        state.first_barrier_key = checkpoint.first_barrier_key
        state.last_barrier_key = checkpoint.last_barrier_key
        step = self._current_step(state)
        name = answer_name(step) or ""
        prompt = replace(self._prompt(state, step), previous=previous_answers.get(name, ""))
        effects = withdrawn + self._search_again(prompt)
        return state, Reply(messages=(), prompt=prompt, effects=effects, progress=self.progress(state))

    @staticmethod
    def _search_again(prompt: Prompt) -> tuple[Effect, ...]:
        """Coming back to suggestions (after back or a resume) asks for the same search again; nothing is saved twice."""
        return (prompt.search,) if prompt.search is not None else ()

    # -- running steps ----------------------------------------------------

    def _run(self, state: EngineState, messages: list[str], effects: list[Effect]) -> tuple[EngineState, Reply]:
        """Carry out automatic steps until a question waits or the conversation ends."""
        for _ in range(MAX_AUTOMATIC_STEPS):
            if not state.stack:
                state.outcome = "completed"
                effects.append(EndSession("completed"))
                return state, Reply(tuple(messages), None, tuple(effects))
            frame = state.stack[-1]
            if not frame.step:
                state.stack.pop()
                continue
            flow = self.flows[frame.flow]
            step = flow.step(frame.step)
            match step:
                case AskStep() | ChooseStep():
                    return state, Reply(tuple(messages), self._prompt(state, step), tuple(effects), self.progress(state))
                case SuggestAssetsStep():
                    prompt = self._prompt(state, step)
                    assert prompt.search is not None
                    effects.append(prompt.search)
                    return state, Reply(tuple(messages), prompt, tuple(effects), self.progress(state))
                case SayStep():
                    messages.append(self._say(state, self._words(state, step, step.say)))
                    self._go(state, step, None)
                case SetGoalStep():
                    effects.append(self._save(state, self._goal(state, step)))
                    self._say_optional(state, step, messages)
                    self._go(state, step, None)
                case RecordStep():
                    effects.append(self._save(state, self._record(state, step.record)))
                    self._say_optional(state, step, messages)
                    self._go(state, step, None)
                case BranchStep():
                    target = next((case.next for case in step.branch if self._holds(state, case.when)), step.otherwise)
                    frame.step = target
                case CallStep():
                    frame.step = step.next or flow.step_after(step.id) or ""
                    callee = self.flows[step.call]
                    state.stack.append(Frame(step.call, callee.start, via=step.id))
                case EndStep():
                    if step.end:
                        messages.append(self._say(state, self._words(state, step, step.end)))
                    state.stack.pop()
                case _:
                    raise TypeError(f"unknown step {step!r}")
        raise FlowError(f"The flow '{state.stack[-1].flow}' goes round in a loop without asking anything.")

    def _go(self, state: EngineState, step: Any, chosen_next: str | None) -> None:
        frame = state.stack[-1]
        flow = self.flows[frame.flow]
        frame.step = chosen_next or getattr(step, "next", None) or flow.step_after(step.id) or ""

    def _save(self, state: EngineState, effect: Effect) -> Effect:
        key = getattr(effect, "key", "")
        if key and state.history:
            state.history[-1].saved_keys.append(key)
        return effect

    def _key(self, state: EngineState) -> str:
        state.counter += 1
        return f"e{state.counter}"

    def _say_optional(self, state: EngineState, step: Any, messages: list[str]) -> None:
        if step.say:
            messages.append(self._say(state, self._words(state, step, step.say)))

    def _goal(self, state: EngineState, step: SetGoalStep) -> SaveGoal:
        spec = step.set_goal
        fields = {name: self._text(state, value) for name, value in spec.model_dump().items() if name != "kind"}
        key = self._key(state)
        state.goal_key = key
        return SaveGoal(key=key, kind=spec.kind, **fields)

    def _record(self, state: EngineState, spec: RecordSpec) -> Effect:
        text = self._text(state, spec.text)
        key = self._key(state)
        match spec.kind:
            case "interest":
                assert spec.when is not None
                return SaveInterest(key=key, text=text, when=spec.when)
            case "connection":
                return SaveConnection(key=key, text=text, kind=spec.connection or "person")
            case "note":
                return SaveNote(key=key, text=text, private=spec.private, remind_on=self._text(state, spec.remind_on))
            case "barrier":
                parent = {"none": "", "first": state.first_barrier_key, "last": state.last_barrier_key}[spec.part_of]
                said = self._text(state, spec.owner or "person").lower()
                barrier_owner: BarrierOwner = "service" if said.startswith(("service", "worker")) else "person"
                if spec.part_of == "none":
                    state.first_barrier_key = key
                state.last_barrier_key = key
                return SaveBarrier(key=key, text=text, owner=barrier_owner, parent_key=parent)
            case "solution":
                realistic = self._truthy(state, spec.realistic)
                return SaveSolution(key=key, barrier_key=state.last_barrier_key, text=text, realistic=realistic, chosen=realistic)
            case "small_step":
                owner_text = self._text(state, spec.owner or "person").lower()
                owner: Owner = (
                    "worker" if "worker" in owner_text
                    else "someone_else" if "someone" in owner_text or "other" in owner_text
                    else "person"
                )
                goal_key, goal_id = self._goal_ref(state, spec)
                return SaveSmallStep(key=key, text=text, owner=owner, goal_key=goal_key, goal_id=goal_id)
            case "checkin":
                _, goal_id = self._goal_ref(state, spec)
                went = "" if spec.attended is None else self._text(state, str(spec.attended)).strip().lower()
                paused = went in {"paused", "away", "unwell"}
                attended = None if not went or paused else went in {"yes", "true", "y"}
                return SaveCheckin(
                    key=key, goal_id=goal_id or 0, attended=attended, paused=paused,
                    value=self._text(state, spec.value), feeling=self._text(state, spec.feeling),
                    by="worker" if state.context.get("mode") == "joint" else "person",
                )
            case "rating":
                return SaveRating(key=key, topic=spec.topic, score=self._score(state, spec.score), words=text)
            case "wellbeing":
                assert spec.question is not None
                return SaveWellbeing(key=key, question=spec.question, score=self._wellbeing_score(state, spec.score))
        raise TypeError(f"unknown record kind {spec.kind}")

    def _help(self, state: EngineState, step: Any) -> str:
        if step.help:
            return self._say(state, step.help)
        return DEFAULT_EASY_HELP if self._easy(state) else DEFAULT_HELP

    @staticmethod
    def _today(state: EngineState) -> date:
        """The session's today; the computer's date if the session gave none that can be read."""
        try:
            return date.fromisoformat(state.context.get("today", ""))
        except ValueError:
            return date.today()

    def _score(self, state: EngineState, template: str) -> int:
        """A rating from 1 to 5; an answer that is not a number counts as 0 (not given)."""
        try:
            number = float(read.read_number(self._text(state, template)).value)
        except read.AnswerProblem:
            return 0
        return max(1, min(5, round(number)))

    def _wellbeing_score(self, state: EngineState, template: str) -> int | None:
        """An answer from 0 to 10 (0 is an answer, not 'none given'); None when it is not a number."""
        try:
            number = float(read.read_number(self._text(state, template)).value)
        except read.AnswerProblem:
            return None
        return max(0, min(10, round(number)))

    def _goal_ref(self, state: EngineState, spec: RecordSpec) -> tuple[str, int | None]:
        given = state.context.get("goal_id", "").strip()
        if spec.goal == "given" or not state.goal_key:
            return "", int(given) if given.isascii() and given.isdecimal() else None
        return state.goal_key, None

    def _truthy(self, state: EngineState, value: str | bool) -> bool:
        if isinstance(value, bool):
            return value
        return self._text(state, value).strip().lower() in {"yes", "true", "y"}

    def _holds(self, state: EngineState, condition: Condition) -> bool:
        value = self._values(state).get(condition.answer, "")
        if condition.equals is not None:
            return value.strip().lower() == condition.equals.strip().lower()
        if condition.one_of is not None:
            return value.strip().lower() in {v.strip().lower() for v in condition.one_of}
        if condition.is_empty is not None:
            return (value.strip() == "") == condition.is_empty
        try:
            number = float(value)
        except ValueError:
            return False
        if condition.above is not None:
            return number > condition.above
        return condition.below is not None and number < condition.below

    # -- showing ----------------------------------------------------------

    def _current_step(self, state: EngineState) -> Any:
        frame = state.stack[-1]
        flow = self.flows.get(frame.flow)
        if flow is None or not flow.has_step(frame.step):
            raise FlowError(
                f"This saved conversation stopped at step '{frame.step}' of the flow '{frame.flow}', "
                "which no longer exists; the flow may have been edited since."
            )
        return flow.step(frame.step)

    def _values(self, state: EngineState) -> dict[str, str]:
        return {**state.context, **state.answers}

    def _say(self, state: EngineState, template: str) -> str:
        """Text for people to read: like `_text`, with dates written in words ('25 February 2027')."""
        return render(template, self._values(state), dates_in_words=True)

    def _text(self, state: EngineState, template: str) -> str:
        return render(template, self._values(state))

    def _easy(self, state: EngineState) -> bool:
        return state.context.get("easy_read", "") in {"yes", "true", "1"}

    def _words(self, state: EngineState, step: Any, normal: str) -> str:
        return step.easy_read if self._easy(state) and step.easy_read else normal

    def _option_labels(self, state: EngineState, step: ChooseStep) -> tuple[str, ...]:
        easy = self._easy(state)
        return tuple(self._say(state, o.easy_read if easy and o.easy_read else o.label) for o in step.choose)

    def _prompt(self, state: EngineState, step: Any) -> Prompt:
        frame = state.stack[-1]
        common = {
            "flow": frame.flow, "step": step.id,
            "guide": self._say(state, step.guide) if step.guide else "",
            "optional": getattr(step, "optional", False),
        }
        match step:
            case ChooseStep():
                text = self._say(state, self._words(state, step, step.say))
                return Prompt(kind="choose", text=text, options=self._option_labels(state, step), **common)
            case AskStep():
                text = self._say(state, self._words(state, step, step.ask))
                return Prompt(
                    kind="ask", text=text, validate=step.validate_as, options=tuple(step.options or ()),
                    placeholder=self._say(state, step.placeholder or ""), **common,
                )
            case SuggestAssetsStep():
                query = step.suggest_assets
                search = SuggestAssets(
                    query=self._text(state, query.query),
                    domain=self._text(state, query.domain) or None if query.domain else None,
                    area=self._text(state, query.area) or None if query.area else None,
                    day=self._text(state, query.day) or None if query.day else None,
                    free=self._truthy(state, query.free),
                    accessible=self._truthy(state, query.accessible),
                    limit=query.limit,
                )
                text = self._say(state, self._words(state, step, step.say))
                return Prompt(kind="suggest", text=text, search=search, **common)
        raise FlowError(f"The step '{step.id}' does not wait for an answer.")
