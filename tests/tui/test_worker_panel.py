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
        assert "(reminder on 25 February 2027)" in str(screen.query_one("#private-notes", Static).render())

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


async def test_f4_marks_a_due_reminder_dealt_with_and_the_people_lists_count_drops(demo_workspace) -> None:
    """A reminder whose day has come is said first, in words, and F4 deals with it; one still to come waits."""
    from cpi_chat.tui.widgets.caseload_bar import CaseloadBar

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    records.save_note(demo_workspace.db, dan.id, None, None, "ask about the bus pass", private=True, remind_on="2026-11-20")
    records.save_note(demo_workspace.db, dan.id, None, None, "ring the coach", private=True, remind_on="2026-12-09")
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Reminders due: 1 person" in str(app.screen.query_one(CaseloadBar).render())
        await open_dan(pilot)
        screen = conversation(pilot)
        first_lines = [str(line.render()) for line in screen.query(".chat-line")]
        assert any("For the worker: 1 private reminder due. F2 shows the worker panel." in line for line in first_lines)
        assert not any("bus pass" in line for line in first_lines), "the reminder's words stay in the worker panel"
        await pilot.press("f2")
        await pilot.pause()
        due = str(screen.query_one("#due-reminders", Static).render())
        assert due.startswith("• ask about the bus pass (due since 20 November 2026)")
        assert "ring the coach (reminder on 9 December 2026)" in str(screen.query_one("#private-notes", Static).render())
        await pilot.press("f4")
        await pilot.pause()
        assert not screen.query_one("#due-reminders").display
        notes_now = str(screen.query_one("#private-notes", Static).render())
        assert "ask about the bus pass (reminder for 20 November 2026, dealt with on 25 November 2026)" in notes_now
        assert not screen.check_action("reminder_dealt_with", ()), "F4 leaves the keys when nothing is due"
        await pilot.press("escape")
        await pilot.pause()
        assert "Reminders due: nobody" in str(app.screen.query_one(CaseloadBar).render())
