"""The conversation engine: a pure state machine over flows. No input, no output, no database.

`Engine.start` and `Engine.handle` take a state and an event and return the next state and a
`Reply`: the messages to show, the question now waiting (if any), and the effects for the
session to carry out. The state is a small dataclass that round-trips through JSON.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from cpi_chat.amounts import reaches
from cpi_chat.dialogue import answers as read
from cpi_chat.dialogue.effects import (
    Effect,
    EndSession,
    SaveChosenGroup,
    SaveGoal,
    SuggestAssets,
    Withdraw,
)
from cpi_chat.dialogue.events import (
    Answer,
    Back,
    Event,
    Help,
    KeepAsset,
    Pick,
    PickAsset,
    Skip,
    Stop,
)
from cpi_chat.dialogue.keeping import record_effect, truthy
from cpi_chat.dialogue.lists import (
    GOALS,
    GROUPS,
    ITEM_ANSWERS,
    computed_answers,
    items_of,
    label_of,
    read_list,
    with_item,
)
from cpi_chat.dialogue.model import (
    AskStep,
    BranchStep,
    CallStep,
    ChooseStep,
    Condition,
    EndStep,
    Flow,
    RecordStep,
    SayStep,
    SetGoalStep,
    SetStep,
    SuggestAssetsStep,
    answer_name,
    answers_kept,
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
            case KeepAsset():
                return self._keep_group(state, step, event)
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
                items = items_of(self._values(state), step.choose_from) if step.choose_from else []
                shown = self._option_labels(state, step)
                if isinstance(event, Pick):
                    if not 0 <= event.index < len(shown):
                        raise read.AnswerProblem("Please pick one of the options shown.")
                    index = event.index
                elif isinstance(event, Answer):
                    index = shown.index(read.read_choice(event.text, list(shown)).value)
                else:
                    raise read.AnswerProblem("Please pick one of the options shown.")
                if index < len(items):  # one of the list's items: its answers are kept, as if given again
                    assert step.choose_from is not None
                    item = items[index]
                    kept = {name: item.get(name, "") for name in ITEM_ANSWERS[step.choose_from]}
                    return "picked", kept, None
                option = step.choose[index - len(items)]
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
            case "date" | "date_to_come":
                return read.read_date(text, self._today(state), to_come=step.validate_as == "date_to_come")
            case "yes_no":
                return read.read_yes_no(text)
            case "progress":
                return read.read_progress(text, self._values(state).get(step.toward or "", ""))
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
        state.last_solution_key = checkpoint.last_solution_key
        step = self._current_step(state)
        name = answer_name(step) or ""
        prompt = replace(self._prompt(state, step), previous=previous_answers.get(name, ""))
        effects = withdrawn + self._search_again(prompt)
        return state, Reply(messages=(), prompt=prompt, effects=effects, progress=self.progress(state))

    def _keep_group(self, state: EngineState, step: Any, event: KeepAsset) -> tuple[EngineState, Reply]:
        """A group picked in the finder during another question: kept (and offered when goals are set), the question stays."""
        prompt = self._prompt(state, step)
        kept = [g for g in read_list(self._values(state), GROUPS) if g.get("chosen_asset_id") == event.asset_id]
        if kept or not event.name.strip():
            notice = f"{event.name} is already kept for your plan." if kept else ""
            return state, Reply(messages=(), prompt=prompt, progress=self.progress(state), notice=notice)
        checkpoint = state._checkpoint()
        group = {"chosen_asset": event.name.strip(), "chosen_asset_id": event.asset_id, "first_visit": ""}
        state.keep_answers(checkpoint, {GROUPS: with_item(state.answers, GROUPS, group)})
        state.history.append(checkpoint)
        effect = self._save(state, SaveChosenGroup(key=self._key(state), name=event.name.strip(), asset_id=event.asset_id))
        notice = f"Kept {event.name.strip()} for your plan: it will be offered when goals are set."
        return state, Reply(messages=(), prompt=prompt, effects=(effect,), progress=self.progress(state), notice=notice)

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
                if frame.each and frame.index + 1 < len(read_list(self._values(state), GOALS)):
                    frame.index += 1  # the same flow again, for the next goal
                    frame.step = self.flows[frame.flow].start
                    self._start_afresh(state, self.flows[frame.flow])
                    continue
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
                case SetStep():
                    values = self._values(state)
                    kept_words = {name: render(words, values) for name, words in step.answers.items()}
                    state.keep_answers(state.history[-1] if state.history else state._checkpoint(), kept_words)
                    self._say_optional(state, step, messages)
                    self._go(state, step, None)
                case RecordStep():
                    kept = self._record(state, step)
                    if kept is not None:
                        effects.append(self._save(state, kept))
                    self._say_optional(state, step, messages)
                    self._go(state, step, None)
                case BranchStep():
                    target = next((case.next for case in step.branch if self._holds(state, case.when)), step.otherwise)
                    frame.step = target
                case CallStep():
                    frame.step = step.next or flow.step_after(step.id) or ""
                    callee = self.flows[step.call]
                    if step.for_each and not read_list(self._values(state), GOALS):
                        continue  # no goal to go through
                    state.stack.append(Frame(step.call, callee.start, via=step.id, each=step.for_each or ""))
                    self._start_afresh(state, callee)
                case EndStep():
                    if step.end:
                        messages.append(self._say(state, self._words(state, step, step.end)))
                    frame.step = ""  # finished: the loop above returns to the caller, or runs it for the next goal
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
        goal = {"goal_key": key, "goal_what": fields["what"], "goal_kind": spec.kind, "goal_how_often": fields["how_often"],
                "goal_asset_id": fields["asset_id"], "goal_measure": fields["measure"]}
        self._keep_in_list(state, GOALS, goal)
        return SaveGoal(key=key, kind=spec.kind, **fields)

    def _record(self, state: EngineState, step: RecordStep) -> Effect | None:
        values = self._values(state)
        effect = record_effect(state, step.record, self._key(state), lambda t: render(t, values), values)
        if isinstance(effect, SaveChosenGroup):  # offered as a goal from now on
            group = {"chosen_asset": effect.name, "chosen_asset_id": effect.asset_id, "first_visit": effect.first_visit}
            self._keep_in_list(state, GROUPS, group)
        return effect

    @staticmethod
    def _keep_in_list(state: EngineState, key: str, item: dict[str, str]) -> None:
        """Add an item to a list kept among the answers, so going back removes it again."""
        checkpoint = state.history[-1] if state.history else state._checkpoint()
        state.keep_answers(checkpoint, {key: with_item(state.answers, key, item)})

    def _start_afresh(self, state: EngineState, flow: Flow) -> None:
        """A flow called again (or for the next goal) starts without its own earlier answers; the ones it is given stay."""
        names = {name for s in flow.steps for name in answers_kept(s)}
        names |= {f"{answer_name(s)}_id" for s in flow.steps if isinstance(s, SuggestAssetsStep)}
        for s in flow.steps:
            if isinstance(s, ChooseStep) and s.choose_from:
                names |= set(ITEM_ANSWERS[s.choose_from])
        stale = {name: "" for name in names - set(flow.inputs) if state.answers.get(name or "")}
        if stale:
            state.keep_answers(state.history[-1] if state.history else state._checkpoint(), stale)  # type: ignore[arg-type]

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

    def _holds(self, state: EngineState, condition: Condition) -> bool:
        value = self._values(state).get(condition.answer, "")
        if condition.equals is not None:
            return value.strip().lower() == condition.equals.strip().lower()
        if condition.one_of is not None:
            return value.strip().lower() in {v.strip().lower() for v in condition.one_of}
        if condition.is_empty is not None:
            return (value.strip() == "") == condition.is_empty
        if condition.reaches is not None:
            return reaches(value, self._values(state).get(condition.reaches, ""))
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
        """Every answer a template or branch can use: the session's, the lists' worked-out ones, the answers, the goal in view."""
        values = {**state.context, **state.answers}
        values = {**state.context, **computed_answers(values), **state.answers}
        goals = [f for f in state.stack if f.each]
        if goals:
            items = read_list(values, GOALS)
            for frame in goals:
                if frame.index < len(items):
                    values.update(items[frame.index])
                    values.update(goal_number=str(frame.index + 1), goals_total=str(len(items)))
        return values

    def _say(self, state: EngineState, template: str) -> str:
        """Text for people to read: like `_text`, with dates written in words ('25 February 2027')."""
        return render(template, self._values(state), dates_in_words=True).rstrip()  # an empty answer at the end leaves no space

    def _text(self, state: EngineState, template: str) -> str:
        return render(template, self._values(state))

    def _easy(self, state: EngineState) -> bool:
        return state.context.get("easy_read", "") in {"yes", "true", "1"}

    def _words(self, state: EngineState, step: Any, normal: str) -> str:
        return step.easy_read if self._easy(state) and step.easy_read else normal

    def _option_labels(self, state: EngineState, step: ChooseStep) -> tuple[str, ...]:
        """The quick replies shown: one per item of the step's list (if any), then the written ones."""
        easy = self._easy(state)
        items = items_of(self._values(state), step.choose_from) if step.choose_from else []
        from_list = tuple(label_of(step.choose_from or "", item) for item in items)
        return from_list + tuple(self._say(state, o.easy_read if easy and o.easy_read else o.label) for o in step.choose)

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
                    free=query.free if isinstance(query.free, bool) else truthy(self._text(state, query.free)),
                    accessible=query.accessible if isinstance(query.accessible, bool) else truthy(self._text(state, query.accessible)),
                    limit=query.limit,
                )
                text = self._say(state, self._words(state, step, step.say))
                return Prompt(kind="suggest", text=text, search=search, **common)
        raise FlowError(f"The step '{step.id}' does not wait for an answer.")
