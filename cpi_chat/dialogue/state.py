"""The conversation's state and what the engine hands back: plain dataclasses, saved as JSON after every step."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace

from cpi_chat.dialogue.effects import Effect, SuggestAssets


@dataclass
class Frame:
    """Where one flow is: the step it will run next ('' once it has nothing left), the call step that entered it, and for which goal."""

    flow: str
    step: str
    via: str = ""
    each: str = ""  # 'goals' when the flow runs once per goal (for_each)
    index: int = 0  # which goal of the list it is running for


@dataclass
class Checkpoint:
    """Everything needed to return to an earlier question, and the keys of what was saved since.

    `undo` holds only the answers this turn changed, each with its value before (None: it had
    none), so a long conversation's saved state grows with its length, not with its square.
    """

    stack: list[Frame]
    undo: dict[str, str | None]
    goal_key: str
    first_barrier_key: str
    last_barrier_key: str
    saved_keys: list[str] = field(default_factory=list)
    last_solution_key: str = ""


@dataclass
class EngineState:
    """The whole state of one conversation; serialise with `to_json`, restore with `from_json`."""

    root: str
    stack: list[Frame]
    answers: dict[str, str]
    context: dict[str, str]
    counter: int = 0
    goal_key: str = ""
    first_barrier_key: str = ""
    last_barrier_key: str = ""
    history: list[Checkpoint] = field(default_factory=list)
    last_solution_key: str = ""
    outcome: str = ""  # '', 'completed' or 'stopped'

    @property
    def finished(self) -> bool:
        return bool(self.outcome)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> EngineState:
        data = json.loads(text)
        data["stack"] = [Frame(**f) for f in data["stack"]]
        data["history"] = [
            Checkpoint(**{**c, "stack": [Frame(**f) for f in c["stack"]]}) for c in data["history"]
        ]
        return cls(**data)

    def copy(self) -> EngineState:
        """An independent copy, sharing only the checkpoints that are never changed again."""
        history = list(self.history)
        if history:  # only the newest checkpoint still collects saved keys
            history[-1] = replace(history[-1], saved_keys=list(history[-1].saved_keys))
        return replace(
            self, stack=[replace(f) for f in self.stack], answers=dict(self.answers),
            context=dict(self.context), history=history,
        )

    def keep_answers(self, checkpoint: Checkpoint, values: dict[str, str]) -> None:
        """Set answers, remembering in `checkpoint` what each was before so going back can restore it."""
        for name, value in values.items():
            if name not in checkpoint.undo:
                checkpoint.undo[name] = self.answers.get(name)
            self.answers[name] = value

    def rewind(self, checkpoint: Checkpoint) -> None:
        """Put the answers back as they were before `checkpoint`'s turn."""
        for name, before in checkpoint.undo.items():
            if before is None:
                self.answers.pop(name, None)
            else:
                self.answers[name] = before

    def _checkpoint(self) -> Checkpoint:
        return Checkpoint(
            stack=[replace(f) for f in self.stack],
            undo={},
            goal_key=self.goal_key,
            first_barrier_key=self.first_barrier_key,
            last_barrier_key=self.last_barrier_key,
            last_solution_key=self.last_solution_key,
        )


@dataclass(frozen=True)
class Progress:
    """Which part of the session we are in: 'part 2 of 5: finding groups'."""

    part: int
    of: int
    title: str

    def __str__(self) -> str:
        return f"part {self.part} of {self.of}: {self.title}"


@dataclass(frozen=True)
class Prompt:
    """The question now waiting for the person."""

    flow: str
    step: str
    kind: str  # 'ask', 'choose' or 'suggest'
    text: str
    options: tuple[str, ...] = ()
    validate: str = "text"
    optional: bool = False
    placeholder: str = ""
    guide: str = ""
    help: str = ""
    problem: str = ""
    previous: str = ""
    search: SuggestAssets | None = None


@dataclass(frozen=True)
class Reply:
    """What to show after an event: messages, then the prompt (None when the conversation is over)."""

    messages: tuple[str, ...]
    prompt: Prompt | None
    effects: tuple[Effect, ...] = ()
    progress: Progress | None = None
    notice: str = ""

    @property
    def finished(self) -> bool:
        return self.prompt is None
