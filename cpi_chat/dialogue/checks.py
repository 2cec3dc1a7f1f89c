"""Checks across steps and flows: dangling `next` and `call`, cycles, unknown answers, unreachable steps."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from cpi_chat.dialogue.library import FlowLibrary, FlowSource, Problem, format_loc, key_line
from cpi_chat.dialogue.lists import COMPUTED_NAMES, ITEM_ANSWERS
from cpi_chat.dialogue.model import (
    BranchStep,
    CallStep,
    ChooseStep,
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
from cpi_chat.dialogue.templates import BUILT_IN_NAMES, PLACEHOLDER, names_in

CONTEXT_NAMES = BUILT_IN_NAMES | {"mode", "easy_read"} | COMPUTED_NAMES


def check_library(library: FlowLibrary) -> list[Problem]:
    """Every cross-reference problem in the library."""
    problems: list[Problem] = []
    for source in library.sources.values():
        problems.extend(_check_flow(source, library))
    problems.extend(_call_cycles(library))
    return problems


def successors(flow: Flow, step: Any) -> list[tuple[str, tuple[Any, ...]]]:
    """The steps this one can lead to, each with the location of the key that says so."""
    index = next(i for i, s in enumerate(flow.steps) if s is step)
    after = flow.steps[index + 1].id if index + 1 < len(flow.steps) else None
    here: tuple[Any, ...] = ("steps", index)
    default = [(step.next, here + ("next",))] if getattr(step, "next", None) else ([(after, here)] if after else [])
    match step:
        case BranchStep():
            return [(c.next, here + ("branch", i, "next")) for i, c in enumerate(step.branch)] + [
                (step.otherwise, here + ("otherwise",))
            ]
        case EndStep():
            return []
        case ChooseStep():
            targets = [(o.next, here + ("choose", i, "next")) for i, o in enumerate(step.choose) if o.next]
            if any(not o.next for o in step.choose) or step.optional or step.choose_from:
                targets += default
            return targets
        case _:
            return default


def _problem(source: FlowSource, loc: tuple[Any, ...], message: str, warning: bool = False) -> Problem:
    line = key_line(source.node, loc[:-1], loc[-1]) if loc and isinstance(loc[-1], str) else source.line_of(loc)
    return Problem(source.path, line, format_loc(loc), message, warning)


def _check_flow(source: FlowSource, library: FlowLibrary) -> Iterator[Problem]:
    flow = source.flow
    seen: dict[str, int] = {}
    for index, step in enumerate(flow.steps):
        if step.id in seen:
            yield _problem(source, ("steps", index, "id"), f"step id '{step.id}' is used twice (first at steps[{seen[step.id]}])")
        else:
            seen[step.id] = index
    ids = set(seen)
    if flow.start not in ids:
        yield _problem(source, ("start",), f"no step named '{flow.start}'{_suggest(flow.start, ids)}")
    for index, step in enumerate(flow.steps):
        for target, loc in successors(flow, step):
            if target not in ids:
                yield _problem(source, loc, f"no step named '{target}'{_suggest(target, ids)}")
        if isinstance(step, ChooseStep) and not step.choose and not step.choose_from:
            yield _problem(source, ("steps", index, "choose"), "a choose step needs at least one option")
        if isinstance(step, CallStep) and step.call not in library.sources:
            yield _problem(source, ("steps", index, "call"), f"no flow named '{step.call}'{_suggest(step.call, set(library.sources))}")
    for index, step in enumerate(flow.steps):
        for loc, text in _templates(step):
            if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
                yield _problem(
                    source, ("steps", index) + loc,
                    "has a brace that is not an answer name: write names in lower case like {name}, and {{ or }} for a brace",
                )
    if flow.start in ids:
        yield from _unreachable(source, ids)
        yield from _unknown_answers(source, library)
        yield from _loops_without_questions(source, ids)


def _unreachable(source: FlowSource, ids: set[str]) -> Iterator[Problem]:
    flow = source.flow
    reached, todo = {flow.start}, [flow.start]
    while todo:
        step = flow.step(todo.pop())
        for target, _ in successors(flow, step):
            if target in ids and target not in reached:
                reached.add(target)
                todo.append(target)
    for index, step in enumerate(flow.steps):
        if step.id not in reached:
            yield _problem(source, ("steps", index, "id"), f"step '{step.id}' can never be reached", warning=True)


AUTOMATIC = (SayStep, SetGoalStep, RecordStep, SetStep, BranchStep)


def _loops_without_questions(source: FlowSource, ids: set[str]) -> Iterator[Problem]:
    """Steps that can go round in a circle without asking anything would never stop."""
    flow = source.flow
    automatic = {s.id for s in flow.steps if isinstance(s, AUTOMATIC)}
    edges = {
        step_id: {t for t, _ in successors(flow, flow.step(step_id)) if t in automatic}
        for step_id in automatic
    }
    reported: set[str] = set()
    for index, step in enumerate(flow.steps):
        if step.id not in automatic or step.id in reported:
            continue
        circle = _circle_through(step.id, edges)
        if circle:
            reported.update(circle)
            has_branch = any(isinstance(flow.step(s), BranchStep) for s in circle)
            message = "these steps go round in a circle without asking anything: " + " -> ".join(circle + [circle[0]])
            if has_branch:
                message += " (unless a branch always leads out of it)"
            yield _problem(source, ("steps", index, "id"), message, warning=has_branch)


def _circle_through(start: str, edges: dict[str, set[str]]) -> list[str]:
    """A path from `start` back to itself along `edges`, or [] if there is none."""
    parents: dict[str, str] = {}
    todo = [start]
    while todo:
        here = todo.pop()
        for target in sorted(edges.get(here, ())):
            if target == start:
                path = [here]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return list(reversed(path))
            if target not in parents:
                parents[target] = here
                todo.append(target)
    return []


def answers_set_by(flow_id: str, library: FlowLibrary, visiting: frozenset[str] = frozenset()) -> set[str]:
    """Every answer name a flow (and the flows it calls) can set."""
    source = library.sources.get(flow_id)
    if source is None or flow_id in visiting:
        return set()
    names: set[str] = set()
    for step in source.flow.steps:
        names |= _defines(step, library, visiting | {flow_id})
    return names


def _defines(step: Any, library: FlowLibrary, visiting: frozenset[str] = frozenset()) -> set[str]:
    name = answer_name(step)
    if isinstance(step, SuggestAssetsStep) and name:
        return {name, f"{name}_id"}
    if isinstance(step, CallStep):
        return answers_set_by(step.call, library, visiting)
    if isinstance(step, ChooseStep) and step.choose_from and name:
        return {name, *ITEM_ANSWERS[step.choose_from]}
    return answers_kept(step)


def _templates(step: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Each piece of text in a step that may use answers, with its location inside the step."""
    for key in ("say", "ask", "easy_read", "guide", "help", "end", "placeholder"):
        value = getattr(step, key, None)
        if isinstance(value, str):
            yield (key,), value
    if isinstance(step, ChooseStep):
        for i, option in enumerate(step.choose):
            yield ("choose", i, "label"), option.label
            if option.easy_read:
                yield ("choose", i, "easy_read"), option.easy_read
    nested = {SuggestAssetsStep: "suggest_assets", SetGoalStep: "set_goal", RecordStep: "record"}
    for cls, key in nested.items():
        if isinstance(step, cls):
            for field_name, value in getattr(step, key).model_dump(by_alias=True).items():
                if isinstance(value, str):
                    yield (key, field_name), value
    if isinstance(step, SetStep):
        for name, words in step.answers.items():
            yield ("set", name), words
    if isinstance(step, BranchStep):
        for i, case in enumerate(step.branch):
            yield ("branch", i, "when", "answer"), "{" + case.when.answer + "}"
            if case.when.reaches:
                yield ("branch", i, "when", "reaches"), "{" + case.when.reaches + "}"


