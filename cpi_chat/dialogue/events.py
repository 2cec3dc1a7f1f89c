"""What can happen in a conversation: the person answers, picks, goes back, skips, asks for help or stops."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """Typed words: an answer to a question, or a quick reply typed by its number or label."""

    text: str


@dataclass(frozen=True)
class Pick:
    """A quick reply picked by its position (0 is the first)."""

    index: int


@dataclass(frozen=True)
class PickAsset:
    """A suggested community asset picked into the plan."""

    asset_id: str
    name: str


@dataclass(frozen=True)
class KeepAsset:
    """A group found in the directory during another question: kept, to be offered when goals are set."""

    asset_id: str
    name: str


@dataclass(frozen=True)
class Back:
    """Go back to the question before, undoing its answer and what it saved."""


@dataclass(frozen=True)
class Skip:
    """Leave an optional question unanswered."""


@dataclass(frozen=True)
class Help:
    """Ask for help with the current question."""


@dataclass(frozen=True)
class Stop:
    """End the conversation now."""


Event = Answer | Pick | PickAsset | KeepAsset | Back | Skip | Help | Stop
