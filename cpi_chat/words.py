"""Dates as people read them, written one way wherever they appear: screens, plain mode, plans and messages.

Pure functions of a date (or an ISO string) with no imports from the rest of cpi-chat, so every layer may use them.
"""

from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def long_date(day: date) -> str:
    """'25 November 2026': goal dates, summaries and every sentence."""
    return f"{day.day} {day:%B %Y}"


def date_with_weekday(day: date) -> str:
    """'Tuesday 23 December 2026': the person's own plan, where the day of the week helps."""
    return f"{day:%A} {long_date(day)}"


def short_date(day: date) -> str:
    """'25 Nov 2026': lists where space is short (the people list)."""
    return f"{day.day} {day:%b %Y}"


def day_and_month(day: date) -> str:
    """'25 November': check-ins since the last session, when the year goes without saying."""
    return f"{day.day} {day:%B}"


def typed_date(day: date) -> str:
    """'25/02/2027': a date written the way people type it in a box, for examples of what to type."""
    return f"{day:%d/%m/%Y}"


def chart_date(day: date) -> str:
    """'05 Nov': the first column of a progress chart, always six characters so the bars line up."""
    return f"{day:%d %b}"


def day_of(iso: str | None) -> date | None:
    """The date an ISO date or time starts with ('2026-11-25T10:00:00'), or None when there is none."""
    try:
        return date.fromisoformat((iso or "").strip()[:10])
    except ValueError:
        return None


def iso_in_words(value: str) -> str:
    """An answer that is exactly an ISO date ('2027-02-25') as '25 February 2027'; anything else unchanged."""
    if not ISO_DATE.fullmatch(value):
        return value
    day = day_of(value)
    return long_date(day) if day else value
