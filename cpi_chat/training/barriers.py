"""The overcoming barriers exercise: a barrier split into single problems, a solution for each, and a chart of it all.

The tree is plain data; `next_question` walks it in the exercise's order (split everything, then
brainstorm a solution for every problem, then decide which are still realistic), so plain mode and
the TUI ask the same questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cpi_chat.training import TRAINING_BANNER, TrainingError

OWNERS = {"person": "the person's", "service": "the service's"}
YES = {"yes", "y", "yeah", "realistic", "still realistic", "ok"}
NO = {"no", "n", "nope", "not really", "not realistic"}
ONE = {"one", "1", "one problem", "one thing", "single"}
TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Solution:
    """An idea that would help if its problem were the only obstacle; `realistic` is None until decided."""

    text: str
    realistic: bool | None = None


@dataclass
class Barrier:
    """A barrier or one of its parts; `single` is None until someone says whether it is one problem."""

    text: str
    owner: str = ""
    parts: list[Barrier] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    single: bool | None = None


def new_barrier(text: str, owner: str = "") -> Barrier:
    """A barrier to work on; TrainingError when the words are empty or the owner unknown."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise TrainingError("Type the barrier in a few words, for example: getting there on my own.")
    if owner and owner not in OWNERS:
        raise TrainingError("A barrier is either the person's or the service's.")
    return Barrier(cleaned, owner)


def set_owner(barrier: Barrier, owner: str) -> None:
    """Say whose barrier it is: 'person' or 'service' (parts share it)."""
    if owner not in OWNERS:
        raise TrainingError("Type person (it is about the person) or service (the worker, the group or the organisation).")
    barrier.owner = owner


def split(barrier: Barrier, parts: list[str]) -> list[Barrier]:
    """Split a barrier into two or more parts; each part then is split further or called one problem."""
    cleaned = [" ".join(p.split()) for p in parts if p.strip()]
    if len(cleaned) < 2:
        raise TrainingError("Splitting needs at least two parts; if it is one problem, say so.")
    if barrier.solutions:
        raise TrainingError("This part already has solutions, so it is treated as one problem.")
    barrier.single = False
    barrier.parts = [Barrier(p, barrier.owner, single=None) for p in cleaned]
    return barrier.parts


def mark_single(barrier: Barrier) -> None:
    """Say this barrier (or part) is one problem that needs no more splitting."""
    if barrier.parts:
        raise TrainingError("This barrier has already been split into parts.")
    barrier.single = True


def add_solution(barrier: Barrier, text: str) -> Solution:
    """A solution for one problem, thought of as if it were the only obstacle."""
    if barrier.parts:
        raise TrainingError("Solutions go on the single problems, not on a barrier that has parts.")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise TrainingError("Type an idea that would help, however small.")
    barrier.single = True
    solution = Solution(cleaned)
    barrier.solutions.append(solution)
    return solution


def mark_realistic(solution: Solution, realistic: bool) -> None:
    """Say whether a solution is still realistic once every part has been thought about."""
    solution.realistic = realistic


def nodes(barrier: Barrier) -> Iterator[Barrier]:
    """The barrier and every part, depth first, in the order they were added."""
    yield barrier
    for part in barrier.parts:
        yield from nodes(part)


def problems(barrier: Barrier) -> list[Barrier]:
    """The single problems: the parts that were not split any further."""
    return [node for node in nodes(barrier) if not node.parts]


def realistic_solutions(barrier: Barrier) -> list[tuple[Barrier, Solution]]:
    """Each solution marked realistic, with the problem it solves: what the plan keeps."""
    return [(p, s) for p in problems(barrier) for s in p.solutions if s.realistic]


def is_complete(barrier: Barrier) -> bool:
    """True when every part is split or single, every problem has a solution and every solution is marked."""
    return next_question(barrier) is None


# -- the questions, in the exercise's order -----------------------------------------------


@dataclass(frozen=True)
class Question:
    """One question of the exercise and how an answer changes the tree."""

    text: str
    hint: str
    answer: Callable[[Barrier | None, str], Barrier]


def next_question(barrier: Barrier | None) -> Question | None:
    """The next thing to ask: the barrier, whose it is, each split, each solution, then each realistic mark."""
    if barrier is None:
        return Question("What is the barrier?", "For example: getting to the group on my own.", _answer_barrier)
    if not barrier.owner:
        return Question(
            f"Whose barrier is '{barrier.text}'?",
            "Type person (it is about the person) or service (the worker, the group or the organisation).",
            lambda b, line: _with(b, lambda root: set_owner(root, _owner(line))),
        )
    undecided = next((n for n in nodes(barrier) if n.single is None and not n.parts), None)
    if undecided is not None:
        return Question(
            f"Is '{undecided.text}' one problem, or a few things together?",
            "Type one, or type its parts separated by semicolons (for example: no bus on Sundays; it costs £5).",
            lambda b, line: _with(b, lambda root: _split_or_single(undecided, line)),
        )
    unsolved = next((p for p in problems(barrier) if not p.solutions), None)
    if unsolved is not None:
        return Question(
            f"If '{unsolved.text}' were the only obstacle, what could help?",
            "Brainstorm freely: several ideas can be separated by semicolons. Decide what is realistic afterwards.",
            lambda b, line: _with(b, lambda root: [add_solution(unsolved, idea) for idea in _ideas(line)]),
        )
    for problem in problems(barrier):
        for solution in problem.solutions:
            if solution.realistic is None:
                return Question(
                    f"Is '{solution.text}' (for '{problem.text}') still realistic?",
                    "Type yes or no.",
                    _marker(solution),
                )
    return None


