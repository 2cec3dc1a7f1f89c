"""`cpi-chat note add|list|dealt-with`: a private note's reminder is listed while due, and leaves the list once dealt with."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

TODAY = datetime(2027, 3, 17, 10, 0, tzinfo=UTC)


def test_a_due_reminder_is_listed_first_and_dealt_with_by_its_id(run, dev) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(TODAY, tick=False):
        added = run("note", "add", "Dev Okafor", "Ask about the bus pass", "--remind-on", "10/03/2027")
        assert added.exit_code == 0 and added.output == "Private note 1 saved: Ask about the bus pass (due since 10 March 2027).\n"
        assert run("note", "add", "Dev Okafor", "Ring the choir", "--remind-on", "next Tuesday").exit_code == 0
        listed = run("note", "list", "Dev Okafor").output
        assert listed.splitlines() == [
            "Reminders due now (1); `cpi-chat note dealt-with` marks one dealt with:",
            "   1  Ask about the bus pass (due since 10 March 2027)",
            "Other private notes:",
            "   2  Ring the choir (reminder on 23 March 2027)",
        ]
        dealt = run("note", "dealt-with", "Dev Okafor", "1")
        assert dealt.exit_code == 0 and dealt.output == "Reminder 1 (Ask about the bus pass) is marked dealt with.\n"
        assert "Reminders due now" not in run("note", "list", "Dev Okafor").output
        assert "dealt with on 17 March 2027" in run("note", "list", "Dev Okafor").output
        again = run("note", "dealt-with", "Dev Okafor", "1")
        assert again.exit_code == 1 and "already marked dealt with on 17 March 2027" in again.output


def test_a_note_without_a_reminder_is_refused_in_one_sentence(run, dev) -> None:  # type: ignore[no-untyped-def]
    assert run("note", "list", "Dev Okafor").output == "No private notes about Dev Okafor yet.\n"
    assert run("note", "add", "Dev Okafor", "Likes tea").exit_code == 0
    refused = run("note", "dealt-with", "Dev Okafor", "1")
    assert refused.exit_code == 1
    assert refused.output == "cpi-chat: That note has no reminder date, so there is nothing to mark dealt with.\n"
