"""`cpi-chat note add|list|dealt-with`: the worker's private notes and their reminders, outside a session."""

from __future__ import annotations

from datetime import date

import click

from cpi_chat.actions import notes, people
from cpi_chat.cli.common import echo, pass_paths
from cpi_chat.paths import Paths
from cpi_chat.workspace import Workspace


@click.group()
def note() -> None:
    """The worker's private notes about a person, with reminders (never shown to the person)."""


@note.command("add")
@click.argument("who", metavar="PERSON")
@click.argument("text")
@click.option("--remind-on", "remind_on", metavar="DATE", default="",
              help="When to be reminded (31/03/2027, next Tuesday, in 3 weeks); none by default.")
@pass_paths
def note_add(paths: Paths, who: str, text: str, remind_on: str) -> None:
    """Keep a private note for the worker, perhaps with a reminder date."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        kept = notes.add_private_note(workspace, found.id, text, remind_on)
    echo(f"Private note {kept.id} saved: {notes.reminder_in_words(kept, date.today())}.")


@note.command("list")
@click.argument("who", metavar="PERSON")
@pass_paths
def note_list(paths: Paths, who: str) -> None:
    """The person's private notes: reminders due first, then the rest, each with its id."""
    today = date.today()
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        due = notes.due_reminders(workspace, found.id, today)
        rest = [n for n in notes.private_notes(workspace, found.id) if n not in due]
    if not due and not rest:
        echo(f"No private notes about {found.name} yet.")
        return
    if due:
        echo(f"Reminders due now ({len(due)}); `cpi-chat note dealt-with` marks one dealt with:")
        for n in due:
            echo(f"{n.id:>4}  {notes.reminder_in_words(n, today)}")
    if rest:
        echo("Other private notes:" if due else "Private notes:")
        for n in rest:
            echo(f"{n.id:>4}  {notes.reminder_in_words(n, today)}")


@note.command("dealt-with")
@click.argument("who", metavar="PERSON")
@click.argument("note_id", type=int)
@pass_paths
def note_dealt_with(paths: Paths, who: str, note_id: int) -> None:
    """Mark a note's reminder dealt with: it leaves 'Reminders due' on the people list and the worker panel."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        dealt = notes.mark_reminder_dealt_with(workspace, found.id, note_id)
    echo(f"Reminder {dealt.id} ({dealt.text}) is marked dealt with.")


COMMANDS: list[click.Command] = [note]
