"""Draws a flow as a Mermaid flowchart, so a trainer can see its shape."""

from __future__ import annotations

from cpi_chat.dialogue.checks import successors
from cpi_chat.dialogue.model import (
    AskStep,
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
)

SHORT = 40


def _short(text: str) -> str:
    text = " ".join(text.split()).replace('"', "'").replace("#", "no. ")
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _label(step: object) -> str:
    match step:
        case AskStep():
            return f"ask: {_short(step.ask)}"
        case ChooseStep():
            return f"choose: {_short(step.say)}"
        case SuggestAssetsStep():
            return f"suggest groups: {_short(step.suggest_assets.query)}"
        case SetGoalStep():
            return f"save {step.set_goal.kind} goal"
        case RecordStep():
            return f"keep {step.record.kind.replace('_', ' ')}"
        case SetStep():
            return f"set {_short(', '.join(step.answers))}"
        case BranchStep():
            return "branch"
        case CallStep():
            return f"run flow {step.call}"
        case EndStep():
            return f"end: {_short(step.end or '')}"
        case SayStep():
            return f"say: {_short(step.say)}"
    return "?"


def _node(step_id: str) -> str:
    """A Mermaid node id that can never clash with a keyword such as `end` or with the start node."""
    return f"step_{step_id}"


def mermaid(flow: Flow) -> str:
    """The flow as Mermaid `flowchart TD` text."""
    lines = ["flowchart TD", f'  flow_start(("{_short(flow.title)}")) --> {_node(flow.start)}']
    for step in flow.steps:
        shape = ("{{", "}}") if isinstance(step, BranchStep) else ("([", "])") if isinstance(step, EndStep) else ("[", "]")
        lines.append(f'  {_node(step.id)}{shape[0]}"{step.id}: {_label(step)}"{shape[1]}')
    drawn: set[str] = set()
    for step in flow.steps:
        labels: dict[str, str] = {}
        if isinstance(step, ChooseStep):
            for option in step.choose:
                if option.next:
                    labels[option.next] = _short(option.label)
        if isinstance(step, BranchStep):
            for case in step.branch:
                labels.setdefault(case.next, f"if {case.when.answer}")
            labels.setdefault(step.otherwise, "otherwise")
        for target, _ in successors(flow, step):
            if flow.has_step(target):
                label = labels.get(target)
                arrow = f'-- "{label}" -->' if label else "-->"
                edge = f"  {_node(step.id)} {arrow} {_node(target)}"
                if edge not in drawn:
                    drawn.add(edge)
                    lines.append(edge)
    return "\n".join(lines) + "\n"
