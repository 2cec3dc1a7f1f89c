"""Why a search result came up: structured reasons from the index, said in everyday words at the edge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cpi_chat.words import long_date

# How each field's match is said: "{}" is the words found in it.
SAID = {
    "name": "its name says {}",
    "tags": "it is about {}",
    "description": "it mentions {}",
    "domain": "it is a kind of {}",
    "schedule": "it is on {}",
    "cost": "it is {}",
    "accessibility": "access: {}",
    "address": "it is at {}",
    "area": "it is in {}",
}
FILTERS_ONLY = "matches the filters"


@dataclass(frozen=True, slots=True)
class MatchReason:
    """One part of why an asset matched: the field, its words that matched, and what was typed if it differs."""

    field: str
    words: str
    typed: str = ""  # what the person typed, when the search read it as `words` (a synonym, a typo, half a word)

    def __str__(self) -> str:
        """The reason in the compact form the command line prints: "name: football (from 'footy')"."""
        return f"{self.field}: {self.words}" + (f" (from '{self.typed}')" if self.typed else "")


def reasons_in_short(reasons: Sequence[MatchReason]) -> str:
    """The reasons in the command line's compact form, or 'matches the filters' when there are none."""
    return "; ".join(str(reason) for reason in reasons) or FILTERS_ONLY


def why_in_words(reasons: Sequence[MatchReason]) -> str:
    """The reasons as a person would say them: "Its name says football (you typed 'footy')"."""
    if not reasons:
        return FILTERS_ONLY.capitalize()
    said = []
    for reason in reasons:
        words = reason.words.lower() if reason.field == "domain" else reason.words
        text = SAID.get(reason.field, reason.field + ": {}").format(words)
        said.append(text + (f" (you typed '{reason.typed}')" if reason.typed else ""))
    text = "; ".join(said)
    return text[:1].upper() + text[1:]


STALE_AFTER_DAYS = 365


def checked_in_words(checked: date | None, today: date) -> str:
    """When someone last checked an asset, and a warning when that is over a year ago."""
    if checked is None:
        return ""
    said = long_date(checked)
    if (today - checked).days > STALE_AFTER_DAYS:
        said += " (over a year ago, so ring to check it still runs)"
    return said


def guessed_in_words(field_name: str, guessed: Sequence[str]) -> str:
    """' (a guess)' after a detail that cpi-chat guessed when importing, else nothing."""
    return " (a guess)" if field_name in guessed else ""
