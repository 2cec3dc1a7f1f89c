"""A person's communication needs reach every flow: easy-read words and the name they like, even in a session carried on."""

from __future__ import annotations

from cpi_chat.actions import people, sessions
from cpi_chat.records.model import CommunicationNeeds
from cpi_chat.session import Session


def test_the_conversation_calls_the_person_by_the_name_they_prefer(workspace) -> None:
    person = people.add_person(workspace, "Margaret Example", CommunicationNeeds(preferred_name="Peggy"))
    _session, first = Session.start(workspace.db, workspace.engine, workspace.assets, person)
    assert "Hello Peggy." in " ".join(first.reply.messages)


def test_easy_read_set_while_a_session_stopped_part_way_is_used_when_it_carries_on(workspace) -> None:
    person = people.add_person(workspace, "Sam Example")
    _session, first = Session.start(workspace.db, workspace.engine, workspace.assets, person)
    assert "Thank you for coming today." in " ".join(first.reply.messages)
    changed = people.update_needs(workspace, person.id, easy_read=True)
    record = sessions.session_to_carry_on(workspace, person.id)
    assert record is not None
    _again, resumed = Session.resume(workspace.db, workspace.engine, workspace.assets, changed, record)
    step = workspace.engine.flows[resumed.reply.prompt.flow].step(resumed.reply.prompt.step)
    assert step.easy_read and resumed.reply.prompt.text.startswith(step.easy_read.split("{")[0].strip())
