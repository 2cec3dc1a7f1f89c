"""Play a persona's scripted session through a real Session, one turn at a time, for a trainer to pause and explain.

The player never sleeps: an interface asks it for `seconds_per_turn` and calls `tick()` on its own timer,
or calls `step()` when the trainer presses a key. `take_over()` stops the script and hands the same
Session to the trainer, who carries on by hand; `hand_back()` carries the script on from wherever
the trainer left the session, when one of its turns still fits the question on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cpi_chat.actions import people
from cpi_chat.demo import DemoPerson
from cpi_chat.dialogue.transcripts import Transcript
from cpi_chat.dialogue.transcripts import Turn as ScriptedTurn
from cpi_chat.session import Session, Turn
from cpi_chat.training import TrainingError
from cpi_chat.training.personas import persona_script
from cpi_chat.workspace import Workspace

SPEEDS = (0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0)  # seconds per turn, fastest first
DEFAULT_SPEED = 3.0
OFF_SCRIPT = "The script no longer fits the question on screen, so it cannot play on from here."


def describe_action(scripted: ScriptedTurn, turn: Turn) -> str:
    """What the person does in a scripted turn, in words for the screen ('Picks: Quick Reads Club')."""
    prompt = turn.reply.prompt
    if scripted.answer is not None:
        return scripted.answer
    if scripted.choose is not None:
        choice = scripted.choose
        if isinstance(choice, int) and prompt is not None and 1 <= choice <= len(prompt.options):
            return prompt.options[choice - 1]
        return str(choice)
    if scripted.pick_asset is not None:
        return f"Picks: {scripted.pick_asset.get('name') or scripted.pick_asset.get('id', '')}"
    if scripted.skip:
        return "(skips this one)"
    if scripted.back:
        return "(goes back)"
    if scripted.help:
        return "(asks for help)"
    return "(stops the session)"


@dataclass
class Player:
    """A scripted session in progress: `step()` plays one turn; `take_over()` hands the Session to the trainer."""

    session: Session
    turn: Turn
    script: Transcript
    seconds_per_turn: float = DEFAULT_SPEED
    position: int = 0
    paused: bool = False
    taken_over: bool = False
    off_script: bool = False  # the session has gone where the script's next turn no longer fits
    actions: list[str] = field(default_factory=list)

    @classmethod
    def start(
        cls, workspace: Workspace, persona: DemoPerson, today: date | None = None, seconds_per_turn: float = DEFAULT_SPEED,
    ) -> Player:
        """Add a fresh copy of the persona to the (training) workspace and open their scripted session."""
        if not workspace.training:
            raise TrainingError("Training sessions can only be played in a training workspace, never with real records.")
        script = persona_script(persona, workspace.paths.flows_dir)
        person = people.add_person(workspace, persona.name, persona.needs)
        session, turn = Session.start(
            workspace.db, workspace.engine, workspace.assets, person, "training", script.flow, today=today,
        )
        return cls(session, turn, script, max(0.0, seconds_per_turn))

    # -- where we are -----------------------------------------------------

    @property
    def total(self) -> int:
        """How many turns the script has."""
        return len(self.script.turns)

    @property
    def finished(self) -> bool:
        """True when the conversation ended or the script has nothing more to play."""
        return self.turn.finished or self.position >= self.total

    @property
    def done(self) -> bool:
        """True when the player will play no more turns (finished, taken over, or off the script)."""
        return self.finished or self.taken_over or self.off_script

    @property
    def tip(self) -> str:
        """The worker's tip for the question now on screen ('' when there is none)."""
        prompt = self.turn.reply.prompt
        return " ".join(prompt.guide.split()) if prompt is not None else ""

    @property
    def next_action(self) -> str:
        """What the person will do next, in words ('' when nothing more will be played)."""
        if self.done:
            return ""
        return describe_action(self.script.turns[self.position], self.turn)

    def fits(self, position: int, turn: Turn | None = None) -> bool:
        """True when the scripted turn at `position` answers the question now on screen (or `turn`'s)."""
        prompt = (turn or self.turn).reply.prompt
        if prompt is None or not 0 <= position < self.total:
            return False
        expected = self.script.turns[position].expect
        return expected is None or expected.lower() in prompt.text.lower()

    # -- playing ----------------------------------------------------------

    def step(self) -> Turn:
        """Play the next scripted turn through the Session and return what it showed."""
        if self.taken_over:
            raise TrainingError("The trainer has taken over this session, so the script cannot play any more.")
        if self.finished:
            raise TrainingError("This scripted session has already reached its end.")
        if self.off_script or not self.fits(self.position):
            self.off_script = True
            raise TrainingError(OFF_SCRIPT)
        scripted = self.script.turns[self.position]
        self.actions.append(describe_action(scripted, self.turn))
        self.turn = self.session.handle(scripted.event())
        self.position += 1
        return self.turn

    def play(self, until: int | None = None) -> Turn:
        """Play turns until the end (or until `until` turns have been played), ignoring pause; returns the last turn."""
        limit = self.total if until is None else min(until, self.total)
        while not self.done and self.position < limit:
            self.step()
        return self.turn

    def tick(self) -> Turn | None:
        """What a UI timer calls every `seconds_per_turn`: one step unless paused or done."""
        if self.paused or self.done:
            return None
        return self.step()

    def pause(self) -> None:
        """Stop autoplay where it is; `step()` still works."""
        self.paused = True

    def resume(self) -> None:
        """Carry on autoplay."""
        self.paused = False

    def toggle_pause(self) -> bool:
        """Pause or carry on; returns True when now paused."""
        self.paused = not self.paused
        return self.paused

    def faster(self) -> float:
        """Fewer seconds per turn (down to the fastest); returns the new setting."""
        self.seconds_per_turn = max((s for s in SPEEDS if s < self.seconds_per_turn), default=SPEEDS[0])
        return self.seconds_per_turn

    def slower(self) -> float:
        """More seconds per turn (up to the slowest); returns the new setting."""
        self.seconds_per_turn = min((s for s in SPEEDS if s > self.seconds_per_turn), default=SPEEDS[-1])
        return self.seconds_per_turn

    def take_over(self) -> Session:
        """Stop the script; the trainer carries on by hand with the same Session (from `self.turn`)."""
        self.taken_over = True
        self.paused = True
        return self.session

    def hand_back(self, turn: Turn) -> bool:
        """The trainer stopped playing by hand at `turn`: carry the script on from the turn that fits it; False if none does.

        The script's next turn is looked for from where the trainer took over onwards (they answered a few
        questions themselves), then backwards (they went back a question or two). Playing stays paused.
        """
        self.turn = turn
        self.taken_over = False
        self.paused = True
        if turn.finished:
            self.off_script = False
            return False
        later = range(self.position, self.total)
        earlier = range(self.position - 1, -1, -1)
        found = next((n for n in (*later, *earlier) if self.fits(n, turn)), None)
        self.off_script = found is None
        if found is not None:
            self.position = found
        return found is not None
