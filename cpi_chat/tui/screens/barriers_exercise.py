"""The overcoming barriers exercise in the app: one question at a time beside a live chart from barrier to solutions."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static, Tree
from textual.widgets.tree import TreeNode

from cpi_chat.training import TRAINING_BANNER, TrainingError
from cpi_chat.training.barriers import (
    OWNERS,
    STAGES,
    Barrier,
    Solution,
    html_page,
    next_question,
    realistic_solutions,
    realistic_words,
    stage,
)
from cpi_chat.tui.as_typed import cell
from cpi_chat.tui.screens.ask_line import AskLineScreen
from cpi_chat.tui.screens.exercise_forms import ask_before_leaving
from cpi_chat.tui.widgets.key_bar import KeyBar

NARROW_BELOW = 90  # columns: below this the chart goes under the questions instead of beside them
DEFAULT_PAGE = "barrier-chart.html"
NOW = "▶ "  # marks the part or idea the question is about (the words of the question say it too)

BARRIERS_CSS = """
BarriersScreen #barrier-status { height: auto; padding: 0 1; text-style: bold; background: $boost; }
BarriersScreen #barrier-body { height: 1fr; layout: horizontal; }
BarriersScreen.-narrow #barrier-body { layout: vertical; }
BarriersScreen #barrier-ask { width: 40%; height: 1fr; padding: 0 1; }
BarriersScreen.-narrow #barrier-ask { width: 100%; height: auto; max-height: 50%; }
BarriersScreen #barrier-row { height: 1; }
BarriersScreen #barrier-label { width: auto; text-style: bold; padding-right: 1; }
BarriersScreen #barrier-answer { width: 1fr; background: $boost; }
App.-theme-cpi-high-contrast BarriersScreen #barrier-answer { background: #000000; }
BarriersScreen #barrier-question { text-style: bold; margin-top: 1; }
BarriersScreen #barrier-hint { margin-bottom: 1; }
BarriersScreen #barrier-message { margin-top: 1; }
BarriersScreen #barrier-chart { width: 1fr; height: 1fr; border: round $primary; border-title-style: bold; }
BarriersScreen.-narrow #barrier-chart { width: 100%; }
"""


def barrier_label(barrier: Barrier) -> str:
    """The chart's top line: 'Barrier (the person's): getting there on my own'."""
    whose = f" ({OWNERS[barrier.owner]})" if barrier.owner in OWNERS else ""
    return f"Barrier{whose}: {barrier.text}"


def part_label(part: Barrier) -> str:
    """A part of the barrier, saying in words when it is one problem."""
    return f"{part.text} (one problem)" if part.single and not part.parts else part.text


def solution_label(solution: Solution) -> str:
    """An idea with its realistic mark in words first, so a narrow chart that cuts long lines still shows it."""
    return f"Solution, {realistic_words(solution)}: {solution.text}"


class BarriersScreen(Screen[Barrier | None]):
    """The team splits a barrier into single problems, finds a solution for each and keeps the realistic ones."""

    DEFAULT_CSS = BARRIERS_CSS
    HELP = ("Overcoming barriers, with fictional data. Answer each question on the line and press Enter: "
            "the barrier; whose it is (person or service); whether each part is one problem (type one) or "
            "several (type the parts separated by semicolons); ideas for each problem as if it were the only "
            "obstacle (several separated by semicolons); then yes or no for whether each idea is still realistic. "
            "The chart on the right (below, on a narrow screen) grows as you go. F3 undoes the last answer; "
            "F4 saves the chart as a printable large-print page.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("escape", "leave", "Back", id="barrier_back", tooltip="Leave the exercise"),
        Binding("f3", "undo", "Undo", id="barrier_undo", tooltip="Take back the last answer"),
        Binding("f4", "save_page", "Save page", id="barrier_save", tooltip="Save the chart as a printable page"),
    ]

    def __init__(self, barrier: Barrier | None = None, page_to: str = "", warn_on_leave: bool = True) -> None:
        super().__init__(id="barriers-exercise")
        self.barrier = barrier
        self.page_to = page_to or DEFAULT_PAGE
        self.warn_on_leave = warn_on_leave
        self.history: list[Barrier | None] = []  # the chart before each answer, for undo
        self.saved_version = 0
        self.version = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("", id="barrier-status", markup=False)
        with Horizontal(id="barrier-body"):
            with VerticalScroll(id="barrier-ask"):
                yield Static("", id="barrier-question", markup=False)
                yield Static("", id="barrier-hint", markup=False)
                with Horizontal(id="barrier-row"):
                    yield Static("Answer:", id="barrier-label")
                    yield Input(placeholder="type, then Enter", id="barrier-answer", compact=True)
                yield Static("", id="barrier-message", markup=False)
            yield Tree("", id="barrier-chart")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = TRAINING_BANNER
        self.sub_title = "Overcoming barriers"
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.query_one("#barrier-chart", Tree).border_title = "The chart"
        answer = self.query_one("#barrier-answer", Input)
        answer.cursor_blink = False
        self.refresh_exercise()
        answer.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_BELOW, "-narrow")

    # -- showing ---------------------------------------------------------------

    def refresh_exercise(self) -> None:
        """Show the next question, the step reached, and the chart so far."""
        where = stage(self.barrier)
        question = next_question(self.barrier)
        step = f"step {where.number} of {len(STAGES)}: {where.name}" if where.number else "the chart is complete"
        self.query_one("#barrier-status", Static).update(f"Overcoming barriers · {step}")
        answer = self.query_one("#barrier-answer", Input)
        if question is not None:
            self.query_one("#barrier-question", Static).update(question.text)
            self.query_one("#barrier-hint", Static).update(question.hint)
            answer.disabled = False
            self.query_one("#barrier-row").display = True
        else:
            assert self.barrier is not None
            kept = realistic_solutions(self.barrier)
            listed = "".join(f"\n• {problem.text}: {solution.text}" for problem, solution in kept)
            self.query_one("#barrier-question", Static).update(
                f"The chart is complete. Realistic solutions to try: {len(kept)}.{listed}")
            self.query_one("#barrier-hint", Static).update(
                "F4 saves it as a printable page. F3 takes back the last answer.")
            answer.disabled = True
            self.query_one("#barrier-row").display = False  # nothing more to ask
        self.draw_chart(where.about)

    def draw_chart(self, asking: Barrier | Solution | None) -> None:
        """Rebuild the tree from the barrier, marking the part or idea being asked about."""
        chart = self.query_one("#barrier-chart", Tree)
        chart.clear()
        if self.barrier is None:
            chart.root.set_label("(The barrier will appear here.)")
            return
        chart.root.set_label(cell((NOW if asking is self.barrier else "") + barrier_label(self.barrier)))
        current: list[TreeNode[None]] = []

        def grow(node: TreeNode[None], barrier: Barrier) -> None:
            for part in barrier.parts:
                child = node.add(cell((NOW if asking is part else "") + part_label(part)), expand=True)
                if asking is part:
                    current.append(child)
                grow(child, part)
            for solution in barrier.solutions:
                leaf = node.add_leaf(cell((NOW if asking is solution else "") + solution_label(solution)))
                if asking is solution:
                    current.append(leaf)

        grow(chart.root, self.barrier)
        chart.root.expand_all()
        if current:
            chart.call_after_refresh(chart.move_cursor, current[0], animate=False)

    def say(self, message: str) -> None:
        """A message under the answer line, left there for slow readers."""
        self.query_one("#barrier-message", Static).update(message)

    # -- answering -------------------------------------------------------------

    @on(Input.Submitted, "#barrier-answer")
    def _answered(self, event: Input.Submitted) -> None:
        question = next_question(self.barrier)
        text = event.value.strip()
        if question is None or not text:
            return
        before = copy.deepcopy(self.barrier)
        try:
            self.barrier = question.answer(self.barrier, text)
        except TrainingError as problem:
            self.barrier = before  # an answer that fails part-way leaves the chart as it was
            self.say(str(problem))
            event.input.select_all()  # typing replaces it; an arrow key keeps it to correct
            return
        self.history.append(before)
        self.version += 1
        event.input.value = ""
        self.say("")
        self.refresh_exercise()

    def action_undo(self) -> None:
        """Take back the last answer."""
        if not self.history:
            self.say("There is nothing to take back.")
            return
        self.barrier = self.history.pop()
        self.version += 1
        self.refresh_exercise()
        self.say("Took back the last answer.")
        self.query_one("#barrier-answer", Input).focus()

    def action_save_page(self) -> None:
        """Ask for a file name and write the printable page of the chart there."""
        if self.barrier is None:
            self.say("Type the barrier first; there is no chart to save yet.")
            return
        self.app.push_screen(AskLineScreen(
            "Save the printable chart", "Which file? Open it in a web browser to print it.",
            value=self.page_to, ask_id="ask-page"), self._save_to)

    def _save_to(self, answer: str | None) -> None:
        if not answer or self.barrier is None:
            return
        path = Path(answer).expanduser().resolve()
        try:
            path.write_text(html_page(self.barrier), encoding="utf-8")
        except OSError as error:
            self.say(f"Could not write the page to {path} ({error.strerror}).")
            return
        self.page_to = answer
        self.saved_version = self.version
        message = f"Saved the printable chart to {path}. Open it in a web browser to print it."
        self.say(message)
        self.notify(message, markup=False, timeout=10)

    def action_leave(self) -> None:
        """Go back; asks first when the chart would be lost with the throwaway training folder."""
        if not self.warn_on_leave or self.barrier is None or self.saved_version == self.version:
            self.dismiss(self.barrier)
            return
        ask_before_leaving(self, "The chart is not saved. Leave anyway?", "Leave without saving",
                           "Save the page first (F4)", self.action_save_page, self.barrier, "confirm-leave-barriers")
