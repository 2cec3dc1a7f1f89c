"""'How it's going': one person's goals with their charts, a one-key check-in, ratings beside last time, circles, and My plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from cpi_chat.actions import attainment, checkins, goals
from cpi_chat.actions import plan as plan_actions
from cpi_chat.actions import progress as progress_actions
from cpi_chat.errors import CpiChatError, Refused
from cpi_chat.records import progress
from cpi_chat.records.model import CheckinBy, Person
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.screens.goal_keys import GoalKeys
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.tui.widgets.progress_card import GoalProgressCard
from cpi_chat.tui.widgets.progress_sections import circle_lines, rating_lines

if TYPE_CHECKING:
    from cpi_chat.workspace import Workspace

PLAN_SAVED = "Your plan is saved at {path}. Open it in a web browser to read or print it."
PICK_A_GOAL = "First choose a goal: use the arrow keys to move to it, then press {key} again."
NOTHING_NOW = "No goals being worked on now. You can set a new one together at your next session."
NO_REVIEW_SCORES = "No review has scored the goals yet. At a review, each goal is scored from -2 to +2; 50 means as hoped."


class ProgressScreen(GoalKeys, Screen[None]):
    """How it's going for one person: each goal's chart and next step, what's done, and keys to move each goal on."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = ("How it's going. Each goal is a card: for a goal you go to regularly, the marks show each week "
            "(■ went, □ did not go, ‖ paused because away or unwell, · not told) and the same in words. "
            "For a target, each value logged shows a bar toward the target, and the days left. "
            "Arrow keys choose a goal. W says you went this week (it is counted once, so pressing it twice is fine). "
            "L logs progress toward a target, with a number, for example '2 times' or '20 minutes'. "
            "T ticks the chosen goal's next small step done, N adds a small step, E says the next step in new words. "
            "D marks the goal done, puts it on hold or stops it, or starts it again. Goals done are kept under "
            "'What I've done'. "
            "P saves your plan as a page you can open in a web browser to read or print. "
            "Below the goals: the goal scores at each review (50 means as hoped), how things are going beside last "
            "time, and your circles of support then and now. "
            "Page Up and Page Down scroll. Escape goes back.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="progress_back", tooltip="Go back"),
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("w", "went", "I went", id="went", tooltip="I went this week (the chosen goal)"),
        Binding("u", "undo_went", "Undo I went", id="undo_went", tooltip="Take back the last 'I went' pressed here"),
        Binding("l", "log", "Log progress", id="log_progress", tooltip="Log progress toward a target (the chosen goal)"),
        Binding("t", "tick_step", "Tick step", id="tick_step", tooltip="Tick the chosen goal's next small step done"),
        Binding("n", "new_step", "New step", id="new_step", tooltip="Add a small step to the chosen goal"),
        Binding("e", "change_step", "Change step", id="change_step", tooltip="Say the next small step in new words"),
        Binding("d", "goal_status", "Done/hold", id="goal_status",
                tooltip="Mark the chosen goal done, on hold or stopped, or work on it again"),
        Binding("p", "my_plan", "My plan", id="my_plan", tooltip="Save my plan as a page to read or print"),
        Binding("down", "move(1)", "Next part", show=False, id="progress_next", priority=True),
        Binding("up", "move(-1)", "Previous part", show=False, id="progress_previous", priority=True),
        Binding("pagedown", "scroll_body(1)", "Scroll down", show=False, id="progress_page_down"),
        Binding("pageup", "scroll_body(-1)", "Scroll up", show=False, id="progress_page_up"),
    ]
    SCOPED_CSS = False  # so "App.-spacious" (large spacing, F6) can reach the cards
    DEFAULT_CSS = """
    #progress-body { height: 1fr; padding: 0 1; }
    #progress-body > .section-title { text-style: bold underline; margin-top: 1; }
    #progress-body > #goals-title { margin-top: 0; }
    #progress-body > .section { border: round $primary-darken-1; padding: 0 1; height: auto; }
    #progress-body > .section:focus { border: heavy $accent; }
    #progress-said { height: auto; padding: 0 1; text-style: bold; background: $boost; }
    App.-spacious GoalProgressCard { margin-bottom: 1; }
    """

    def __init__(self, person: Person, mode: str = "joint") -> None:
        super().__init__(id="progress-screen")
        self.person = person
        self.mode = mode
        self.marked: list[tuple[GoalProgressCard, int]] = []  # W presses on this visit, so U can take one back

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="progress-body", can_focus=False):
            yield Static("Goals", classes="section-title", id="goals-title")
            yield Static("", id="progress-legend", classes="hint", markup=False)
            yield Static("", id="goals-empty", markup=False)
            yield Static("What I've done", classes="section-title", id="done-title")
            yield Static("Goal scores at reviews", classes="section-title")
            yield Static("", id="review-scores", classes="section", markup=False)
            yield Static("How things are going", classes="section-title")
            yield Static("", id="ratings", classes="section", markup=False)
            yield Static("Circles of support", classes="section-title")
            yield Static("", id="circles", classes="section", markup=False)
        yield Static("", id="progress-said", markup=False)
        yield KeyBar()

    async def on_mount(self) -> None:
        self.sub_title = f"{self.person.name}: how it's going"
        self.app.use_person_display(self.person)  # type: ignore[attr-defined]
        for section in self.query(".section"):
            section.can_focus = True
        self.say("")
        await self.show_everything()
        cards = self.query(GoalProgressCard)
        (cards.first() if cards else self.query_one("#ratings")).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#progress-body", VerticalScroll).scroll_home, animate=False)

    # -- showing ---------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self.app.workspace  # type: ignore[attr-defined, no-any-return]

    @property
    def person_id(self) -> int:
        return self.person.id

    @property
    def easy_read(self) -> bool:
        return self.person.needs.easy_read

    async def show_everything(self) -> None:
        """Show each goal's card, the ratings beside last time and the circles then and now."""
        try:
            going = progress_actions.how_it_is_going(self.workspace, self.person.id)
        except CpiChatError as problem:
            self.say(str(problem))
            return
        body = self.query_one("#progress-body", VerticalScroll)
        await body.query(GoalProgressCard).remove()  # before new cards with the same ids are mounted
        cards = [GoalProgressCard(goal, status, n) for n, (goal, status) in enumerate(going.goals, start=1)]
        now = [c for c in cards if c.goal.status != "achieved"]
        done = [c for c in cards if c.goal.status == "achieved"]  # the person's achievements, kept for good
        empty = self.query_one("#goals-empty", Static)
        empty.update("" if now else NOTHING_NOW if cards else "No goals yet. You can set one together at your next session.")
        empty.display = not now
        if now:
            await body.mount_all(now, after=empty)
        done_title = self.query_one("#done-title", Static)
        done_title.display = bool(done)
        if done:
            await body.mount_all(done, after=done_title)
        self._show_legend(cards)
        scores = attainment.t_scores_in_words(self.workspace, self.person.id)
        self.query_one("#review-scores", Static).update(as_typed("\n".join(
            ["The score across all the goals: 50 means as hoped, above 50 better than hoped.", *scores]
            if scores else [NO_REVIEW_SCORES])))
        self.query_one("#ratings", Static).update(as_typed("\n".join(
            ["1 to 5, where 5 is very well. Better ones first.", *rating_lines(going.ratings)] if going.ratings
            else rating_lines(going.ratings))))
        self.query_one("#circles", Static).update(as_typed("\n".join(circle_lines(going.circles))))

    def _show_legend(self, cards: list[GoalProgressCard]) -> None:
        """Write what the marks mean above the cards once any card has marks."""
        has_chart = any(isinstance(c.status, progress.CommitmentProgress) and c.status.periods for c in cards)
        legend = self.query_one("#progress-legend", Static)
        legend.update(f"Marks: {progress.CHART_LEGEND}" if has_chart else "")
        legend.display = has_chart

    def say(self, text: str) -> None:
        """Show the latest message in a line that stays above the keys (a toast would hide the cards, and go too soon)."""
        said = self.query_one("#progress-said", Static)
        said.update(as_typed(text))
        said.display = bool(text)

    def _refresh_card(self, card: GoalProgressCard) -> None:
        goal = goals.goal(self.workspace, card.goal.id)
        card.show(goal, progress.goal_progress(goal, date.today()))
        self._show_legend(list(self.query(GoalProgressCard)))

    def push_question(self, screen: Screen[Any], then: Callable[[Any], None]) -> None:
        """Ask one question on top of this screen (T, N, E, D and a target reached), then carry on with the answer."""
        self.app.push_screen(screen, then)

    def goal_changed(self, card: GoalProgressCard, said: str) -> None:
        """After T, N, E or D: show every goal as it is now (a goal done moves to 'What I've done'), still chosen."""
        goal_id = card.goal.id

        async def show_again() -> None:
            await self.show_everything()
            again = [c for c in self.query(GoalProgressCard) if c.goal.id == goal_id]
            if again:
                again[0].focus()
            self.say(said)

        self.call_later(show_again)

    # -- choosing a goal -------------------------------------------------------

    def chosen_card(self, key: str) -> GoalProgressCard | None:
        """The focused goal card, or the only one; else None after saying how to choose."""
        focused = self.focused
        if isinstance(focused, GoalProgressCard):
            return focused
        cards = list(self.query(GoalProgressCard))
        if len(cards) == 1:
            return cards[0]
        self.say(PICK_A_GOAL.format(key=key) if cards else "There is no goal yet.")
        return None

    def _chosen(self, kind: str, key: str) -> GoalProgressCard | None:
        """The focused goal card; or the only goal of this kind; else None after saying how to choose."""
        focused = self.focused
        if isinstance(focused, GoalProgressCard):
            return focused
        of_kind = [c for c in self.query(GoalProgressCard) if c.goal.kind == kind]
        if len(of_kind) == 1:
            return of_kind[0]
        self.say(PICK_A_GOAL.format(key=key) if of_kind else "There is no goal of that kind yet.")
        return None

    # -- actions ---------------------------------------------------------------

    def action_went(self) -> None:
        """Record that the person went this week (this period) to the chosen goal; never twice."""
        card = self._chosen("commitment", "W")
        if card is None:
            return
        goal = card.goal
        if goal.kind != "commitment":
            self.say("W is for goals you go to regularly. For this goal, press L to log your progress.")
            return
        try:
            checkin = checkins.mark_went(self.workspace, self.person.id, goal.id, by=self._by())
        except Refused as refusal:  # this week is already marked: the card shows it, and the reason is said kindly
            self._refresh_card(card)
            self.say(str(refusal))
            return
        except CpiChatError as problem:
            self.say(str(problem))
            return
        self.marked.append((card, checkin.id))
        self._refresh_card(card)
        self.refresh_bindings()
        message, word = card.status.message, checkins.period_word(goal)
        self.say(f"Saved. {message}" if "in a row" in message else f"Saved: you went this {word}. Well done!")

    def action_undo_went(self) -> None:
        """Take back the last 'I went' pressed on this screen (a key pressed by mistake)."""
        if not self.marked:
            self.say("There is nothing to take back: W has not been pressed here.")
            return
        card, checkin_id = self.marked.pop()
        try:
            checkins.take_back(self.workspace, self.person.id, checkin_id)
            self._refresh_card(card)
        except CpiChatError as problem:
            self.say(str(problem))
            return
        self.refresh_bindings()
        self.say("Taken back: this week is not marked now. Press W if you did go.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """U is shown only after W has been pressed on this visit."""
        return bool(self.marked) if action == "undo_went" else True

    def action_log(self) -> None:
        """Ask how far or how long, then log it toward the chosen target goal."""
        from cpi_chat.tui.screens.log_progress import LogProgressScreen

        card = self._chosen("target", "L")
        if card is None:
            return
        if card.goal.kind != "target":
            self.say("L is for goals with a target. For this goal, press W when you have been.")
            return

        def logged(words: str | None) -> None:
            if not words:
                return
            try:
                checkins.log_progress(self.workspace, self.person.id, card.goal.id, words, by=self._by())
                self._refresh_card(card)
            except CpiChatError as problem:
                self.say(str(problem))
                return
            card.focus()
            self.say(f"Saved: {words}. {card.status.message}")
            if isinstance(card.status, progress.TargetProgress) and card.status.achieved and card.goal.status == "active":
                self.offer_done(card)

        self.app.push_screen(LogProgressScreen(card.goal), logged)

    def action_my_plan(self) -> None:
        """Save the person's easy-read plan page in the private plans folder and say where it is."""
        try:
            path = plan_actions.save_plan_page(self.workspace, self.person.id)
        except CpiChatError as problem:
            self.say(str(problem))
            return
        self.say(PLAN_SAVED.format(path=path))

    def action_move(self, step: int) -> None:
        """Choose the next (1) or previous (-1) goal or section, stopping at either end instead of wrapping round."""
        parts = [*self.query(GoalProgressCard), *self.query(".section")]
        if not parts:
            return
        here = parts.index(self.focused) if self.focused in parts else -1
        target = parts[max(0, min(len(parts) - 1, here + step))]
        target.focus(scroll_visible=False)
        body = self.query_one("#progress-body", VerticalScroll)
        if target is parts[-1]:  # the last part: show all of it, not just its top
            self.call_after_refresh(body.scroll_end, animate=False)
        elif target is parts[0]:  # the first: show the heading above it too
            self.call_after_refresh(body.scroll_home, animate=False)
        else:
            self.call_after_refresh(body.scroll_to_widget, target, animate=False)

    def action_scroll_body(self, pages: int) -> None:
        """Scroll the screen a page down (1) or up (-1)."""
        body = self.query_one("#progress-body", VerticalScroll)
        body.scroll_page_down() if pages > 0 else body.scroll_page_up()

    def action_back(self) -> None:
        """Go back to where this screen was opened from."""
        self.dismiss(None)

    def _by(self) -> CheckinBy:
        return "person" if self.mode == "self" else "worker"
