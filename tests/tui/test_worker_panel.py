"""The worker panel: F2 shows and hides it; it shows the step's tip, and saves private notes with a reminder."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_driving import conversation, demo_app, type_text

from cpi_chat import records
from cpi_chat.tui.widgets.worker_panel import WorkerPanel

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


async def open_dan(pilot) -> None:  # type: ignore[no-untyped-def]
    listing = pilot.app.screen.query_one("#people")
    listing.highlighted = listing.get_option_index(f"person-{records.find_person(pilot.app.workspace.db, 'Dan Mercer').id}")
    await pilot.press("enter")
    await pilot.pause()


async def test_f2_toggles_the_worker_panel_with_the_tip_and_the_summary_since_last_time(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_dan(pilot)
        screen = conversation(pilot)
        panel = screen.query_one(WorkerPanel)
        assert not panel.display
        await pilot.press("f2")
        await pilot.pause()
        assert panel.display
        assert str(panel.query_one("#guide", Static).render()) == (screen.prompt.guide or "No tip for this step.")
        assert "Since" in str(panel.query_one("#since", Static).render())
        await pilot.press("f2")
        await pilot.pause()
        assert not panel.display


async def test_a_private_note_with_a_reminder_is_saved_for_the_worker_only(demo_workspace) -> None:
    """F2 puts the cursor in the note box; the date box reads dates as every question does; F2 again goes back to the answer."""
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_dan(pilot)
        screen = conversation(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert screen.focused is screen.query_one("#note-text")
        assert "e.g. 25/02/2027, 25 February, next Tuesday, or 'in 3 months'" in screen.query_one("#note-date").placeholder
        await type_text(pilot, "check the football results before we meet")
        await pilot.press("tab")
        await type_text(pilot, "in 3 months")
        await pilot.press("enter")
        await pilot.pause()
        assert "(remind on 2027-02-25)" in str(screen.query_one("#private-notes", Static).render())

        screen.query_one("#note-text").focus()
        await type_text(pilot, "ring the coach")
        await pilot.press("tab")
        await type_text(pilot, "soonish")
        await pilot.press("enter")
        await pilot.pause()
        assert "couldn't read that as a date" in str(screen.query_one("#note-problem", Static).render())

        await pilot.press("f2")  # hidden from inside it: the next words typed are the answer, not lost
        await pilot.pause()
        assert screen.focused is screen.query_one("#answer")
        await type_text(pilot, "I went twice")
        assert screen.query_one("#answer").value == "I went twice"

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    private = [(n.text, n.remind_on) for n in records.list_notes(demo_workspace.db, dan.id, include_private=True) if n.private]
    assert private == [("check the football results before we meet", "2027-02-25")]
    assert all(not n.private for n in records.list_notes(demo_workspace.db, dan.id, include_private=False))


async def test_a_review_together_opens_with_what_happened_since_the_last_meeting(demo_workspace) -> None:
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    kick_boxing = next(g for g in records.list_goals(demo_workspace.db, dan.id) if g.kind == "commitment")
    records.add_checkin(demo_workspace.db, dan.id, kick_boxing.id, attended=True, by="person")
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_dan(pilot)
        screen = conversation(pilot)
        lines = [str(line.render()) for line in screen.query(".chat-line")]
        assert lines[0].startswith("Since we last met, on 25 November 2026:")
        assert "Kick-Boxing Fitness Class:\n    Week of " in lines[0] and ": went." in lines[0], "each week since, in words"
        assert lines[1].startswith("cpi-chat: Let's look back")
