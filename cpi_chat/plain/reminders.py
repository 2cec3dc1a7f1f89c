"""The worker's reminders in plain mode: said (without their words) when a session together opens; typed 'reminders' lists them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat.actions import notes
from cpi_chat.errors import CpiChatError
from cpi_chat.plain.conversation import PlainIO, ask_line

if TYPE_CHECKING:
    from cpi_chat.workspace import Workspace

REMINDERS_WORD = "reminders"
WHICH_DEALT_WITH = "Type the number of one dealt with now, or press Enter to leave them for later."


def reminders_line(workspace: Workspace, person_id: int) -> str:
    """'For the worker: 1 private reminder due…' when one is due, else '' (its words stay private until asked for)."""
    due = notes.due_reminders(workspace, person_id)
    if not due:
        return ""
    return f"For the worker: {notes.reminders_in_words(len(due))} due. Type {REMINDERS_WORD} at any question to see them."


def deal_with_reminders(workspace: Workspace, io: PlainIO, person_id: int) -> None:
    """List the reminders due, numbered, and mark the ones the worker says are dealt with (the people list's count drops)."""
    while True:
        due = notes.due_reminders(workspace, person_id)
        if not due:
            io.write("No reminder is due now.")
            return
        io.write("Reminders due now (private to the worker):")
        for number, note in enumerate(due, start=1):
            io.write(f"  {number}. {notes.reminder_in_words(note, date.today())}")
        typed = ask_line(io, WHICH_DEALT_WITH)
        if not typed:
            io.write("Back to the conversation.")
            return
        if not typed.isdecimal() or not 1 <= int(typed) <= len(due):
            io.write(f"Please type a number from 1 to {len(due)}, or press Enter.")
            continue
        try:
            dealt = notes.mark_reminder_dealt_with(workspace, person_id, due[int(typed) - 1].id)
        except CpiChatError as problem:
            io.write(str(problem))
            continue
        io.write(f"Marked dealt with: {dealt.text}.")

