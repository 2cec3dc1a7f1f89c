"""Everyone's name for the people list, searched by part of a name as each key is typed, quickly at 10,000 people.

Only names are read for everyone; a person's list entry (their goals, last session) is made when they are
first shown and then kept. Each search starts from the last one whose words it contains (typing 'kwa'
after 'kw' reads only the people 'kw' found), and searches already made are kept until everyone is read
again, so a backspace reads nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

PAGE = 20  # people listed at once (a screen shows fewer): typing a name or a caseload key finds the rest
_KEPT_SEARCHES = 64

Entry = TypeVar("Entry")


class PeopleSearch(Generic[Entry]):
    """Everyone's (id, name) as last read, the searches made over them, and each person's list entry once made."""

    def __init__(self, everyone: Sequence[tuple[int, str]], make_entries: Callable[[list[int]], dict[int, Entry]]) -> None:
        self.ids = tuple(person_id for person_id, _ in everyone)
        self._names = tuple(name.lower() for _, name in everyone)  # lowered once per reading, not on every key
        self._make_entries = make_entries
        self._entries: dict[int, Entry] = {}
        self._found: dict[tuple[str, Hashable], list[int]] = {}  # (words, part of the caseload) -> positions in everyone

    def forget_searches(self) -> None:
        """Search afresh from now on (the caseload's parts changed: a review is due after more or fewer weeks)."""
        self._found.clear()

    def forget_entries(self) -> None:
        """Make each entry again when it is next shown (how it is drawn changed: large spacing turned on or off)."""
        self._entries.clear()

    def entries(self, person_ids: list[int]) -> list[tuple[int, Entry]]:
        """Each person's list entry, those not shown before made together; anyone no longer there is left out."""
        if missing := [person_id for person_id in person_ids if person_id not in self._entries]:
            self._entries.update(self._make_entries(missing))
        return [(person_id, self._entries[person_id]) for person_id in person_ids if person_id in self._entries]

    def matching(self, words: str, part: Hashable, only: frozenset[int] | None) -> list[int]:
        """Positions in everyone of those whose lower-case name holds `words` (and in `only`, the caseload `part` shown)."""
        if (found := self._found.get((words, part))) is not None:
            return found
        if not words and only is None:
            found = list(range(len(self.ids)))
        else:
            narrowed = [known for (before, known_part), known in self._found.items() if known_part == part and before in words]
            names, ids = self._names, self.ids
            found = [n for n in (min(narrowed, key=len) if narrowed else range(len(ids)))
                     if words in names[n] and (only is None or ids[n] in only)]
        if len(self._found) >= _KEPT_SEARCHES:
            self._found.pop(next(iter(self._found)))
        self._found[(words, part)] = found
        return found

    def to_show(self, words: str, part: Hashable, only: frozenset[int] | None, keep: int | None = None) -> tuple[list[int], int]:
        """Ids of the first PAGE people matching, always with the person `keep` if they match; and how many match."""
        found = self.matching(words, part, only)
        shown = [self.ids[n] for n in found[:PAGE]]
        if keep is not None and keep not in shown:
            shown += [self.ids[n] for n in found[PAGE:] if self.ids[n] == keep]
        return shown, len(found)
