"""Facts read from an asset's free text for filtering: which days it runs, is it free, is it accessible."""

from __future__ import annotations

import re

from cpi_chat.assets.normalise import fold
from cpi_chat.errors import CpiChatError

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ALL_DAYS = 0b1111111
WEEKDAYS = 0b0011111
WEEKEND = 0b1100000

_DAY_WORDS: dict[str, int] = {}
for _i, _name in enumerate(DAY_NAMES):
    for _form in {_name, _name + "s", _name[:3], _name[:3] + "s"}:
        _DAY_WORDS[_form] = _i
_DAY_WORDS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3, "thu": 3, "tue": 1})

_DAY = "(" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")\b\.?"
_RANGE = re.compile(r"\b" + _DAY + r"\s*(?:-|to|until|till|through|thru)\s*" + _DAY)
_SINGLE = re.compile(r"\b" + _DAY)
_EVERY_DAY = re.compile(
    r"\b(daily|every ?day|any ?day|7 days|seven days|any ?time|all week|24/7|by appointment|by arrangement"
    r"|flexible|on request|(?:that|to) suits? you)\b"
)
_WEEKDAYS = re.compile(r"\b(weekdays?|week ?days?)\b")
_WEEKENDS = re.compile(r"\b(weekends?|week-ends?)\b")


def schedule_days(schedule: str) -> int:
    """A bit mask of the weekdays a schedule mentions (Monday = bit 0); 0 when it names none."""
    text = fold(schedule).replace("\u2013", "-")
    mask = 0
    for first, last in _RANGE.findall(text):
        start, end = _DAY_WORDS[first], _DAY_WORDS[last]
        day = start
        while True:
            mask |= 1 << day
            if day == end:
                break
            day = (day + 1) % 7
    for name in _SINGLE.findall(text):
        mask |= 1 << _DAY_WORDS[name]
    if _WEEKDAYS.search(text):
        mask |= WEEKDAYS
    if _WEEKENDS.search(text):
        mask |= WEEKEND
    if not mask and _EVERY_DAY.search(text):
        mask = ALL_DAYS
    return mask


def day_filter_mask(day: str) -> int:
    """The days a person asked for ("tue", "Tuesdays", "weekend", "weekday"), as a bit mask."""
    text = fold(day).strip().rstrip(".")
    if text in _DAY_WORDS:
        return 1 << _DAY_WORDS[text]
    if _WEEKENDS.fullmatch(text):
        return WEEKEND
    if _WEEKDAYS.fullmatch(text):
        return WEEKDAYS
    if text in ("any", "anyday", "any day", "every day", "daily"):
        return ALL_DAYS
    raise CpiChatError(f"'{day}' is not a day of the week; try a day such as Tuesday, or 'weekend'.")


_MONEY = re.compile(r"(?:\u00a3|gbp\s?)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:p\b|pence|pounds?)")
_FREE = re.compile(r"^(free|no charge|no cost|nothing to pay|gratis)\b")


def is_free(cost: str) -> bool:
    """True when the cost text says it costs nothing ("Free, donations welcome" is free; "Donation" alone is not)."""
    text = fold(cost).strip()
    if not text:
        return False
    if text.startswith("free"):
        return True
    for pounds, other in _MONEY.findall(text.replace("\u00a3", "\u00a3")):
        if float(pounds or other or 0) > 0:
            return False
    return bool(_FREE.search(text)) or text in ("0", "\u00a30", "none", "nil")


_ACCESS_NO = re.compile(
    r"\b(not (?:fully |yet )?(?:wheelchair[- ])?accessible|not step[- ]free|no step[- ]free|inaccessible|no (?:wheelchair|step[- ]free|level|disabled) access"
    r"|not (?:suitable|accessible) for wheelchairs?|stairs only|steps? only|no lift|upstairs,? no lift|not wheelchair)"
)
_ACCESS_YES = re.compile(
    r"\b(accessible|step[- ]free|wheelchair|level access|ramps?|lift|hearing loop|induction loop|ground floor"
    r"|disabled (?:access|toilet|parking)|accessible toilet)"
)


def is_accessible(accessibility: str) -> bool:
    """True when the access notes say it can be reached without steps (wheelchair, step-free, lift)."""
    text = fold(accessibility)
    if not text.strip() or _ACCESS_NO.search(text):
        return False
    return bool(_ACCESS_YES.search(text))
