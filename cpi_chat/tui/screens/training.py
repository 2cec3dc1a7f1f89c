"""Training: a fictional person's session playing itself, the worker's tip in large text, and keys to pause or take over."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from cpi_chat.errors import CpiChatError
from cpi_chat.training import TRAINING_BANNER
from cpi_chat.training.player import Player
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.tui.widgets.transcript import Transcript

if TYPE_CHECKING:

    from cpi_chat.dialogue.events import Event
    from cpi_chat.session import Session, Turn
    from cpi_chat.training.barriers import Barrier
    from cpi_chat.training.mapping import AssetGrid

TRAINING_CSS = """
TrainingScreen #training-status { height: auto; padding: 0 1; text-style: bold; background: $boost; }
TrainingScreen #training-talk { height: 1fr; }
TrainingScreen #training-chat { width: 1fr; padding: 0 1; }
TrainingScreen #training-tip-box { width: 1fr; padding: 1 2; border: heavy $accent; border-title-style: bold; }
TrainingScreen #training-tip { text-style: bold; padding: 1 0; }
TrainingScreen #training-next { padding: 1 0 0 0; }
TrainingScreen .training-question { text-style: bold; margin-top: 1; }
TrainingScreen .training-person { text-align: right; text-style: italic; }
"""
# The training chat's kinds of line, as the conversation screen's transcript styles them.
CHAT_CLASSES = {"training-person": "chat-line from-person", "training-note": "chat-line notice"}


class TrainingScreen(Screen[None]):
    """A scripted session: space plays the next turn, p plays or pauses, + and - change the speed, t takes over."""

    DEFAULT_CSS = TRAINING_CSS
    HELP = ("Training with a fictional person. Space plays the next turn; p plays or pauses by itself; + and - make it "
            "faster or slower; t takes over, so you carry on the same session by hand (Escape there comes back, and the script "
            "carries on from where you left it if it still fits). The tip for the worker is on the right. "
            "m opens the mapping community assets exercise and b the overcoming barriers exercise (the session pauses; "
            "Escape comes back to it, and the exercise keeps what the team did).")
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        # Short words, so the keys take little room at the foot of the screen; the help says more.
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("space", "next_turn", "Next", id="training_next", tooltip="Play the next turn"),
        Binding("p", "play_pause", "Play/pause", id="training_play", tooltip="Play by itself, or pause"),
        Binding("plus,equals_sign", "faster", "Faster", id="training_faster", tooltip="Play faster"),
        Binding("minus", "slower", "Slower", id="training_slower", tooltip="Play slower"),
        Binding("t", "take_over", "Take over", id="training_take_over", tooltip="Carry on the session by hand"),
        Binding("m", "mapping", "Map", id="training_mapping", tooltip="The mapping community assets exercise"),
        Binding("b", "barriers", "Barriers", id="training_barriers", tooltip="The overcoming barriers exercise"),
        Binding("escape", "leave", "Leave", id="training_leave", tooltip="Leave training (nothing is kept)"),
    ]

    def __init__(self, player: Player, autoplay: bool = False) -> None:
        super().__init__(id="training")
        self.player = player
        self.first_name = player.session.person.name.split()[0]
        self.timer: Timer | None = None
        self.grid: AssetGrid | None = None  # the exercises' work, kept while training goes on
        self.barrier: Barrier | None = None
        self.history: list[tuple[str, str]] = []  # (kind, text) of every chat line, for the take-over screen
        self.turn_starts = 0  # where the lines of the turn now on screen begin in `history`
        if not autoplay:
            player.pause()

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("", id="training-status", markup=False)
        with Horizontal(id="training-talk"):
            yield VerticalScroll(id="training-chat")
            with VerticalScroll(id="training-tip-box"):
                yield Static("", id="training-tip", markup=False)
                yield Static("", id="training-next", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        person = self.player.session.person
        self.sub_title = person.name
        use_display = getattr(self.app, "use_person_display", None)
        if use_display is not None:
            use_display(person)  # Joyce's large print and high contrast, as she would see it
        self.query_one("#training-tip-box").border_title = "Tip for the worker"
        self.show(self.player.turn)
        self.arm_timer()

    # -- playing ------------------------------------------------------------

    def arm_timer(self) -> None:
        """Wait one turn's time before the next autoplay step (speed changes apply from the next turn)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if not self.player.paused and not self.player.done:
            self.timer = self.set_timer(max(self.player.seconds_per_turn, 0.01), self._autoplay)

    def _autoplay(self) -> None:
        self.timer = None
        if self.player.paused or self.player.done:
            return
        self.play_one()
        self.arm_timer()

    def play_one(self) -> None:
        """Play the next scripted turn and show it."""
        if self.player.done:
            self.notify(self.why_nothing_plays(), timeout=8)
            return
        said = self.player.next_action
        try:
            turn = self.player.step()
        except CpiChatError as problem:
            self.notify(f"{problem} {self.why_nothing_plays()}", severity="warning", timeout=10)
            self.refresh_panel()
            return
        self._add(f"{self.first_name}: {said}", "training-person")
        self.show(turn)

    def why_nothing_plays(self) -> str:
        """What the trainer can do when the script will play no more."""
        if self.player.finished:
            return "The scripted session has ended. Escape leaves training."
        return (f"The script no longer fits where you took {self.first_name}'s session: press t to carry on by hand, "
                "or Escape to leave training.")

    def show(self, turn: Turn) -> None:
        """Add a turn's messages and question to the chat, and put its tip in the large panel."""
        self.turn_starts = len(self.history)
        reply = turn.reply
        for line in ([reply.notice] if reply.notice else []) + list(reply.messages):
            self._add(f"cpi-chat: {line}", "training-said")
        prompt = reply.prompt
        if prompt is not None:
            if prompt.problem:
                self._add(f"cpi-chat: {prompt.problem}", "training-said")
            self._add(f"cpi-chat: {prompt.text}", "training-question")
            if prompt.kind == "choose":
                self._add("   ".join(f"{n}. {o}" for n, o in enumerate(prompt.options, start=1)), "training-options")
            elif prompt.kind == "suggest":
                if turn.search_note:
                    self._add(f"({turn.search_note})", "training-note")
                for n, hit in enumerate(turn.suggestions, start=1):
                    self._add(f"  {n}. {hit.asset.name} ({hit.asset.area})", "training-options")
        else:
            self._add("(The conversation has finished.)", "training-note")
        self.refresh_panel()

    def refresh_panel(self) -> None:
        """The status line, the tip and what comes next."""
        player = self.player
        if player.taken_over:
            state = "taken over"
        elif player.off_script:
            state = "off the script"
        elif player.finished:
            state = "finished"
        else:
            state = "paused" if player.paused else f"playing, {player.seconds_per_turn:g} s a turn"
        self.query_one("#training-status", Static).update(
            f"{TRAINING_BANNER} · {player.session.person.name} · turn {min(player.position + 1, player.total)} "
            f"of {player.total} · {state} · space: next, p: play/pause, +/-: speed, t: take over"
        )
        self.query_one("#training-tip", Static).update(player.tip or "(No tip for this question.)")
        upcoming = player.next_action
        self.query_one("#training-next", Static).update(f"Next, {self.first_name}: {upcoming}" if upcoming else "")

    def _add(self, text: str, kind: str) -> None:
        self.history.append((kind, text))
        chat = self.query_one("#training-chat", VerticalScroll)
        chat.mount(Static(text, classes=kind, markup=False))
        chat.call_after_refresh(chat.scroll_end, animate=False)

    # -- keys ---------------------------------------------------------------

    def action_next_turn(self) -> None:
        """Play one turn now (autoplay, if on, carries on from here)."""
        self.play_one()
        self.arm_timer()

    def action_play_pause(self) -> None:
        """Play by itself, or pause."""
        if self.player.done:
            self.notify("There is nothing more to play.")
            return
        paused = self.player.toggle_pause()
        self.refresh_panel()
        self.arm_timer()
        self.notify("Paused." if paused else f"Playing: {self.player.seconds_per_turn:g} seconds a turn.")

    def action_faster(self) -> None:
        """Fewer seconds per turn."""
        self.notify(f"{self.player.faster():g} seconds a turn.")
        self.refresh_panel()
        self.arm_timer()

    def action_slower(self) -> None:
        """More seconds per turn."""
        self.notify(f"{self.player.slower():g} seconds a turn.")
        self.refresh_panel()
        self.arm_timer()

    def action_take_over(self) -> None:
        """Stop the script and carry on the same session by hand in the conversation screen, with the chat so far."""
        if self.player.finished:
            self.notify("The scripted session has ended, so there is nothing to take over.")
            return
        session = self.player.take_over()
        self.arm_timer()
        self.refresh_panel()
        person = self.player.session.person
        playing = f"You are now playing {person.name}: answer as {self.pronoun()} would. Escape comes back to training."
        screen = TakeOverScreen(session, self.player.turn, self.history[: self.turn_starts], playing)
        self.app.push_screen(screen, lambda _result: self.come_back(screen))

    def pronoun(self) -> str:
        """'she', 'he' or 'they' for the persona being played."""
        from cpi_chat.demo import DEMO_PEOPLE

        name = self.player.session.person.name
        return next((p.pronoun for p in DEMO_PEOPLE if p.name == name), "they")

    def come_back(self, screen: TakeOverScreen) -> None:
        """Back from playing by hand: show what was said, and carry the script on from there if it still fits."""
        for said, turn in screen.by_hand:
            self._add(f"{self.first_name} (you): {said}", "training-person")
            self.show(turn)
        if self.player.hand_back(screen.turn):
            self.notify(f"Back to the script at turn {self.player.position + 1} of {self.player.total}: "
                        "space plays the next turn, p plays by itself.", timeout=8)
        else:
            self.notify(self.why_nothing_plays(), timeout=10)
        self.refresh_panel()

    def _pause_for_exercise(self) -> None:
        if not self.player.paused and not self.player.done:
            self.player.pause()
        self.arm_timer()
        self.refresh_panel()

    def action_mapping(self) -> None:
        """Pause the session and open the mapping community assets exercise (the grid is kept for next time)."""
        from cpi_chat.tui.screens.asset_mapping import MappingScreen

        self._pause_for_exercise()

        def kept(grid: AssetGrid | None) -> None:
            self.grid = grid or self.grid

        domains = self.app.workspace.assets.domains()  # type: ignore[attr-defined]
        self.app.push_screen(MappingScreen(domains, grid=self.grid, warn_on_leave=False), kept)

    def action_barriers(self) -> None:
        """Pause the session and open the overcoming barriers exercise (the chart is kept for next time)."""
        from cpi_chat.tui.screens.barriers_exercise import BarriersScreen

        self._pause_for_exercise()

        def kept(barrier: Barrier | None) -> None:
            self.barrier = barrier or self.barrier

        self.app.push_screen(BarriersScreen(self.barrier, warn_on_leave=False), kept)

    def action_leave(self) -> None:
        """Leave training (nothing is kept)."""
        if self.timer is not None:
            self.timer.stop()
        self.app.exit()


