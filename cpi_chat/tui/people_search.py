"""Everyone read for the people list, searched by part of a name as each key is typed, quickly at 10,000 people.

Each search starts from the last one whose words it contains (typing 'kwa' after 'kw' reads only the
people 'kw' found), searches already made are kept until everyone is read again (so a backspace reads
nobody), and each person's list entry is made once and kept, so the list measures only new entries.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cpi_chat.records.model import PersonSummary

PAGE = 20  # people listed at once (a screen shows fewer): typing a name or a caseload key finds the rest
_KEPT_SEARCHES = 64

Entry = TypeVar("Entry")


class PeopleSearch(Generic[Entry]):
    """Everyone as last read, the searches made over them, and each person's list entry once made."""

    def __init__(self, everyone: tuple[PersonSummary, ...], make_entry: Callable[[PersonSummary], Entry]) -> None:
        self.everyone = everyone
        self._names = tuple(person.name.lower() for person in everyone)  # lowered once per reading, not on every key
        self._make_entry = make_entry
        self._entries: dict[int, Entry] = {}
        self._found: dict[tuple[str, Hashable], list[int]] = {}  # (words, part of the caseload) -> positions in everyone

    def forget_searches(self) -> None:
        """Search afresh from now on (the caseload's parts changed: a review is due after more or fewer weeks)."""
        self._found.clear()

    def entry(self, person: PersonSummary) -> Entry:
        """The person's list entry, made the first time it is shown."""
        if (made := self._entries.get(person.id)) is None:
            made = self._entries[person.id] = self._make_entry(person)
        return made

    def matching(self, words: str, part: Hashable, only: frozenset[int] | None) -> list[int]:
        """Positions in `everyone` of those whose lower-case name holds `words` (and in `only`, the caseload `part` shown)."""
        if (found := self._found.get((words, part))) is not None:
            return found
        if not words and only is None:
            found = list(range(len(self.everyone)))
        else:
            narrowed = [known for (before, known_part), known in self._found.items() if known_part == part and before in words]
            names, everyone = self._names, self.everyone
            found = [n for n in (min(narrowed, key=len) if narrowed else range(len(everyone)))
                     if words in names[n] and (only is None or everyone[n].id in only)]
        if len(self._found) >= _KEPT_SEARCHES:
            self._found.pop(next(iter(self._found)))
        self._found[(words, part)] = found
        return found

    def to_show(self, words: str, part: Hashable, only: frozenset[int] | None,
                keep: int | None = None) -> tuple[list[PersonSummary], int]:
        """The first PAGE people matching, always with the person `keep` if they match; and how many match."""
        found = self.matching(words, part, only)
        shown = [self.everyone[n] for n in found[:PAGE]]
        if keep is not None and all(person.id != keep for person in shown):
            shown += [self.everyone[n] for n in found[PAGE:] if self.everyone[n].id == keep]
        return shown, len(found)
