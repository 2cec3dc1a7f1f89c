"""Draws a flow as a Mermaid flowchart, so a trainer can see its shape."""

from __future__ import annotations

from cpi_chat.dialogue.checks import successors
from cpi_chat.dialogue.model import (
    AskStep, BranchStep, CallStep, ChooseStep, EndStep, Flow, RecordStep, SayStep, SetGoalStep, SuggestAssetsStep,
)

SHORT = 40


def _short(text: str) -> str:
    text = " ".join(text.split()).replace('"', "'")
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
        case BranchStep():
            return "branch"
        case CallStep():
            return f"run flow {step.call}"
        case EndStep():
            return f"end: {_short(step.end or '')}"
        case SayStep():
            return f"say: {_short(step.say)}"
    return "?"


def mermaid(flow: Flow) -> str:
    """The flow as Mermaid `flowchart TD` text."""
    lines = ["flowchart TD", f'  start(("{_short(flow.title)}")) --> {flow.start}']
    for step in flow.steps:
        shape = ("{{", "}}") if isinstance(step, BranchStep) else ("([", "])") if isinstance(step, EndStep) else ("[", "]")
        lines.append(f'  {step.id}{shape[0]}"{step.id}: {_label(step)}"{shape[1]}')
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
                lines.append(f"  {step.id} {arrow} {target}")
    return "\n".join(lines) + "\n"
