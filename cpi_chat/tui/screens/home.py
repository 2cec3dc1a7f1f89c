"""The home screen: everyone in a list searchable by name, with their active goals and last session; start, resume or add."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from cpi_chat.actions import caseload, people, sessions
from cpi_chat.errors import CpiChatError
from cpi_chat.records.model import (
    DEFAULT_REVIEW_WEEKS,
    Caseload,
    CaseloadFilter,
    Person,
    PersonSummary,
)
from cpi_chat.tui.as_typed import cell
from cpi_chat.tui.people_search import PAGE, PeopleSearch
from cpi_chat.tui.spacious import is_spacious, redraw_when_spacing_changes, spaced_option
from cpi_chat.tui.widgets.caseload_bar import FILTER_KEYS, CaseloadBar
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.wording import safe
from cpi_chat.words import day_of, short_date


def person_option(person: PersonSummary, stopped: bool, spacious: bool = False) -> Option:
    """One person as a list entry: name, active goals, last session, and a note when a session stopped part-way."""
    text = cell(person.name, style="bold")
    goals = ", ".join(person.active_goals) if person.active_goals else "none yet"
    text.append(safe(f"\n  Goals: {goals}"))
    last = day_of(person.last_session)
    text.append(f"\n  Last session: {short_date(last) if last else 'none yet'}")
    if stopped:
        text.append("\n  A session stopped part-way: R carries it on")
    return spaced_option(text, spacious, f"person-{person.id}")


class HomeScreen(Screen[None]):
    """Everyone you support. Pick a person, then start a session together, a self check-in, or carry on one that stopped."""

    HELP = ("Everyone you support, with the goals they are working on and when you last met. "
            "Arrow keys pick a person; Enter or J starts a session together, S a self check-in, "
            "R carries on a session that stopped part-way, G shows their goals and plan, A adds a person, "
            "E changes their name and communication needs, K sets their own PIN for checking in alone, / searches by name. "
            "The line above the list counts who is due a review, whose reminders are due, who has not checked in "
            "for three weeks and who achieved a goal this month: 1 to 4 show only those people, 0 everyone again, "
            "and + or - change how many weeks without a meeting together make a review due.")
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
        Binding("k", "set_pin", "PIN", id="set_pin", tooltip="The person's own PIN for checking in on their own"),
        Binding("slash", "search", "Search", id="search", tooltip="Search people by name"),
        Binding("ctrl+d", "app.directory", "Directory", id="directory", priority=True,  # the search box would delete
                tooltip="Browse the community directory"),
        # The caseload keys are said on the caseload line itself, so they stay off the key bar.
        *(Binding(key, f"show_only('{which}')", f"Only: {which}", id=f"caseload_{which}", show=False)
          for key, which in FILTER_KEYS.items()),
        Binding("0", "show_only('')", "Everyone", id="caseload_everyone", show=False),
        Binding("plus,equals_sign", "review_weeks(1)", "More weeks", id="review_weeks_more", show=False),
        Binding("minus", "review_weeks(-1)", "Fewer weeks", id="review_weeks_fewer", show=False),
    ]
    _search: PeopleSearch[Option] | None = None
    _stopped: frozenset[int] = frozenset()
    _caseload: Caseload | None = None
    _showing: CaseloadFilter | None = None
    _review_weeks: int = DEFAULT_REVIEW_WEEKS

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("Pick a person, then press Enter for a session together.", id="home-intro")
        yield CaseloadBar(id="caseload")
        yield Input(placeholder="Search by name (press /)", id="search")
        yield OptionList(id="people")
        yield Static("", id="people-empty")
        yield Static("", id="people-more")
        yield KeyBar()

    def on_mount(self) -> None:
        self._said: dict[str, object] = {}  # what the caseload line and the notes under the list say now, by id
        self.query_one("#search", Input).cursor_blink = False
        self.refresh_people()  # filled before the first frame, so the list is there when keys arrive
        self.query_one("#people", OptionList).focus()
        self._shown = False
        redraw_when_spacing_changes(self, self._respace)

    def on_screen_resume(self) -> None:
        self.app.use_person_display(None)  # type: ignore[attr-defined]
        if self._shown:  # back from a session or another screen: goals and last sessions may have changed
            self.refresh_people()
        self._shown = True

    def refresh_people(self, keep: int | None = None) -> None:
        """Read everyone and the caseload again, then show those whose name contains the search words."""
        workspace = self.app.workspace  # type: ignore[attr-defined]
        self._stopped = workspace.people_with_a_stopped_session()
        self._search = PeopleSearch(workspace.people_names(), self._list_entries)
        self._caseload = caseload.caseload(self.app.workspace, self._review_weeks)  # type: ignore[attr-defined]
        self.show_people(keep)

    def show_people(self, keep: int | None = None) -> None:
        """Show the people read last whose name contains the search words (and in the caseload part chosen); no reading."""
        if self._search is None:
            return
        words = self.query_one("#search", Input).value.strip().lower()
        only = self._caseload.people(self._showing) if self._caseload and self._showing else None
        listing = self.query_one("#people", OptionList)
        highlighted = listing.highlighted_option.id if listing.highlighted_option else None
        if keep is None and highlighted:  # the person picked stays listed while they match, even past the first page
            keep = int(highlighted.removeprefix("person-"))
        shown, matching = self._search.to_show(words, self._showing, only, keep)
        people = self._search.entries(shown)
        entries = [entry for _, entry in people]
        if len(entries) != len(listing.options) or any(a is not b for a, b in zip(entries, listing.options, strict=False)):
            # In one step: clearing first would change the list's height twice, and each change lays out the screen again.
            listing.set_options(entries)
            ids = [f"person-{person_id}" for person_id, _ in people]
            if people:
                listing.highlighted = ids.index(highlighted) if highlighted in ids else 0
        nobody = "No one matches that search." if words else (
            "No one here yet. Press A to add a person." if only is None else "Nobody in this part of the caseload. Press 0 to show everyone.")
        more = (f"Showing the first {PAGE} of {matching:,}. Type part of a name, or press 1 to 4, to find the others."
                if matching > len(people) else "")
        if not more and people and words and only is not None:  # the caseload line counts the whole part, not the search
            more = (f"{matching:,} of them {'has' if matching == 1 else 'have'} “{words}” in their name: "
                    f"clear the search to see all {len(only):,}.")
        self._say(nobody="" if people else nobody, more=more)

    def _list_entries(self, person_ids: list[int]) -> dict[int, Option]:
        """The list entries of these people, read from people.db as they are first shown."""
        summaries = self.app.workspace.people_summaries(person_ids)  # type: ignore[attr-defined]
        spacious = is_spacious(self.app)
        return {person_id: person_option(person, person_id in self._stopped, spacious) for person_id, person in summaries.items()}

    def _respace(self) -> None:
        """Large spacing turned on or off: each entry is made again, with or without its blank line, and shown."""
        if self._search is not None:
            self._search.forget_entries()
            self.show_people()

    def _say(self, nobody: str, more: str) -> None:
        """Update the caseload line and the notes under the list where they changed (each update lays out the screen again)."""
        if self._caseload is not None and self._said.get("#caseload") != (self._caseload, self._showing):
            self.query_one("#caseload", CaseloadBar).show(self._caseload, self._showing)
            self._said["#caseload"] = (self._caseload, self._showing)
        for widget_id, words in (("#people-empty", nobody), ("#people-more", more)):
            if self._said.get(widget_id) != words:
                note = self.query_one(widget_id, Static)
                note.update(Text(words))  # the search words as typed, never read as markup
                note.display = bool(words)
                self._said[widget_id] = words

    def action_show_only(self, which: str) -> None:
        """Show only the people in one part of the caseload (due a review, reminders, no check-in, achieved), or everyone."""
        self._showing = which or None  # type: ignore[assignment]
        self.show_people()

    def action_review_weeks(self, change: int) -> None:
        """Make a review due after one more (or one fewer) week without a meeting together."""
        try:
            self._caseload = caseload.caseload(self.app.workspace, self._review_weeks + change)  # type: ignore[attr-defined]
        except CpiChatError as problem:
            self.notify(str(problem), severity="warning", markup=False)
            return
        self._review_weeks += change
        if self._search is not None:
            self._search.forget_searches()  # who is due a review has changed
        self.show_people()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.show_people()

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
        self._showing = None
        self.refresh_people(keep=person_id)
        listing = self.query_one("#people", OptionList)
        listing.highlighted = listing.get_option_index(f"person-{person_id}")
        listing.focus()

    def action_set_pin(self) -> None:
        """Set (or remove) the picked person's own PIN for checking in alone, with them, here."""
        from cpi_chat.tui.screens.set_pin import SetPinScreen

        if person := self._selected_person():
            self.app.push_screen(SetPinScreen(self.app.workspace, person))  # type: ignore[attr-defined]

    def action_search(self) -> None:
        """Put the cursor in the name search."""
        self.query_one("#search", Input).focus()
