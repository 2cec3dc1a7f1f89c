"""The home screen: everyone in a list searchable by name, with their active goals and last session; start, resume or add."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from cpi_chat.actions import people, sessions
from cpi_chat.errors import CpiChatError
from cpi_chat.records.model import Person, PersonSummary
from cpi_chat.tui.as_typed import cell
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.wording import safe
from cpi_chat.words import day_of, short_date


def person_option(person: PersonSummary, stopped: bool) -> Option:
    """One person as a list entry: name, active goals, last session, and a note when a session stopped part-way."""
    text = cell(person.name, style="bold")
    goals = ", ".join(person.active_goals) if person.active_goals else "none yet"
    text.append(safe(f"\n  Goals: {goals}"))
    last = day_of(person.last_session)
    text.append(f"\n  Last session: {short_date(last) if last else 'none yet'}")
    if stopped:
        text.append("\n  A session stopped part-way: R carries it on")
    return Option(text, id=f"person-{person.id}")


class HomeScreen(Screen[None]):
    """Everyone you support. Pick a person, then start a session together, a self check-in, or carry on one that stopped."""

    HELP = ("Everyone you support, with the goals they are working on and when you last met. "
            "Arrow keys pick a person; Enter or J starts a session together, S a self check-in, "
            "R carries on a session that stopped part-way, G shows their goals and plan, A adds a person, "
            "E changes their name and communication needs, / searches by name.")
    SUB_TITLE = "People"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("j", "start_joint", "Together", id="start_joint", tooltip="Start a session together (worker and person)"),
        Binding("s", "start_self", "Self check-in", id="start_self", tooltip="Start a self check-in for the person"),
        Binding("r", "resume", "Carry on", id="resume", tooltip="Carry on a session that stopped part-way"),
        Binding("g", "goals", "Goals and plan", id="goals", tooltip="How it's going: goals, check-ins and the person's plan"),
        Binding("a", "add_person", "Add person", id="add_person", tooltip="Add someone to the list"),
        Binding("e", "edit_person", "Name and needs", id="edit_person",
                tooltip="Change the person's name and communication needs (easy read, large print, high contrast...)"),
        Binding("slash", "search", "Search", id="search", tooltip="Search people by name"),
        Binding("ctrl+d", "app.directory", "Directory", id="directory", priority=True,  # the search box would delete
                tooltip="Browse the community directory"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("Pick a person, then press Enter for a session together.", id="home-intro")
        yield Input(placeholder="Search by name (press /)", id="search")
        yield OptionList(id="people")
        yield Static("", id="people-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#search", Input).cursor_blink = False
        self.refresh_people()  # filled before the first frame, so the list is there when keys arrive
        self.query_one("#people", OptionList).focus()
        self._shown = False

    def on_screen_resume(self) -> None:
        self.app.use_person_display(None)  # type: ignore[attr-defined]
        if self._shown:  # back from a session or another screen: goals and last sessions may have changed
            self.refresh_people()
        self._shown = True

    def refresh_people(self) -> None:
        """Show everyone whose name contains the search words."""
        roster = self.app.workspace.roster()  # type: ignore[attr-defined]
        words = self.query_one("#search", Input).value.strip().lower()
        people = [p for p in roster.people if words in p.name.lower()]
        stopped = roster.stopped
        listing = self.query_one("#people", OptionList)
        highlighted = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        listing.add_options([person_option(p, p.id in stopped) for p in people])
        ids = [f"person-{p.id}" for p in people]
        if people:
            listing.highlighted = ids.index(highlighted) if highlighted in ids else 0
        empty = self.query_one("#people-empty", Static)
        empty.update("" if people else ("No one matches that search." if words else "No one here yet. Press A to add a person."))
        empty.display = not people

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.refresh_people()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#people", OptionList).focus()

    @on(OptionList.OptionSelected, "#people")
    def _person_chosen(self) -> None:
        self.action_start_self() if self.app.mode == "self" else self.action_start_joint()  # type: ignore[attr-defined]

    def _selected_person(self) -> Person | None:
        option = self.query_one("#people", OptionList).highlighted_option
        if option is None or option.id is None:
            self.notify("Pick a person first, or press A to add one.", severity="warning", markup=False)
            return None
        try:
            return people.person(self.app.workspace, int(option.id.removeprefix("person-")))  # type: ignore[attr-defined]
        except CpiChatError as problem:
            self.notify(str(problem), severity="error", markup=False)
            return None

    def action_start_joint(self) -> None:
        """Start a session together with the person picked."""
        if person := self._selected_person():
            self.app.open_person(person, "joint")  # type: ignore[attr-defined]

    def action_start_self(self) -> None:
        """Start a self check-in for the person picked."""
        if person := self._selected_person():
            self.app.open_person(person, "self")  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        """Carry on the picked person's session that stopped part-way."""
        person = self._selected_person()
        if person is None:
            return
        if sessions.session_to_carry_on(self.app.workspace, person.id) is None:  # type: ignore[attr-defined]
            self.notify(f"{person.name} has no session that stopped part-way.", severity="information", markup=False)
            return
        self.app.open_person(person, "joint")  # type: ignore[attr-defined]

    def action_goals(self) -> None:
        """Show how it's going for the person picked: goals, check-ins, ratings, circles and their plan."""
        from cpi_chat.tui.screens.progress import ProgressScreen

        if person := self._selected_person():
            self.app.push_screen(ProgressScreen(person, self.app.mode))  # type: ignore[attr-defined]

    def action_add_person(self) -> None:
        """Ask for a name and communication needs, and add the person."""
        from cpi_chat.tui.screens.person_form import PersonDetails, PersonFormScreen

        added: list[Person] = []

        def save(details: PersonDetails) -> str:
            try:
                added[:] = [people.add_person(self.app.workspace, details.name, details.needs)]  # type: ignore[attr-defined]
            except CpiChatError as problem:
                return str(problem)
            return ""

        def done(details: PersonDetails | None) -> None:
            if details is None or not added:
                return
            self._show_person(added[0].id)
            self.notify(f"Added {added[0].name}. Press Enter to start a session.", markup=False)

        self.app.push_screen(PersonFormScreen(save), done)

    def action_edit_person(self) -> None:
        """Change the picked person's name and communication needs."""
        from cpi_chat.tui.screens.person_form import PersonDetails, PersonFormScreen

        person = self._selected_person()
        if person is None:
            return

        def save(details: PersonDetails) -> str:
            try:
                people.change_person(self.app.workspace, person.id, details.name, details.needs)  # type: ignore[attr-defined]
            except CpiChatError as problem:
                return str(problem)
            return ""

        def done(details: PersonDetails | None) -> None:
            if details is not None:
                self._show_person(person.id)
                self.notify(f"Saved {details.name}'s name and needs.", markup=False)

        self.app.push_screen(PersonFormScreen(save, PersonDetails(person.name, person.needs)), done)

    def _show_person(self, person_id: int) -> None:
        self.query_one("#search", Input).value = ""
        self.refresh_people()
        listing = self.query_one("#people", OptionList)
        listing.highlighted = listing.get_option_index(f"person-{person_id}")
        listing.focus()

    def action_search(self) -> None:
        """Put the cursor in the name search."""
        self.query_one("#search", Input).focus()
