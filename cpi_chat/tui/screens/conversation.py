"""The conversation screen: the chat, the question with quick replies or a text box, suggestions, goals and the worker panel."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static

from cpi_chat.actions import goals as goal_actions
from cpi_chat.actions import notes, progress
from cpi_chat.dialogue.events import (
    Answer,
    Back,
    Event,
    Help,
    KeepAsset,
    Pick,
    PickAsset,
    Skip,
    Stop,
)
from cpi_chat.dialogue.state import Prompt
from cpi_chat.errors import CpiChatError
from cpi_chat.session import Session, Turn
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.widgets.asset_card import AssetCard
from cpi_chat.tui.widgets.goal_card import GoalCard, goal_lines
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.tui.widgets.quick_replies import QuickReplies, numbers_in_words, reply_typed
from cpi_chat.tui.widgets.transcript import Transcript
from cpi_chat.tui.widgets.worker_panel import WorkerPanel
from cpi_chat.wording import FINISHED_MESSAGE

if TYPE_CHECKING:
    from cpi_chat.assets.directory import Hit
    from cpi_chat.assets.model import Asset

FINISHED = "This conversation has finished. Thank you. Everything is saved."
NARROW = 100  # below this many columns "Your plan" folds away behind F3, so the conversation keeps the width
LEFT_TOGETHER = "Saved. You can carry on this session later (R on the people list)."


class ConversationScreen(Screen[None]):
    """One conversation: answer with the number keys or by typing; Ctrl+B goes back a question; Escape leaves (saved)."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = ("The conversation. Answer a question by pressing the number of a quick reply, or type and press Enter. "
            "Ctrl+B goes back a question, Ctrl+S skips one that is optional. Suggested groups show as cards: "
            "Add to plan picks one. Your goals appear on the right as they are set; F3 shows or hides them (on a narrow screen "
            "they wait behind F3, so the conversation keeps the width). Everything is saved after each answer.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave", id="leave", tooltip="Leave the conversation (it is saved)"),
        Binding("ctrl+b", "back", "Back", id="back", tooltip="Go back a question"),
        Binding("ctrl+s", "skip", "Skip", id="skip", tooltip="Skip this question"),
        Binding("f1", "help", "Help", id="conversation_help", tooltip="Help with this question and the keys"),
        Binding("f2", "toggle_worker_panel", "Worker", id="worker_panel", tooltip="Show or hide the worker panel"),
        Binding("f3", "toggle_plan", "Plan", id="toggle_plan",
                tooltip="Show or hide 'Your plan' beside the conversation (folded away on a narrow screen)"),
        Binding("f4", "reminder_dealt_with", "Dealt with", id="reminder_dealt_with",
                tooltip="Mark the first reminder due in the worker panel dealt with"),
        Binding("ctrl+f", "find_asset", "Find group", id="find_asset", tooltip="Search the community directory"),
        Binding("ctrl+e", "stop", "End now", id="stop", priority=True,  # the answer box would take it as "go to the end"
                tooltip="End the session now (what is saved stays saved)"),
        Binding("ctrl+g", "goals", "Goals", id="goals", tooltip="How it's going: goals, check-ins and my plan"),
        *[Binding(str(n), f"pick({n})", f"Pick {n}", show=False, id=f"pick_{n}") for n in range(1, 10)],
    ]

    def __init__(self, session: Session, first: Turn, mode: str) -> None:
        super().__init__(id="conversation")
        self.session = session
        self.mode = mode
        self.turn = first
        self.hits: list[Hit] = []
        self.shown_prompt: tuple[str, str, str] | None = None
        self.shown_goals: list[list[str]] | None = None
        self.progress_text = ""
        self.plan_unfolded = False  # on a narrow screen "Your plan" folds away until F3
        self.reminders_due = 0  # as the worker panel last showed them: F4 is offered only while one is due

    @property
    def prompt(self) -> Prompt | None:
        return self.turn.reply.prompt

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("", id="progress", markup=False)
        with Horizontal(id="talk"):
            yield Transcript(id="transcript")
            with VerticalScroll(id="side"):
                yield WorkerPanel(id="worker-panel")
                yield Static("Your plan", classes="title", id="plan-title")
                yield Vertical(id="goal-cards")
        with Vertical(id="answer-area"):
            yield Static("", id="search-note", markup=False)
            yield VerticalScroll(id="asset-cards")
            yield QuickReplies(id="quick-replies")
            yield Static("", id="help-text", markup=False)
            yield Static("", id="problem", markup=False)
            with Horizontal(id="answer-row"):
                yield Static("You:", id="answer-label")
                # Not select_on_focus: words already in the box (typed, or a group's name) must never be replaced by the next key.
                yield Input(id="answer", compact=True, select_on_focus=False)
            with Horizontal(id="controls"):
                yield Button("< Back (Ctrl+B)", id="back-button", compact=True)
                yield Button("Skip (Ctrl+S)", id="skip-button", compact=True)
                yield Button("Leave (Esc)", id="leave-button", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        person = self.session.person
        self.sub_title = person.name
        self.app.use_person_display(person)  # type: ignore[attr-defined]
        self.query_one("#answer", Input).cursor_blink = False
        self.query_one("#worker-panel").display = False
        if self.mode != "self" and person.needs.in_words():  # the Accessible Information Standard: flagged every time
            self.query_one(Transcript).note(f"For the worker: {person.needs.in_words()}")
        if self.mode != "self" and (due := notes.due_reminders(self.app.workspace, person.id)):  # type: ignore[attr-defined]
            # Only that one is due, never its words: the person sits beside the worker.
            self.query_one(Transcript).note(f"For the worker: {notes.reminders_in_words(len(due))} due. F2 shows the worker panel.")
        if self.mode != "self" and (since := self.session.since_last_time()):
            self.query_one(Transcript).block(since)  # a review starts from what happened since the last meeting
        self.show(self.turn)

    # -- events in, turns out ----------------------------------------------

    def send(self, event: Event, said: str = "") -> None:
        """Hand one event to the session and show what comes back."""
        if self.session.finished:
            return
        transcript = self.query_one(Transcript)
        only_if_accepted = isinstance(event, Skip)  # "(skipped)" is said only once the session has skipped
        if said and not only_if_accepted:
            transcript.heard(said)
        try:
            turn = self.session.handle(event)
        except CpiChatError as problem:
            self.notify(str(problem), severity="error", timeout=10, markup=False)
            return
        if said and only_if_accepted and not (turn.reply.prompt and turn.reply.prompt.problem):
            transcript.heard(said)
        self.show(turn, fresh=not isinstance(event, Help))

    def show(self, turn: Turn, fresh: bool = True) -> None:
        """Show a turn: notices and messages in the chat, then the question and how to answer it."""
        previous = self.prompt
        self.turn = turn
        reply, transcript = turn.reply, self.query_one(Transcript)
        if reply.notice:
            transcript.note(reply.notice)
        for message in reply.messages:
            transcript.say(message)
        self.refresh_goals()
        prompt = reply.prompt
        if prompt is None:
            self._show_finished()
            return
        key = (prompt.flow, prompt.step, prompt.text)
        if key != self.shown_prompt or (fresh and not prompt.problem and reply.messages):
            transcript.say(prompt.text)
        self.shown_prompt = key
        progress = reply.progress
        if progress is not None:
            self.progress_text = f"Part {progress.part} of {progress.of}: {progress.title.capitalize()}" if progress.of > 1 else ""
        self._say_near_answer("#progress", self.progress_text)
        self._say_near_answer("#problem", f"Please check: {prompt.problem}" if prompt.problem else "")
        self._say_near_answer("#help-text", f"Help: {prompt.help}" if prompt.help else (
            f"Last time you said: {prompt.previous}" if prompt.previous else ""))
        self.query_one("#skip-button").display = prompt.optional
        self._show_answer_area(prompt, turn, previous)
        self.query_one(WorkerPanel).show_guide(prompt.guide)
        self.refresh_bindings()  # Skip is offered only on a question that may be skipped
        transcript.keep_end_in_view()  # a problem or help below must not push the question out of view

    def _say_near_answer(self, where: str, text: str) -> None:
        line = self.query_one(where, Static)
        line.update(as_typed(text))
        line.display = bool(text)

    def _show_answer_area(self, prompt: Prompt, turn: Turn, previous: Prompt | None) -> None:
        replies, answer, cards = self.query_one(QuickReplies), self.query_one("#answer", Input), self.query_one("#asset-cards")
        replies.display = prompt.kind == "choose"
        cards.display = prompt.kind == "suggest"
        if prompt.kind != "suggest":
            self._say_near_answer("#search-note", "")
        self.query_one("#answer-row").display = prompt.kind != "choose"
        answer.value = ""
        if prompt.kind == "choose":
            replies.show_options(prompt.options)
            self.call_after_refresh(replies.focus_start)  # no reply chosen until the person moves to one
        elif prompt.kind == "suggest":
            same_step = previous is not None and (previous.flow, previous.step) == (prompt.flow, prompt.step)
            if turn.suggestions or not same_step:
                hits, note = (list(turn.suggestions), turn.search_note)
                if not hits and prompt.search is not None:
                    hits, note = self.session.suggest(prompt.search)
                self.show_hits(hits, note)
            answer.placeholder = "Or type your own choice and press Enter"
        else:
            example = prompt.placeholder if prompt.placeholder.removeprefix("For example:").strip() else ""
            answer.placeholder = example or ("Type your answer (optional) and press Enter" if prompt.optional
                                                        else "Type your answer and press Enter")
            answer.focus()

    def show_hits(self, hits: list[Hit], note: str) -> None:
        """Show suggested groups as numbered cards."""
        self.hits = hits
        cards = self.query_one("#asset-cards", VerticalScroll)
        cards.remove_children()
        cards.mount_all(self._card(hit, n) for n, hit in enumerate(hits, start=1))
        groups = "1 group" if len(hits) == 1 else f"{len(hits)} groups"
        if_none = "; Ctrl+S if none suit" if self.prompt is not None and self.prompt.optional else ""
        count = f"{groups} might suit. Press a number or Add to plan{if_none}." if hits else ""
        self._say_near_answer("#search-note", " ".join(x for x in (note, count) if x))
        cards.scroll_home(animate=False)
        if hits:  # the list, not the first card's Add button: a stray Enter must never add a group
            self.call_after_refresh(cards.focus)
        else:
            self.query_one("#answer", Input).focus()

    def on_resize(self) -> None:
        # Cards get at most half the screen, so the question above and the way back below stay in view.
        self.query_one("#asset-cards").styles.max_height = max(5, self.size.height // 2 - 2)
        # Replies get about a third (long or widely spaced ones scroll), so the question above them stays in view.
        self.query_one("#quick-replies").styles.max_height = max(5, self.size.height * 35 // 100)
        self._update_side()

    @staticmethod
    def _card(hit: Hit, number: int) -> AssetCard:
        card = AssetCard(hit, classes="asset-card")
        card.border_title = as_typed(f"{number}. {hit.asset.name}")
        return card

    def _show_finished(self) -> None:
        transcript = self.query_one(Transcript)
        for block in self.session.closing_blocks():  # how the goal is going, the ratings beside last time
            transcript.block(block)
        transcript.say(FINISHED)
        for part in ("#quick-replies", "#asset-cards", "#answer-row", "#skip-button", "#back-button", "#search-note"):
            self.query_one(part).display = False
        self._say_near_answer("#problem", "")
        self._say_near_answer("#help-text", "Press Escape to leave.")
        self.query_one("#leave-button", Button).focus()

    def refresh_goals(self) -> None:
        """Show the person's active goals as cards, and the worker panel's notes and summary."""
        workspace, person_id = self.app.workspace, self.session.person.id  # type: ignore[attr-defined]
        goals = goal_actions.active_goals(workspace, person_id)
        places = goal_actions.goal_places(workspace, goals)  # each linked group looked up, no plan built
        shown = [goal_lines(g, places.get(g.id)) for g in goals]
        if shown != self.shown_goals:  # rebuild only when a goal or step changed: layout is the slow part
            self.shown_goals = shown
            holder = self.query_one("#goal-cards", Vertical)
            holder.remove_children()
            holder.mount_all(GoalCard(goal, places.get(goal.id)) for goal in goals)
            self.query_one("#plan-title").display = bool(goals)
            self._update_side(bool(goals))
        if self.mode != "self" and self.query_one(WorkerPanel).display:
            self._refresh_worker_panel()

    def _refresh_worker_panel(self) -> None:
        """Show the person's reminders due, private notes, barriers and what happened since the last session in the worker panel."""
        workspace, person_id, panel = self.app.workspace, self.session.person.id, self.query_one(WorkerPanel)  # type: ignore[attr-defined]
        today = date.today()
        due = notes.due_reminders(workspace, person_id, today)
        panel.show_notes(notes.private_notes(workspace, person_id), due, today)
        if len(due) != self.reminders_due:
            self.reminders_due = len(due)
            self.refresh_bindings()
        try:
            panel.show_barriers(progress.barriers_for_the_worker(workspace, person_id))
            panel.show_since(progress.since_last_session(workspace, person_id))
        except CpiChatError as problem:
            panel.show_since([str(problem)])

    def _update_side(self, has_goals: bool | None = None) -> None:
        if has_goals is None:
            has_goals = bool(self.query(GoalCard))
        narrow = self.size.width < NARROW  # the conversation gets the width; the plan waits behind F3
        worker = bool(self.query_one(WorkerPanel).display)
        side = self.query_one("#side")
        shown = worker or (has_goals and (not narrow or self.plan_unfolded))
        if shown != side.display:  # the chat's lines wrap again, narrower or wider: the question stays in view
            self.query_one(Transcript).keep_end_in_view()
        side.display = shown

    def action_toggle_plan(self) -> None:
        """Show or hide "Your plan" beside the conversation."""
        side = self.query_one("#side")
        self.plan_unfolded = not side.display
        if not self.plan_unfolded and self.query_one(WorkerPanel).display:
            self.query_one(WorkerPanel).display = False
            self.focus_answer()
        self._update_side()

    # -- what the person does ----------------------------------------------

    @on(Input.Submitted, "#answer")
    def _answered(self, event: Input.Submitted) -> None:
        text, prompt = event.value.strip(), self.prompt
        if prompt is not None and prompt.kind == "choose":
            self._choose_by_words(text, prompt)
            return
        if not text and not (prompt and prompt.optional):
            self._show_problem("Please pick a group, or type your own choice." if prompt and prompt.kind == "suggest"
                               else "Please type an answer first.")
            return
        self.send(Answer(text), said=text or "(left empty)")

    def _show_problem(self, text: str) -> None:
        self._say_near_answer("#problem", text)
        self.query_one(Transcript).keep_end_in_view()

    def _choose_by_words(self, text: str, prompt: Prompt) -> None:
        """Typed words on a question with numbered replies: pick the reply they start, or ask for its number."""
        index = reply_typed(text, prompt.options)
        if index is not None:
            self.send(Pick(index), said=prompt.options[index])
            return
        answer = self.query_one("#answer", Input)
        answer.value = ""
        self.query_one("#answer-row").display = False
        self._show_problem(f"Please press the number of your answer, {numbers_in_words(len(prompt.options))}.")
        self.query_one(QuickReplies).focus_start()

    def on_key(self, event: events.Key) -> None:
        """Letters typed on a question with numbered replies open the answer box, so the words can be read and matched."""
        prompt, row = self.prompt, self.query_one("#answer-row")
        if (prompt is None or prompt.kind != "choose" or self.session.finished or isinstance(self.focused, Input)
                or not event.is_printable or event.character is None):
            return
        if not row.display and (not event.character.strip() or event.character.isdecimal()):
            return  # before any words, a digit picks a reply and a space presses the reply in focus
        event.stop()
        event.prevent_default()
        answer = self.query_one("#answer", Input)
        if not row.display:
            row.display = True
            answer.placeholder = "Type the start of your answer and press Enter"
            answer.value = ""
        answer.insert_text_at_cursor(event.character)  # keys typed before the box has the focus land here too
        answer.focus()

    @on(QuickReplies.NothingChosen)
    def _enter_on_no_reply(self) -> None:
        prompt = self.prompt
        if prompt is not None and prompt.kind == "choose":
            self._show_problem(f"Press the number of your answer ({numbers_in_words(len(prompt.options))}), "
                               "or move to it with the arrow keys and press Enter.")

    @on(QuickReplies.Picked)
    def _picked(self, event: QuickReplies.Picked) -> None:
        self.send(Pick(event.index), said=event.label)

    @on(AssetCard.Chosen)
    def _asset_chosen(self, event: AssetCard.Chosen) -> None:
        self.pick_asset(event.asset)

    @on(AssetCard.MoreLikeThis)
    def _more_like(self, event: AssetCard.MoreLikeThis) -> None:
        hits, note = self.session.more_like(event.asset)
        self.show_hits(hits, note or f"More like {event.asset.name}:")

    @on(AssetCard.NotForMe)
    def _not_for_me(self, event: AssetCard.NotForMe) -> None:
        self.show_hits([h for h in self.hits if h.asset.id != event.asset.id], f"Hidden {event.asset.name}.")

    def pick_asset(self, asset: Asset) -> None:
        """Add a suggested group to the plan."""
        self.send(PickAsset(asset.id, asset.name), said=f"Add to my plan: {asset.name}")

    @on(WorkerPanel.NoteWritten)
    def _note_written(self, event: WorkerPanel.NoteWritten) -> None:
        panel = self.query_one(WorkerPanel)
        try:
            notes.add_private_note(self.app.workspace, self.session.person.id, event.text, event.remind_on)  # type: ignore[attr-defined]
        except CpiChatError as problem:
            panel.show_problem(str(problem))
            return
        panel.clear_note()
        self._refresh_worker_panel()
        self.notify("Private note saved.", markup=False)

    @on(Button.Pressed, "#back-button")
    def action_back(self) -> None:
        """Go back a question, undoing its answer."""
        self.query_one(Transcript).note("Went back a question")
        self.send(Back())

    @on(Button.Pressed, "#skip-button")
    def action_skip(self) -> None:
        """Skip this question, when it may be skipped."""
        if self.prompt is not None and self.prompt.optional:
            self.send(Skip(), said="(skipped)")

    @on(Button.Pressed, "#leave-button")
    def action_leave(self) -> None:
        """Leave the conversation; it is saved, and one not finished can be carried on later."""
        if self.app.locked_to_person:  # type: ignore[attr-defined]
            self.app.exit(message=self.app.leaving_words())  # type: ignore[attr-defined]
            return
        self.app.notify(FINISHED_MESSAGE if self.session.finished else LEFT_TOGETHER, markup=False)
        self.app.pop_screen()

    def action_stop(self) -> None:
        """End the session now, after asking; what was saved stays saved."""
        from cpi_chat.tui.screens.choice import ChoiceScreen

        def answered(index: int | None) -> None:
            if index == 0:
                self.send(Stop(), said="(ended the session)")

        self.app.push_screen(ChoiceScreen("End this session now? Everything said so far stays saved.",
                                          ("Yes, end it now", "No, carry on"), choice_id="stop-confirm"), answered)

    def action_pick(self, number: int) -> None:
        """Pick quick reply or suggested group `number`."""
        prompt = self.prompt
        if prompt is None:
            return
        if prompt.kind == "choose" and 1 <= number <= len(prompt.options):
            self.send(Pick(number - 1), said=prompt.options[number - 1])
        elif prompt.kind == "suggest" and 1 <= number <= len(self.hits):
            self.pick_asset(self.hits[number - 1].asset)

    def action_help(self) -> None:
        """Ask for help with this question, then show the keys."""
        from cpi_chat.tui.screens.help import HelpScreen

        if self.prompt is not None and not self.session.finished:
            self.send(Help())
        about = f"About this question: {self.prompt.help}" if self.prompt and self.prompt.help else ""
        self.app.push_screen(HelpScreen.for_screen(self, extra=about))

    def action_toggle_worker_panel(self) -> None:
        """Show or hide the worker panel (never in self mode)."""
        if self.mode == "self":
            return
        panel = self.query_one(WorkerPanel)
        panel.display = not panel.display
        if panel.display:
            self._refresh_worker_panel()
        self._update_side()
        self.refresh_bindings()
        self.query_one("#side", VerticalScroll).scroll_home(animate=False)
        if panel.display:  # the worker pressed F2 to write: the cursor goes straight to the note
            self.query_one("#note-text", Input).focus()
        else:  # hidden from inside it: typing goes back to the answer, never into a box no one can see
            self.focus_answer()

    def action_reminder_dealt_with(self) -> None:
        """Mark the first reminder due in the worker panel dealt with (the people list's count drops with it)."""
        if self.mode == "self" or not self.query_one(WorkerPanel).display:
            return
        try:
            dealt = notes.deal_with_first_due(self.app.workspace, self.session.person.id)  # type: ignore[attr-defined]
        except CpiChatError as problem:
            self.notify(str(problem), markup=False)
            return
        self._refresh_worker_panel()
        self.notify(f"Marked dealt with: {dealt.text}", markup=False)

    def focus_answer(self) -> None:
        """Put the focus where the question is answered: the text box, the replies, or the suggested groups."""
        prompt = self.prompt
        if prompt is not None and prompt.kind == "choose" and not self.query_one("#answer-row").display:
            self.query_one(QuickReplies).focus_start()
        elif prompt is not None and prompt.kind == "suggest" and self.hits:
            self.query_one("#asset-cards").focus()
        else:
            self.query_one("#answer", Input).focus()

    def action_goals(self) -> None:
        """Show how it's going (goals, check-ins, ratings, circles, My plan); the goal cards here update on the way back."""
        from cpi_chat.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.session.person, self.mode), lambda _: self.refresh_goals())

    def action_find_asset(self) -> None:
        """Search the whole directory and pick a group into the conversation."""
        try:
            from cpi_chat.tui.screens.finder import AssetFinderScreen
        except ImportError:
            self.notify("The group finder is not available in this version.", severity="warning", markup=False)
            return

        def found(asset: Asset | None) -> None:
            prompt = self.prompt
            if asset is None or prompt is None:
                return
            if prompt.kind == "suggest":
                self.pick_asset(asset)
            elif self.session.asks_for_a_group(prompt):
                answer = self.query_one("#answer", Input)
                answer.value = asset.name
                answer.cursor_position = len(asset.name)  # typing goes on after the name, not before it
                answer.focus()
            else:  # kept as a group chosen, offered when goals are set; this question still waits
                self.send(KeepAsset(asset.id, asset.name))

        self.app.push_screen(AssetFinderScreen(self.session.assets), found)  # type: ignore[arg-type]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the worker panel key in self mode, Skip on a question that can't be skipped, and back/skip once over."""
        if action == "toggle_worker_panel" and self.mode == "self":
            return False
        if action == "reminder_dealt_with":
            return self.mode != "self" and bool(self.query_one(WorkerPanel).display) and self.reminders_due > 0
        if action in ("back", "skip", "stop") and self.session.finished:
            return None
        if action == "skip":
            return self.prompt is not None and self.prompt.optional
        return True

