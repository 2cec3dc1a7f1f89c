"""The worker panel: reminders due (F4 deals with one), the step's tip, private notes, barriers and their steps, and what happened since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Static

from cpi_chat.actions.notes import reminder_in_words
from cpi_chat.records.model import Note
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.typed_dates import date_examples

DEAL_WITH_KEY = "F4 marks the first one dealt with."


class WorkerPanel(VerticalScroll):
    """For the worker only (never in self mode); posts `NoteWritten` when a private note is saved."""

    @dataclass
    class NoteWritten(Message):
        """The worker wrote a private note, with the reminder date as typed ('' for none)."""

        text: str
        remind_on: str

    def compose(self) -> ComposeResult:
        yield Static("Worker panel (F2 hides it)", classes="title")
        yield Static("Reminders due now", classes="subtitle", id="due-title")
        yield Static("", id="due-reminders", markup=False)
        yield Static("Tip for this step", classes="subtitle")
        yield Static("", id="guide", markup=False)
        yield Static("Private notes", classes="subtitle")
        yield Static("", id="private-notes", markup=False)
        yield Input(placeholder="New private note", id="note-text", compact=True)
        yield Input(placeholder=f"Remind on (optional), e.g. {date_examples(date.today())}", id="note-date", compact=True)
        yield Static("", id="note-problem", classes="problem")
        yield Button("Save private note", id="save-note", compact=True)
        yield Static("Barriers and what will be done", classes="subtitle")
        yield Static("", id="barriers", markup=False)
        yield Static("Since the last session", classes="subtitle")
        yield Static("", id="since", markup=False)

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.show_problem("")

    def show_guide(self, guide: str) -> None:
        """Show the flow's tip for the current step."""
        self.query_one("#guide", Static).update(as_typed(guide or "No tip for this step."))

    def show_notes(self, notes: list[Note], due: list[Note], today: date) -> None:
        """Reminders due first (with the key that deals with them), then every other private note with its reminder in words."""
        due_ids = {n.id for n in due}
        for widget_id in ("#due-title", "#due-reminders"):
            self.query_one(widget_id).display = bool(due)
        self.query_one("#due-reminders", Static).update(as_typed("\n".join(
            [*("• " + reminder_in_words(n, today) for n in due), DEAL_WITH_KEY])))
        lines = ["• " + reminder_in_words(n, today) for n in notes if n.private and n.id not in due_ids]
        self.query_one("#private-notes", Static).update(as_typed("\n".join(lines) or (
            "No other private notes." if due else "No private notes yet.")))

    def show_barriers(self, lines: list[str]) -> None:
        """Show each goal's barriers, their parts and the steps agreed, with whose each step is."""
        self.query_one("#barriers", Static).update(as_typed("\n".join(lines) or "No barriers named yet."))

    def show_since(self, lines: list[str]) -> None:
        """Show what happened since the last session."""
        self.query_one("#since", Static).update(as_typed("\n".join(lines) or "Nothing yet."))

    def show_problem(self, problem: str) -> None:
        """Say in words what is wrong with the note typed."""
        line = self.query_one("#note-problem", Static)
        line.update(as_typed(problem))
        line.display = bool(problem)

    def clear_note(self) -> None:
        """Empty the note fields after saving."""
        self.query_one("#note-text", Input).value = ""
        self.query_one("#note-date", Input).value = ""
        self.show_problem("")

    @on(Button.Pressed, "#save-note")
    @on(Input.Submitted, "#note-text, #note-date")
    def _write(self, event: Message) -> None:
        event.stop()
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.show_problem("Type the note first.")
            self.query_one("#note-text", Input).focus()
            return
        self.post_message(self.NoteWritten(text, self.query_one("#note-date", Input).value.strip()))
