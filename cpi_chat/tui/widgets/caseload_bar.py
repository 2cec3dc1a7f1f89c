"""The caseload line on the people list: how many are due a review, have reminders due, have gone quiet or achieved a goal."""

from __future__ import annotations

from typing import get_args

from rich.text import Text
from textual.widgets import Static

from cpi_chat.records.model import Caseload, CaseloadFilter

FILTER_KEYS: dict[str, CaseloadFilter] = dict(zip("1234", get_args(CaseloadFilter), strict=True))


SHORT_LABELS: dict[CaseloadFilter, str] = {"review": "Due a review", "reminders": "Reminders due",
                                           "quiet": "No check-in for 3 weeks", "achieved": "Achieved a goal this month"}


def caseload_words(caseload: Caseload, showing: CaseloadFilter | None) -> Text:
    """Each count in words after the key that shows those people; or what is shown and how to show everyone again."""
    if showing is None:
        words = Text()
        for key, which in FILTER_KEYS.items():
            if words:
                words.append(" · ")
            words.append(key, style="bold").append(f" {SHORT_LABELS[which]}: {caseload.count_words(which)}")
        return words
    weeks = " + and - change the weeks." if showing == "review" else ""
    return (Text("Showing only: ", style="bold").append(f"{caseload.label(showing).lower()}, {caseload.count_words(showing)}. ")
            .append("0", style="bold").append(f" shows everyone.{weeks}"))


class CaseloadBar(Static):
    """A line or two of words above the list; the screen owns the filter and the keys, this only says them."""

    def show(self, caseload: Caseload, showing: CaseloadFilter | None) -> None:
        """Say the counts (or the filter shown) for this caseload."""
        self.update(caseload_words(caseload, showing))
