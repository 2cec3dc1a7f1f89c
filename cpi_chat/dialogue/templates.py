"""Fills `{name}` and `{earlier_answer}` into flow text (in one pass, so answers are never re-read), and makes examples from a goal's own words."""

from __future__ import annotations

import re
from collections.abc import Mapping

from cpi_chat.words import iso_in_words

# {name}, or {name|words} to say `words` when the answer is empty (skipped, or never given).
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)(?:\|([^{}|]*))?\}")
BUILT_IN_NAMES = frozenset({"name", "worker", "today"})


def render(text: str, values: Mapping[str, object], dates_in_words: bool = False) -> str:
    """`text` with each `{key}` replaced by its value; unknown or empty keys become empty (or the words after `|`).

    `{{` and `}}` become braces.

    With `dates_in_words`, answers that are ISO dates are written for people to read.
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = values.get(match.group(1))
        if value is None or str(value) == "":
            return match.group(2) or ""
        return iso_in_words(str(value)) if dates_in_words else str(value)

    return PLACEHOLDER.sub(replace, text)


def names_in(text: str) -> list[str]:
    """The answer names a template uses, in order."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1)]


NEUTRAL_PROGRESS_EXAMPLE = "For example: 2 times, or 20 minutes"
# Words that say what a number in a goal counts; "2 a week" or "1st of June" give no unit to copy.
UNIT_WORDS = frozenset({
    "k", "km", "kms", "kilometre", "kilometres", "m", "metre", "metres", "meter", "meters", "mile", "miles",
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "time", "times", "day", "days", "week", "weeks",
    "page", "pages", "book", "books", "chapter", "chapters", "lap", "laps", "length", "lengths", "step", "steps",
    "kg", "lbs", "stone", "visit", "visits", "session", "sessions", "meal", "meals",
})
_AMOUNT_IN_WORDS = re.compile(r"(?<![0-9/.:-])([0-9]{1,5}(?:[.,][0-9]+)?) ?([a-z]+)\b", re.IGNORECASE)


def progress_example(*own_words: str) -> str:
    """An example answer for logging progress in the goal's own unit ('For example: 1 km'), or one that fits any goal.

    Pass the goal's own words, most telling first (its starting point, expected level, measure);
    so a goal to leave the house never shows someone else's run.
    """
    for words in own_words:
        for found in _AMOUNT_IN_WORDS.finditer(words or ""):
            if found.group(2).lower() in UNIT_WORDS:
                return f"For example: {found.group(0)}"
    return NEUTRAL_PROGRESS_EXAMPLE
