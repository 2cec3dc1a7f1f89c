"""`cpi-chat demo` offers the three personas, each with their first session already held."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat import records
from cpi_chat.demo import DEMO_PEOPLE, fill_demo
from cpi_chat.workspace import Workspace

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_the_demo_holds_the_three_personas_with_their_needs_and_goals(workspace: Workspace) -> None:
    fill_demo(workspace, today=date(2026, 11, 25))
    people = {p.name: p for p in records.list_people(workspace.db)}
    assert set(people) == {d.name for d in DEMO_PEOPLE} == {"Dan Mercer", "Joyce Whitlow", "Callum Reid"}
    assert people["Callum Reid"].needs.easy_read
    assert people["Joyce Whitlow"].needs.large_print and people["Joyce Whitlow"].needs.high_contrast
    goals = {name: [g.kind for g in records.list_goals(workspace.db, p.id)] for name, p in people.items()}
    assert goals == {"Dan Mercer": ["commitment", "target"], "Joyce Whitlow": ["commitment", "target"], "Callum Reid": ["commitment", "commitment"]}
