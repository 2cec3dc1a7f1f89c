"""Reads typed answers: numbers, dates, yes or no, one of several choices. Each failure is a kind sentence."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cpi_chat.amounts import progress_problem
from cpi_chat.typed_dates import (
    NUMBER_WORDS,
    DateProblem,
    clean_words,
    read_date_to_come,
    read_typed_date,
)

YES = frozenset({"yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "i did", "i have", "of course", "definitely", "aye", "true"})
NO = frozenset({"no", "n", "nope", "nah", "not really", "i didn't", "i did not", "no thanks", "not yet", "false"})
MAX_NUMBER = 1e15  # beyond this a typed number is a slip of the keyboard, not an answer


class AnswerProblem(ValueError):
    """An answer that could not be read; the message says kindly what would work."""


@dataclass(frozen=True)
class Accepted:
    """A checked answer: `value` is what is kept (ISO date, number text, 'yes'/'no', the matching option)."""

    value: str


_clean = clean_words


def read_yes_no(text: str) -> Accepted:
    """'yes' or 'no' from everyday words (yeah, nope, I did...)."""
    cleaned = _clean(text)
    if cleaned in YES or cleaned.startswith(("yes ", "yeah ")):
        return Accepted("yes")
    if cleaned in NO or cleaned.startswith(("no ", "nope ")):
        return Accepted("no")
    raise AnswerProblem("Sorry, I didn't catch that. Could you answer yes or no?")


def read_progress(text: str, target: str) -> Accepted:
    """How far someone got toward a target, as they put it ('3 km in 25 minutes'): the same rule as logging it outside a talk."""
    problem = progress_problem(text, target)
    if problem:
        raise AnswerProblem(problem)
    return Accepted(text.strip())


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


def read_date(text: str, today: date, *, to_come: bool = False) -> Accepted:
    """An ISO date from 14/03/2027, 2027-03-14, 14 March, by June, in 3 months, tomorrow, next Tuesday...

    With `to_come`, a date gone by is refused kindly (the same rule as a target's date on the command line).
    """
    try:
        return Accepted((read_date_to_come if to_come else read_typed_date)(text, today).isoformat())
    except DateProblem as problem:
        raise AnswerProblem(str(problem)) from None


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
