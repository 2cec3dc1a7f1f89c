"""The caseload view on the people list, as a team lead uses it: counts in words, keys that show only those people."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import OptionList, Static
from tui_driving import demo_app, type_text

from cpi_chat import records
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.screens.home import PAGE


def listed(app: CpiChatApp) -> list[str]:
    return [str(option.prompt).splitlines()[0] for option in app.screen.query_one("#people", OptionList).options]


def said(app: CpiChatApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


def _long_ago(workspace, name: str, weeks: int) -> None:  # type: ignore[no-untyped-def]
    """Someone whose last meeting together was `weeks` ago, with a reminder due today."""
    person = records.add_person(workspace.db, name)
    day = (date.today() - timedelta(weeks=weeks)).isoformat()
    workspace.db.execute("INSERT INTO session (person_id, mode, flow_id, started, ended) VALUES (?, 'joint', 'review', ?, ?)",
                         [person.id, f"{day}T10:00:00+00:00", f"{day}T11:00:00+00:00"])
    records.save_note(workspace.db, person.id, None, None, "Ring about the lunch club", private=True,
                      remind_on=date.today().isoformat())


async def test_the_counts_are_in_words_and_1_shows_only_those_due_a_review(demo_workspace) -> None:
    _long_ago(demo_workspace, "Ffion Quillby", weeks=8)
    _long_ago(demo_workspace, "Tomasz Quillby", weeks=5)
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        words = said(app, "#caseload")
        assert "1 Due a review: 1 person" in words and "2 Reminders due: 2 people" in words
        assert "4 Achieved a goal this month: nobody" in words
        await pilot.press("1")
        await pilot.pause()
        assert listed(app) == ["Ffion Quillby"]
        assert said(app, "#caseload").startswith("Showing only: due a review (no meeting together for 6 weeks), 1 person.")
        await pilot.press("minus")
        await pilot.pause()
        assert listed(app) == ["Ffion Quillby", "Tomasz Quillby"]
        assert "for 5 weeks), 2 people" in said(app, "#caseload")
        await pilot.press("2")
        await pilot.pause()
        assert listed(app) == ["Ffion Quillby", "Tomasz Quillby"]
        await pilot.press("0")
        await pilot.pause()
        assert len(listed(app)) == 5 and said(app, "#caseload").startswith("1 Due a review")


async def test_a_part_with_nobody_in_it_says_so_and_how_to_show_everyone(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert listed(app) == []
        assert said(app, "#people-empty") == "Nobody in this part of the caseload. Press 0 to show everyone."


async def test_a_long_caseload_lists_one_page_and_says_how_to_find_the_rest(demo_workspace) -> None:
    for number in range(PAGE + 10):
        records.add_person(demo_workspace.db, f"Person {number:03d} Quillby")
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(listed(app)) == PAGE
        assert said(app, "#people-more") == f"Showing the first {PAGE} of {PAGE + 13}. Type part of a name, or press 1 to 4, to find the others."
        await pilot.press("slash")
        last = f"{PAGE + 9:03d}"  # past the first page
        await type_text(pilot, last)
        assert listed(app) == [f"Person {last} Quillby"]
        assert not app.screen.query_one("#people-more", Static).display


async def test_someone_added_after_the_first_page_is_shown_and_picked(demo_workspace) -> None:
    from tui_driving import add_person

    for number in range(PAGE + 5):
        records.add_person(demo_workspace.db, f"Anna {number:03d}")
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")  # a filter is on; adding someone shows everyone again
        await add_person(pilot, "Zed Quillby")
        option = app.screen.query_one("#people", OptionList).highlighted_option
        assert option is not None and str(option.prompt).startswith("Zed Quillby")


async def test_a_search_within_a_part_of_the_caseload_says_how_many_of_that_part_match(demo_workspace) -> None:
    """A team lead who searched, then pressed 1, saw everyone due a review counted beside two names, and nothing saying why."""
    for name in ("Ffion Quillby", "Tomasz Quillby", "Priya Marrowfield"):
        _long_ago(demo_workspace, name, weeks=8)
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "quill")
        await pilot.press("enter", "1")
        await pilot.pause()
        assert listed(app) == ["Ffion Quillby", "Tomasz Quillby"]
        assert said(app, "#people-more") == "2 of them have “quill” in their name: clear the search to see all 3."
