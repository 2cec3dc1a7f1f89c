"""Reading when an activity runs from an asset's schedule words ("Tuesdays 19:00-20:30", "First Monday of the month 14:00")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_DAY_WORD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_TIMES = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(?:-|–|to)\s*(\d{1,2})[:.](\d{2})\b|\b(\d{1,2})[:.](\d{2})\b")
_MONTHLY = re.compile(r"^((?:first|second|third|fourth|last)(?:\s*(?:,|and)\s*(?:first|second|third|fourth|last))*)\s+"
                      + _DAY_WORD + r"\s+of\s+(?:the|each|every)\s+month\b")
_WEEKLY = re.compile(r"^(?:every\s+|on\s+)?(" + _DAY_WORD + r"(?:\s*(?:,|and|&)\s*" + _DAY_WORD + r")*)\b(?!\s*(?:to|-)\s)")
_SEASON_PREFIX = re.compile(r"^(term time|[a-z]+ to [a-z]+|during [a-z ]+)\s*:\s*")


@dataclass(frozen=True)
class ActivityTime:
    """When an activity runs: on `weekdays` (Monday = 0), every week or on the `nth` weeks of the month, from `start`."""

    weekdays: tuple[int, ...]
    start: time
    end: time | None = None
    nth: tuple[int, ...] = ()  # empty: every week; 1..4 or -1 (last): those weeks of the month
    seasonal: bool = False  # "Term time:", "April to October:" — the calendar may show weeks it does not run

    @property
    def monthly(self) -> bool:
        """True when it runs on given weeks of the month, not every week."""
        return bool(self.nth)

    def byday(self) -> list[str]:
        """The days as iCalendar BYDAY values (TU, or 1MO and -1FR for monthly ones)."""
        if not self.nth:
            return [DAY_CODES[d] for d in self.weekdays]
        return [f"{n}{DAY_CODES[d]}" for n in self.nth for d in self.weekdays]

    def duration(self) -> timedelta:
        """How long it lasts; an hour when the schedule gives only a start time."""
        if self.end is None or self.end <= self.start:
            return timedelta(hours=1)
        return timedelta(hours=self.end.hour - self.start.hour, minutes=self.end.minute - self.start.minute)

    def first_on_or_after(self, day: date) -> date:
        """The first day on or after `day` that the activity runs."""
        for offset in range(400):
            candidate = day + timedelta(days=offset)
            if candidate.weekday() in self.weekdays and self._week_matches(candidate):
                return candidate
        return day  # unreachable for valid schedules

    def _week_matches(self, day: date) -> bool:
        if not self.nth:
            return True
        nth_from_start = (day.day - 1) // 7 + 1
        is_last = (day + timedelta(days=7)).month != day.month
        return nth_from_start in self.nth or (-1 in self.nth and is_last)


def _time(hour: str, minute: str) -> time | None:
    h, m = int(hour), int(minute)
    return time(h, m) if h < 24 and m < 60 else None


def _days(text: str) -> tuple[int, ...]:
    return tuple(sorted({_DAYS[name] for name in re.findall(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", text)}))


def parse_schedule(text: str) -> ActivityTime | None:
    """The activity's days and time from its schedule words, or None when they cannot be read for certain."""
    words = " ".join(text.casefold().replace("–", "-").split())
    seasonal = bool(_SEASON_PREFIX.match(words))
    words = _SEASON_PREFIX.sub("", words)
    times = _TIMES.search(words)
    if not times:
        return None
    if times.group(1):
        start, end = _time(times.group(1), times.group(2)), _time(times.group(3), times.group(4))
    else:
        start, end = _time(times.group(5), times.group(6)), None
    if start is None:
        return None
    monthly = _MONTHLY.match(words)
    if monthly:
        nth = tuple(sorted({_ORDINALS[w] for w in re.findall(r"first|second|third|fourth|last", monthly.group(1))}))
        return ActivityTime(_days(monthly.group(2)), start, end, nth, seasonal)
    weekly = _WEEKLY.match(words)
    if weekly and "month" not in words and "year" not in words:
        return ActivityTime(_days(weekly.group(1)), start, end, (), seasonal)
    return None


_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_DAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def say_time(moment: time) -> str:
    """A time as people say it: 7pm, 9:30am, 12 noon."""
    if moment.hour == 12 and moment.minute == 0:
        return "12 noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def activity_time_in_words(when: ActivityTime) -> str:
    """When it runs in everyday words: "Every Thursday, 7pm to 8pm", "The first Monday of the month, 2pm to 4pm"."""
    days = _and_list([_DAY_TITLES[d] for d in when.weekdays])
    if when.nth:
        which = _and_list([_ORDINAL_WORDS[n] for n in when.nth])
        lead = f"The {which} {days} of the month"
    else:
        lead = f"Every {days}"
    hours = say_time(when.start) + (f" to {say_time(when.end)}" if when.end else "")
    return f"{lead}, {hours}"
