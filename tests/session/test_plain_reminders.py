"""Plain mode's reminders: said (never their words) when a session together opens; 'reminders' lists them and marks one dealt with."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from cpi_chat.actions import caseload, notes, people
from cpi_chat.plain import PlainConversation, PlainIO, open_session, words_at_any_question
from cpi_chat.workspace import Workspace

TODAY = datetime(2027, 3, 17, 10, 0, tzinfo=UTC)


def scripted(*typed: str) -> tuple[PlainIO, list[str]]:
    lines = iter(typed)
    shown: list[str] = []
    return PlainIO(read=lambda _prompt: next(lines, None), write=shown.append), shown


def test_typing_reminders_lists_those_due_and_marks_one_dealt_with(workspace: Workspace) -> None:
    with time_machine.travel(TODAY, tick=False):
        ann = people.add_person(workspace, "Ann Test")
        notes.add_private_note(workspace, ann.id, "Ask about the bus pass", "10/03/2027")
        notes.add_private_note(workspace, ann.id, "Ring the choir", "in 2 weeks")
        io, shown = scripted("reminders", "3", "1", "quit")
        opened = open_session(workspace, io, "Ann Test", "joint")
        assert opened is not None
        assert "For the worker: 1 private reminder due. Type reminders at any question to see them." in shown
        assert not any("bus pass" in line for line in shown), "its words wait until the worker asks"
        question = opened[1].reply.prompt.text
        PlainConversation(opened[0], io, words_at_any_question(workspace, io, ann.id, "joint")).run(opened[1])
        listed = shown.index("Reminders due now (private to the worker):")
        assert shown[listed + 1] == "  1. Ask about the bus pass (due since 10 March 2027)"
        assert "Please type a number from 1 to 1, or press Enter." in shown
        assert "Marked dealt with: Ask about the bus pass." in shown
        assert shown[shown.index("No reminder is due now.") + 2] == question, "then the question waiting is asked again"
        assert caseload.caseload(workspace, 6, date(2027, 3, 17)).reminders_due == set()


def test_the_person_alone_never_hears_of_reminders(workspace: Workspace) -> None:
    from cpi_chat.actions import settings

    with time_machine.travel(TODAY, tick=False):
        settings.change_setting(workspace, "self-check-in-pin", "off")
        ann = people.add_person(workspace, "Ann Test")
        notes.add_private_note(workspace, ann.id, "Ask about the bus pass", "10/03/2027")
        io, shown = scripted("quit")
        opened = open_session(workspace, io, "Ann Test", "self")
        assert opened is not None
        assert "reminders" not in words_at_any_question(workspace, io, ann.id, "self")
        assert not any("reminder" in line for line in shown)
