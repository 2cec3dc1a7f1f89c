"""The model's people: who is supported, their communication needs, and one line of the people list."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class CommunicationNeeds:
    """How a person needs information given to them (Accessible Information Standard)."""

    easy_read: bool = False
    large_print: bool = False
    high_contrast: bool = False
    plain_mode: bool = False
    larger_spacing: bool = False
    reads_with_someone: bool = False
    preferred_name: str = ""

    def labels(self) -> list[str]:
        """The needs that are set, as short words for lists and exports."""
        words = [NEED_WORDS[f.name] for f in fields(self) if f.type in ("bool", bool) and getattr(self, f.name)]
        return words + ([f"call them {self.preferred_name}"] if self.preferred_name else [])

    def in_words(self) -> str:
        """The needs as one sentence for the worker at the start of a session ('' when none are recorded)."""
        listed = [NEED_WORDS[f.name] for f in fields(self) if f.type in ("bool", bool) and getattr(self, f.name)]
        said = f"Communication needs: {', '.join(listed)}." if listed else ""
        called = f"They like to be called {self.preferred_name}." if self.preferred_name else ""
        return " ".join(part for part in (said, called) if part)


# The words each need is shown with, to the worker and on the command line.
NEED_WORDS = {
    "easy_read": "easy read", "large_print": "large print", "high_contrast": "high contrast",
    "plain_mode": "plain mode", "larger_spacing": "larger spacing",
    "reads_with_someone": "someone to read with them",
}


@dataclass(frozen=True)
class Person:
    """Someone supported: their name, communication needs and display setting."""

    id: int
    name: str
    needs: CommunicationNeeds
    theme: str
    created: str


@dataclass(frozen=True)
class PersonSummary:
    """One line of `person list`: who, their needs, the goals they are working on, when last seen."""

    id: int
    name: str
    needs: CommunicationNeeds
    active_goals: tuple[str, ...]
    last_session: str | None