class TakeOverScreen(ConversationScreen):
    """The conversation screen for a trainer playing a persona by hand: the chat so far, who they play, Escape back to training."""

    DEFAULT_CSS = "TakeOverScreen .training-playing { text-style: bold; background: $boost; margin: 1 0; }"
    HELP = ("You are playing the fictional person in a training session. Answer as they would: press the number of a "
            "quick reply, or type and press Enter. Ctrl+B goes back a question. Escape goes back to the training "
            "screen, where the script carries on from here if it still fits. Nothing here is kept after training.")

    def __init__(self, session: Session, first: Turn, history: list[tuple[str, str]], playing: str) -> None:
        super().__init__(session, first, "joint")
        self.history = history
        self.playing = playing
        self.by_hand: list[tuple[str, Turn]] = []  # what the trainer said and the turn it brought, for the training chat

    def on_mount(self) -> None:
        # Textual calls ConversationScreen.on_mount next, which adds the question now asked below these lines.
        transcript = self.query_one(Transcript)
        transcript.mount_all(Static(text, classes=CHAT_CLASSES.get(kind, "chat-line from-app"), markup=False)
                             for kind, text in self.history)
        transcript.mount(Static(self.playing, classes="chat-line training-playing", id="training-playing", markup=False))
        self.call_later(setattr, self, "sub_title", f"you are playing {self.session.person.name}")

    def send(self, event: Event, said: str = "") -> None:
        """Hand the trainer's answer to the session, keeping it for the training chat."""
        from cpi_chat.dialogue.events import Back, Help

        before = self.turn
        super().send(event, said)
        if self.turn is not before:
            words = said or ("(goes back)" if isinstance(event, Back) else "(asks for help)" if isinstance(event, Help) else "")
            self.by_hand.append((words, self.turn))

    def action_leave(self) -> None:
        """Go back to the training screen (not the people list: training has none, and keeps nothing)."""
        self.dismiss(None)