def _marker(solution: Solution) -> Callable[[Barrier | None, str], Barrier]:
    return lambda barrier, line: _with(barrier, lambda root: mark_realistic(solution, _yes_no(line)))


def _answer_barrier(barrier: Barrier | None, line: str) -> Barrier:
    return new_barrier(line)


def _with(barrier: Barrier | None, change: Callable[[Barrier], object]) -> Barrier:
    assert barrier is not None
    change(barrier)
    return barrier


def _owner(line: str) -> str:
    word = line.strip().lower()
    if word in {"person", "p", "the person", "me", "mine", "the person's"}:
        return "person"
    if word in {"service", "s", "the service", "group", "worker", "the service's"}:
        return "service"
    raise TrainingError("Type person (it is about the person) or service (the worker, the group or the organisation).")


def _split_or_single(node: Barrier, line: str) -> None:
    if line.strip().lower() in ONE:
        mark_single(node)
        return
    parts = [p for p in re.split(r";", line) if p.strip()]
    if len(parts) < 2:
        raise TrainingError("Type one if it is one problem, or two or more parts separated by semicolons.")
    split(node, parts)


def _ideas(line: str) -> list[str]:
    ideas = [i for i in line.split(";") if i.strip()]
    if not ideas:
        raise TrainingError("Type an idea that would help, however small.")
    return ideas


def _yes_no(line: str) -> bool:
    word = line.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise TrainingError("Please type yes or no.")


STAGES = ("the barrier", "whose it is", "splitting into parts", "ideas for each problem", "realistic or not")


@dataclass(frozen=True)
class Stage:
    """Where the exercise is: step `number` of five (0 when the chart is complete) and what is being asked about."""

    number: int
    name: str
    about: Barrier | Solution | None = None


def stage(barrier: Barrier | None) -> Stage:
    """The step `next_question` is on, and the part or solution it asks about, for showing progress."""
    if barrier is None:
        return Stage(1, STAGES[0])
    if not barrier.owner:
        return Stage(2, STAGES[1], barrier)
    undecided = next((n for n in nodes(barrier) if n.single is None and not n.parts), None)
    if undecided is not None:
        return Stage(3, STAGES[2], undecided)
    unsolved = next((p for p in problems(barrier) if not p.solutions), None)
    if unsolved is not None:
        return Stage(4, STAGES[3], unsolved)
    undecided_idea = next((s for p in problems(barrier) for s in p.solutions if s.realistic is None), None)
    if undecided_idea is not None:
        return Stage(5, STAGES[4], undecided_idea)
    return Stage(0, "complete")


# -- the chart ----------------------------------------------------------------------------


def realistic_words(solution: Solution) -> str:
    """Whether a solution is still realistic, in words: 'realistic', 'not realistic' or 'not decided yet'."""
    return {True: "realistic", False: "not realistic", None: "not decided yet"}[solution.realistic]


def chart_in_sentences(barrier: Barrier) -> str:
    """The chart as sentences, one a line, from the barrier through its numbered parts to each solution.

    No drawing characters: a screen reader reads a tree of lines and corners as noise, so each line
    says where it belongs ("Part 1, solution 2: ...") instead.
    """
    whose = f" ({OWNERS[barrier.owner]})" if barrier.owner in OWNERS else ""
    lines = [f"Barrier{whose}: {barrier.text}."]

    def children(node: Barrier, number: str) -> None:
        for index, solution in enumerate(node.solutions, start=1):
            where = f"Part {number}, solution {index}" if number else f"Solution {index}"
            lines.append(f"{where}: {solution.text} ({realistic_words(solution)}).")
        for index, part in enumerate(node.parts, start=1):
            part_number = f"{number}.{index}" if number else str(index)
            lines.append(f"Part {part_number}: {part.text}.")
            children(part, part_number)

    children(barrier, "")
    return "\n".join(lines)


def _mermaid_label(text: str) -> str:
    return " ".join(text.split()).replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(barrier: Barrier) -> str:
    """The chart as a Mermaid flowchart: realistic solutions in green, the others dashed."""
    whose = f" ({OWNERS[barrier.owner]})" if barrier.owner in OWNERS else ""
    lines = ["flowchart LR", f'  b0["Barrier{whose}: {_mermaid_label(barrier.text)}"]']
    counter = {"b": 0, "s": 0}

    def walk(node: Barrier, name: str) -> None:
        for part in node.parts:
            counter["b"] += 1
            child = f"b{counter['b']}"
            lines.append(f'  {name} --> {child}["{_mermaid_label(part.text)}"]')
            walk(part, child)
        for solution in node.solutions:
            counter["s"] += 1
            child = f"s{counter['s']}"
            style = {True: "realistic", False: "unrealistic", None: "undecided"}[solution.realistic]
            lines.append(f'  {name} --> {child}(["{_mermaid_label(solution.text)}"]):::{style}')

    walk(barrier, "b0")
    lines += [
        "  classDef realistic fill:#d8f3dc,stroke:#1b5e20,stroke-width:2px",
        "  classDef unrealistic fill:#eeeeee,stroke:#757575,stroke-dasharray: 5 5",
        "  classDef undecided fill:#fff8e1,stroke:#8d6e00",
    ]
    return "\n".join(lines)


def html_page(barrier: Barrier, title: str = "Overcoming barriers") -> str:
    """A printable page of the chart (large print, escaped), with the realistic solutions listed at the end."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"], default=True),
    )
    template = environment.get_template("barriers.html.j2")
    return template.render(
        title=title, banner=TRAINING_BANNER, barrier=barrier, whose=OWNERS.get(barrier.owner, ""),
        kept=realistic_solutions(barrier), mark=realistic_words,
    )
