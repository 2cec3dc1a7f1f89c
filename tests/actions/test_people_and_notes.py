"""People and notes: added, renamed and remembered in one transaction each, with an audit row and never any content."""

from __future__ import annotations

import pytest

from cpi_chat.actions import notes, people
from cpi_chat.errors import RecordsError
from cpi_chat.records.model import CommunicationNeeds
from cpi_chat.wording import NOT_FOUND_ALONE


def test_adding_renaming_and_changing_needs_are_each_audited(workspace, audit) -> None:
    ann = people.add_person(workspace, "Ann Test", CommunicationNeeds(easy_read=True))
    people.rename_person(workspace, ann.id, "A.T.")
    changed = people.change_needs(workspace, ann.id, CommunicationNeeds(large_print=True))
    assert changed.name == "A.T." and changed.needs == CommunicationNeeds(large_print=True)
    assert audit() == [("create", "person"), ("update", "person"), ("update", "person")]
    assert b"Ann Test" not in b"".join(str(row).encode() for row in workspace.db.execute("SELECT * FROM audit"))


def test_changing_one_need_keeps_the_others_and_a_preferred_name_is_cleaned_like_a_name(workspace, ann) -> None:
    people.change_needs(workspace, ann.id, CommunicationNeeds(easy_read=True, preferred_name="  Annie \x1b[31m "))
    changed = people.update_needs(workspace, ann.id, high_contrast=True, larger_spacing=True)
    assert changed.needs == CommunicationNeeds(easy_read=True, high_contrast=True, larger_spacing=True, preferred_name="Annie")  # the whole escape sequence goes
    assert changed.needs.in_words() == ("Communication needs: easy read, high contrast, larger spacing. "
                                        "They like to be called Annie.")


def test_an_unknown_need_is_refused_kindly(workspace, ann) -> None:
    from cpi_chat.errors import Refused

    with pytest.raises(Refused, match="no communication need called 'sign language'"):
        people.update_needs(workspace, ann.id, sign_language=True)


def test_a_name_of_digits_only_is_refused_because_digits_are_an_id(workspace) -> None:
    with pytest.raises(RecordsError, match="only digits"):
        people.add_person(workspace, "1234")
    assert people.everyone(workspace) == []


def test_the_person_alone_is_found_by_name_only_and_never_offered_anyone_else(workspace, ann) -> None:
    assert people.find_person_alone(workspace, "  ann   test ").id == ann.id
    with pytest.raises(RecordsError) as missing:
        people.find_person_alone(workspace, "Ann Tset")
    assert str(missing.value) == NOT_FOUND_ALONE
    with pytest.raises(RecordsError, match="did you mean Ann Test"):
        people.find_person(workspace, "Ann Tset")  # a worker may be offered the names it might be


def test_a_private_note_keeps_its_reminder_as_typed_and_stays_private(workspace, ann) -> None:
    kept = notes.add_private_note(workspace, ann.id, "Ask about the bus pass", "02/12/2026")
    assert (kept.text, kept.private, kept.remind_on) == ("Ask about the bus pass", True, "2026-12-02")
    assert notes.private_notes(workspace, ann.id) == [kept]
    with pytest.raises(RecordsError, match="You could type it like"):
        notes.add_private_note(workspace, ann.id, "Another", "next blue moon")
    with pytest.raises(RecordsError, match="needs a few words"):
        notes.add_private_note(workspace, ann.id, "   ")
    assert len(notes.private_notes(workspace, ann.id)) == 1


def test_a_due_reminder_marked_dealt_with_leaves_the_caseload_count_with_an_audit_row(workspace, ann, audit) -> None:
    from datetime import date

    from cpi_chat.actions import caseload

    today = date(2027, 3, 17)
    bus = notes.add_private_note(workspace, ann.id, "Ask about the bus pass", "2027-03-10")
    notes.add_private_note(workspace, ann.id, "Ring the choir", "2027-03-20")  # not due yet
    assert [n.text for n in notes.due_reminders(workspace, ann.id, today)] == ["Ask about the bus pass"]
    assert caseload.caseload(workspace, 6, today).reminders_due == {ann.id}
    before = len(audit())
    dealt = notes.mark_reminder_dealt_with(workspace, ann.id, bus.id, on=today)
    assert dealt.dealt_with == "2027-03-17"
    assert notes.due_reminders(workspace, ann.id, today) == []
    assert caseload.caseload(workspace, 6, today).reminders_due == set()
    assert audit()[before:] == [("update", "note")]


def test_dealing_with_a_reminder_is_refused_kindly_when_there_is_none_it_is_done_or_someone_elses(workspace, ann) -> None:
    from datetime import date

    from cpi_chat.errors import Refused

    today = date(2027, 3, 17)
    plain_note = notes.add_private_note(workspace, ann.id, "Likes tea")
    with pytest.raises(Refused, match="no reminder date"):
        notes.mark_reminder_dealt_with(workspace, ann.id, plain_note.id, on=today)
    due = notes.add_private_note(workspace, ann.id, "Check the form", "2027-03-01")
    notes.mark_reminder_dealt_with(workspace, ann.id, due.id, on=today)
    with pytest.raises(Refused, match="already marked dealt with on 17 March 2027"):
        notes.mark_reminder_dealt_with(workspace, ann.id, due.id, on=today)
    bob = people.add_person(workspace, "Bob Test")
    with pytest.raises(Refused, match="is not one of Bob Test's private notes"):
        notes.mark_reminder_dealt_with(workspace, bob.id, plain_note.id, on=today)
    with pytest.raises(Refused, match="No reminder is due for Ann Test now"):
        notes.deal_with_first_due(workspace, ann.id, today)
