"""Numbers read from a person's words: "3 km in 25 minutes", "5k", "28:30", for progress toward a target.

Pure, with no imports from the rest of cpi-chat, so the conversation (is a target reached?) and the
records (how far along is it?) read amounts the same way.
"""

from __future__ import annotations

import re

_UNITS = {
    "km": "km", "k": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "miles", "miles": "miles", "mi": "miles", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "lap": "laps", "laps": "laps", "length": "lengths", "lengths": "lengths", "step": "steps", "steps": "steps",
    "kg": "kg", "page": "pages", "pages": "pages", "book": "books", "books": "books", "time": "times", "times": "times",
}
_TIME_UNITS = {"min": 1.0, "mins": 1.0, "minute": 1.0, "minutes": 1.0, "hour": 60.0, "hours": 60.0, "hr": 60.0,
               "hrs": 60.0, "h": 60.0, "sec": 1 / 60, "secs": 1 / 60, "second": 1 / 60, "seconds": 1 / 60}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(" + "|".join(sorted(list(_UNITS) + list(_TIME_UNITS), key=len, reverse=True)) + r")?\b")
NO_NUMBER = "I could not find a number in that. Try a number and what it counts, like 2 times, 20 minutes or 1 km."
TOO_LONG = "Please keep it short: a number and a few words."
MAX_PROGRESS_LENGTH = 120
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")


def parse_amount(text: str) -> tuple[float | None, str, float | None]:
    """Read (amount, unit, minutes) from words like "3 km in 25 minutes", "5k", "28:30"; None where nothing can be read."""
    lowered = text.casefold()
    minutes: float | None = None
    clock = _CLOCK.search(lowered)
    if clock:  # 28:30 is minutes and seconds; 1:05:00 is hours, minutes and seconds
        a, b, c = int(clock.group(1)), int(clock.group(2)), clock.group(3)
        minutes = a * 60 + b + int(c) / 60 if c else a + b / 60
        lowered = lowered[:clock.start()] + " " + lowered[clock.end():]
    amount: float | None = None
    unit = ""
    for number, word in _AMOUNT.findall(lowered):
        value = float(number.replace(",", "."))
        if word in _TIME_UNITS:
            minutes = (minutes or 0.0) + value * _TIME_UNITS[word]
        elif amount is None:
            amount, unit = value, _UNITS.get(word, "")
    if amount is None and minutes is not None:
        return minutes, "minutes", minutes
    return amount, unit, minutes


def reaches(value: str, target: str) -> bool:
    """Whether words logged ("5.2 km in 31 minutes") reach a target ("run 5 km") in the same unit; False when either has no number."""
    amount, unit, _ = parse_amount(value)
    wanted, wanted_unit, _ = parse_amount(target)
    if amount is None or wanted is None or not wanted_unit or wanted_unit == "minutes":
        return False  # a time to beat, or no unit to compare: never claimed as reached
    return unit == wanted_unit and amount >= wanted


def has_number(text: str) -> bool:
    """Whether the words hold an amount or a time that can be charted ('3 km', '28:30'), not only words ('twice')."""
    amount, _unit, minutes = parse_amount(text)
    return amount is not None or minutes is not None


def target_words(measure: str, what: str) -> str:
    """The words holding the number a target is reached at: its measure when that has one, else what it is ('run 5 km')."""
    return measure if parse_amount(measure)[0] is not None else what


def progress_problem(words: str, target: str) -> str:
    """What is wrong with progress typed toward a target, kindly ('' when it can be kept).

    Toward a target with a number ('run 5 km') it needs a number, so it can be charted; toward one in words only
    ('leave the house twice a week') the person's own words are kept ('out on Tuesday and Thursday').
    """
    words = words.strip()
    if len(words) > MAX_PROGRESS_LENGTH:
        return TOO_LONG
    return NO_NUMBER if has_number(target) and not has_number(words) else ""
