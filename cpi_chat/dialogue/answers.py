"""Reads typed answers: numbers, dates, yes or no, one of several choices. Each failure is a kind sentence."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from cpi_chat.words import long_date

YES = frozenset({"yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "i did", "i have", "of course", "definitely", "aye", "true"})
NO = frozenset({"no", "n", "nope", "nah", "not really", "i didn't", "i did not", "no thanks", "not yet", "false"})
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
MAX_NUMBER = 1e15  # beyond this a typed number is a slip of the keyboard, not an answer


class AnswerProblem(ValueError):
    """An answer that could not be read; the message says kindly what would work."""


@dataclass(frozen=True)
class Accepted:
    """A checked answer: `value` is what is kept (ISO date, number text, 'yes'/'no', the matching option)."""

    value: str


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()).strip(" .!")


def read_yes_no(text: str) -> Accepted:
    """'yes' or 'no' from everyday words (yeah, nope, I did...)."""
    cleaned = _clean(text)
    if cleaned in YES or cleaned.startswith(("yes ", "yeah ")):
        return Accepted("yes")
    if cleaned in NO or cleaned.startswith(("no ", "nope ")):
        return Accepted("no")
    raise AnswerProblem("Sorry, I didn't catch that. Could you answer yes or no?")


def read_number(text: str, minimum: float | None = None, maximum: float | None = None) -> Accepted:
    """A number in figures or a small number word, checked against the limits given."""
    cleaned = _clean(text).replace(",", "")
    match = re.search(r"-?[0-9]+(?:\.[0-9]+)?", cleaned)
    if match:
        number = float(match.group(0))
    elif cleaned in NUMBER_WORDS:
        number = float(NUMBER_WORDS[cleaned])
    else:
        raise AnswerProblem("Sorry, I need a number here, like 3 or 5.5. You can type it in figures.")
    if not math.isfinite(number) or abs(number) >= MAX_NUMBER:
        raise AnswerProblem("That number is too big for me. Could you check it?")
    if minimum is not None and number < minimum:
        raise AnswerProblem(f"That number is a bit low. Please give a number of at least {_show(minimum)}.")
    if maximum is not None and number > maximum:
        raise AnswerProblem(f"That number is a bit high. Please give a number no bigger than {_show(maximum)}.")
    return Accepted(_show(number))


def _show(number: float) -> str:
    """Plain figures, never an exponent: 3, 5.5, 0.0001, 1234567.5."""
    if float(number).is_integer():
        return str(int(number))
    return format(Decimal(repr(float(number))), "f")


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
        raise AnswerProblem(
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


def read_date(text: str, today: date) -> Accepted:
    """An ISO date from 14/03/2027, 2027-03-14, 14 March, by June, in 3 months, tomorrow, next Tuesday..."""
    cleaned = _clean(text.replace("\u2019", "'"))
    for word in ("by ", "before ", "on "):
        cleaned = cleaned.removeprefix(word)
    try:
        found = (
            _relative(cleaned, today) or _day_of_week(cleaned, today)
            or _day_and_date(cleaned, today) or _absolute(cleaned, today)
        )
    except AnswerProblem:
        raise
    except (ValueError, OverflowError):
        raise AnswerProblem("That date doesn't seem to exist. Could you check the day and month?") from None
    if found is None:
        raise AnswerProblem(
            "Sorry, I couldn't read that as a date. You could type it like 14/03/2027, 14 March, "
            "next Tuesday, or 'in 3 months'."
        )
    if not date(1900, 1, 1) <= found <= date(2200, 12, 31):
        raise AnswerProblem("That date seems very far away. Could you check the year?")
    return Accepted(found.isoformat())


def read_choice(text: str, options: list[str]) -> Accepted:
    """One of `options`, by its number (1 is the first), its words, or the start of its words."""
    if not options:
        raise AnswerProblem("Sorry, there is nothing to choose from here. You can go back or skip.")
    cleaned = _clean(text)
    if re.fullmatch(r"[0-9]{1,6}", cleaned) and 1 <= int(cleaned) <= len(options):
        return Accepted(options[int(cleaned) - 1])
    for option in options:
        if _clean(option) == cleaned:
            return Accepted(option)
    starts = [o for o in options if cleaned and _clean(o).startswith(cleaned)]
    if len(starts) == 1:
        return Accepted(starts[0])
    listed = ", ".join(options[:-1]) + f" or {options[-1]}" if len(options) > 1 else options[0]
    raise AnswerProblem(f"Sorry, I didn't catch that. Could you choose one of these: {listed}?")


def read_text(text: str) -> Accepted:
    """Any words at all, trimmed; only an empty answer is refused."""
    cleaned = text.strip()
    if not cleaned:
        raise AnswerProblem("It looks like the answer is empty. Take your time, and type a few words when you're ready.")
    return Accepted(cleaned)