def _unknown_answers(source: FlowSource, library: FlowLibrary) -> Iterator[Problem]:
    """Templates naming an answer that no earlier step on any path can have set."""
    flow = source.flow
    known_at: dict[str, set[str]] = {flow.start: set(CONTEXT_NAMES) | set(flow.inputs)}
    todo = [flow.start]
    while todo:
        step = flow.step(todo.pop())
        out = known_at[step.id] | _defines(step, library)
        for target, _ in successors(flow, step):
            if not flow.has_step(target):
                continue
            before = known_at.get(target)
            if before is None or not out <= before:
                known_at[target] = (before or set()) | out
                todo.append(target)
    everything = set().union(*known_at.values())
    for index, step in enumerate(flow.steps):
        known = known_at.get(step.id)
        if known is None:
            continue
        for loc, text in _templates(step):
            for name in names_in(text):
                if name not in known:
                    hint = _suggest(name, everything) or " (set it in an earlier step, or list it under the flow's inputs)"
                    yield _problem(source, ("steps", index) + loc, f"uses {{{name}}}, but no earlier step sets an answer called '{name}'{hint}")


def _call_cycles(library: FlowLibrary) -> Iterator[Problem]:
    """A flow that ends up calling itself would never finish."""
    calls = {
        flow_id: [(s.call, i) for i, s in enumerate(src.flow.steps) if isinstance(s, CallStep)]
        for flow_id, src in library.sources.items()
    }
    reported: set[frozenset[str]] = set()

    def walk(flow_id: str, path: list[str]) -> Iterator[Problem]:
        for callee, index in calls.get(flow_id, []):
            if callee in path:
                cycle = path[path.index(callee):] + [callee]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    source = library.sources[flow_id]
                    yield _problem(source, ("steps", index, "call"), "flows call each other in a circle: " + " -> ".join(cycle))
            elif callee in calls:
                yield from walk(callee, path + [callee])

    for flow_id in sorted(calls):
        yield from walk(flow_id, [flow_id])


def _suggest(name: str, candidates: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(candidates), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
