"""Reading a date as people type it (14/03/2027, 14 March, by June, in 3 months, next Tuesday), the same in every box."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from cpi_chat.words import day_and_month, long_date, typed_date

NUMBER_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "a couple of": 2, "a few": 3,
}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3, "weekend": 5})


class DateProblem(ValueError):
    """A date that could not be read; the message says kindly what would work, with examples from today."""


def clean_words(text: str) -> str:
    """Lower case, single spaces, no full stop or exclamation mark at the ends."""
    return re.sub(r"\s+", " ", text.strip().lower()).strip(" .!")


def date_examples(today: date) -> str:
    """Ways to type a date, worked out from today so an example is never in the past: '25/02/2027, 25 February, ...'."""
    ahead = _add_months(today, 3)
    return f"{typed_date(ahead)}, {day_and_month(ahead)}, next Tuesday, or 'in 3 months'"


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _relative(cleaned: str, today: date) -> date | None:
    if cleaned in {"today", "now"}:
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    if cleaned in {"the day after tomorrow", "day after tomorrow"}:
        return today + timedelta(days=2)
    if cleaned in {"a week today", "a week from today"}:
        return today + timedelta(days=7)
    if cleaned in {"a fortnight today", "a fortnight from today"}:
        return today + timedelta(days=14)
    match = re.fullmatch(r"next (week|month|year)", cleaned)
    if match:
        return {"week": today + timedelta(days=7), "month": _add_months(today, 1), "year": _add_months(today, 12)}[match.group(1)]
    match = re.fullmatch(
        r"(?:in |within )?(?:about )?([0-9]+|[a-z ]+?) (day|week|fortnight|month|year)(?:s|'s|s')?(?: time)?(?: from now)?", cleaned
    )
    if match:
        amount_text, unit = match.groups()
        amount = int(amount_text) if amount_text.isdecimal() else NUMBER_WORDS.get(amount_text.strip())
        if amount is None:
            return None
        if unit == "month":
            return _add_months(today, amount)
        if unit == "year":
            return _add_months(today, 12 * amount)
        return today + timedelta(days=UNIT_DAYS[unit] * amount)
    return None


def _day_of_week(cleaned: str, today: date) -> date | None:
    """Tuesday, on Tuesday, this Friday, next Monday, Tuesday week, Tuesday next week, the weekend (Saturday).

    A day on its own is the coming one (1 to 7 days ahead); "this" may be today; "next" is that day
    in next week (Monday to Sunday), as people say it in Britain; "Tuesday week" is a week after the coming one.
    """
    match = re.fullmatch(r"(this coming |coming |this |next |the )?([a-z]+)( week| after next| next week| this week)?", cleaned)
    if not match or match.group(2) not in WEEKDAYS:
        return None
    which, after = (match.group(1) or "").strip(), (match.group(3) or "").strip()
    day, weekday = WEEKDAYS[match.group(2)], today.weekday()
    ahead = (day - weekday) % 7  # 0 (today) to 6
    if match.group(2) == "weekend" and weekday == 6 and which != "next":
        ahead = 0  # on a Sunday, "this weekend" is today
    this_monday = today - timedelta(days=weekday)
    if after == "this week" and not which:
        return this_monday + timedelta(days=day)
    if which == "next" and not after or after == "next week" and not which:
        return this_monday + timedelta(days=7 + day)
    if which == "this" and not after:
        return today + timedelta(days=ahead)
    if after in {"week", "after next"} and which in {"", "the"}:
        return today + timedelta(days=(ahead or 7) + 7)
    if not after and which != "next":
        return today + timedelta(days=ahead or 7)
    return None


def _day_and_date(cleaned: str, today: date) -> date | None:
    """A date written after its day of the week ('Tuesday 1 December'), checked against that day."""
    match = re.fullmatch(r"([a-z]+),? (?:the )?(.+)", cleaned)
    if not match or match.group(1) not in WEEKDAYS or match.group(1) == "weekend":
        return None
    found = _absolute(match.group(2), today)
    if found is None:
        return None
    said = calendar.day_name[WEEKDAYS[match.group(1)]]
    if found.weekday() != WEEKDAYS[match.group(1)]:
        raise DateProblem(
            f"{long_date(found)} is a {found:%A}, not a {said}. Could you check which day you meant?"
        )
    return found


def _absolute(cleaned: str, today: date) -> date | None:
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", cleaned)
    if match:
        y, m, d = map(int, match.groups())
        return date(y, m, d)
    match = re.fullmatch(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{2,4})", cleaned)
    if match:  # British order: day/month/year
        d, m, y = map(int, match.groups())
        return date(y + 2000 if y < 100 else y, m, d)
    match = re.fullmatch(r"(?:the )?([0-9]{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+),? ?([0-9]{4})?", cleaned)
    if match and match.group(2) in MONTHS:
        d, month, year_text = int(match.group(1)), MONTHS[match.group(2)], match.group(3)
        candidate = date(int(year_text) if year_text else today.year, month, d)
        return candidate if year_text or candidate >= today else date(today.year + 1, month, d)
    match = re.fullmatch(r"(?:by |end of |the end of )?([a-z]+),? ?([0-9]{4})?", cleaned)
    if match and match.group(1) in MONTHS:
        month, year_text = MONTHS[match.group(1)], match.group(2)
        year = int(year_text) if year_text else (today.year if month >= today.month else today.year + 1)
        return date(year, month, calendar.monthrange(year, month)[1])
    return None


GONE_BY = "That date has gone by. Could you give a date still to come?"


def read_date_to_come(text: str, today: date) -> date:
    """A date meant as still to come (a target's date, the next meeting): today or later, or a DateProblem."""
    day = read_typed_date(text, today)
    if day < today:
        raise DateProblem(GONE_BY)
    return day


def read_typed_date(text: str, today: date) -> date:
    """The date meant by `text` on `today`, or a DateProblem saying kindly how to write one."""
    cleaned = clean_words(text.replace("\u2019", "'"))
    for word in ("by ", "before ", "on "):
        cleaned = cleaned.removeprefix(word)
    try:
        found = (
            _relative(cleaned, today) or _day_of_week(cleaned, today)
            or _day_and_date(cleaned, today) or _absolute(cleaned, today)
        )
    except DateProblem:
        raise
    except (ValueError, OverflowError):
        raise DateProblem("That date doesn't seem to exist. Could you check the day and month?") from None
    if found is None:
        raise DateProblem(f"Sorry, I couldn't read that as a date. You could type it like {date_examples(today)}.")
    if not date(1900, 1, 1) <= found <= date(2200, 12, 31):
        raise DateProblem("That date seems very far away. Could you check the year?")
    return found
