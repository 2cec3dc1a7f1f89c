"""The model's caseload view: who is due a review, has reminders due, has gone quiet or achieved a goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cpi_chat.records.model import QUIET_WEEKS

if TYPE_CHECKING:
    from cpi_chat.records.model import CaseloadFilter


@dataclass(frozen=True)
class Caseload:
    """The people (by id) in each part of the caseload view, for one day and one choice of weeks before a review is due."""

    today: date
    review_weeks: int
    due_review: frozenset[int]
    reminders_due: frozenset[int]
    quiet: frozenset[int]
    achieved: frozenset[int]

    def people(self, which: CaseloadFilter) -> frozenset[int]:
        """The ids of the people a filter shows."""
        return {"review": self.due_review, "reminders": self.reminders_due, "quiet": self.quiet,
                "achieved": self.achieved}[which]

    def label(self, which: CaseloadFilter) -> str:
        """What a filter shows, in a few words: 'Due a review (no meeting together for 6 weeks)'."""
        weeks = f"{self.review_weeks} week{'s' if self.review_weeks != 1 else ''}"
        return {"review": f"Due a review (no meeting together for {weeks})", "reminders": "Reminders due",
                "quiet": f"No check-in for {QUIET_WEEKS} weeks", "achieved": "Achieved a goal this month"}[which]

    def count_words(self, which: CaseloadFilter) -> str:
        """'12 people', '1 person', 'nobody'."""
        count = len(self.people(which))
        return "nobody" if not count else f"{count:,} {'person' if count == 1 else 'people'}"
