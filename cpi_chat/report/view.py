"""The outcomes report as it is shown: sections of rows in words, with every small number hidden, ready for HTML or CSV.

This is the one place counts become words, so the HTML page, its charts and the CSV file hide the
same numbers the same way:
- a count of 1 to 4 is "fewer than 5" (UK statistical practice, so nobody can be recognised);
- none is "none": a zero points at nobody, and the directory's gaps are the point of that table;
- where the parts of a total are shown beside it and only one part is hidden, the smallest other part
  is hidden too ("not shown"), so the hidden one cannot be worked out by subtraction;
- an average over fewer than 5 people is not shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpi_chat.report.figures import Change

SMALL = 5
HIDDEN = "fewer than 5"
ALSO_HIDDEN = "not shown"  # hidden so that a number hidden beside it cannot be worked out
ONS_ATTRIBUTION = ("The four wellbeing questions are the Office for National Statistics' personal well-being "
                   "questions (ONS4), used under the Open Government Licence v3.0.")


def count_words(count: int) -> str:
    """A count as shown: 'none', 'fewer than 5', or the number with thousands separated."""
    if count == 0:
        return "none"
    return HIDDEN if count < SMALL else f"{count:,}"


def is_shown(count: int) -> bool:
    """Whether a count is shown as a number (none counts as shown: it is not a small number of people)."""
    return count == 0 or count >= SMALL


def parts_words(total: int, parts: list[int]) -> list[str]:
    """Parts of a total shown beside it, with one more hidden when only one would be (so none can be worked out)."""
    words = [count_words(part) for part in parts]
    hidden = [n for n, part in enumerate(parts) if not is_shown(part)]
    if len(hidden) == 1 and is_shown(total):
        others = [n for n, part in enumerate(parts) if n not in hidden and part > 0]
        if others:
            words[min(others, key=lambda n: parts[n])] = ALSO_HIDDEN
    return words


def mean_words(total: float, people: int, decimals: int = 1) -> str:
    """An average as shown: one decimal place, or why it is not shown."""
    if people < SMALL:
        return "not shown (fewer than 5 people)"
    return f"{total / people:.{decimals}f}"


def share_words(part: int, whole: int) -> str:
    """A percentage as shown, when neither number is hidden."""
    if not whole or not is_shown(part) or not is_shown(whole):
        return "not shown"
    return f"{round(100 * part / whole)}%"


@dataclass(frozen=True)
class Row:
    """One line of a section: what is counted, and the number in words (hidden when small)."""

    label: str
    value: str


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its value (None when hidden or not shown), the value in words, and its fill."""

    label: str
    value: float | None
    words: str
    fill: str = "solid"  # solid, outline or hatched: told apart in black and white, and named in the legend


@dataclass(frozen=True)
class BarGroup:
    """Bars drawn together under one label (a topic's first and latest average)."""

    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart and the sentence that says what it shows (its text alternative)."""

    title: str
    summary: str
    groups: tuple[BarGroup, ...]
    scale_max: float
    legend: tuple[tuple[str, str], ...] = ()  # (fill, words)


@dataclass(frozen=True)
class Table:
    """Figures side by side: a caption, the column headings, and rows each headed by what they are about."""

    caption: str
    columns: tuple[str, ...]  # the first heads the row labels
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Section:
    """A heading, a few rows of figures, and optionally a chart or the directory grid."""

    id: str
    heading: str
    intro: str
    rows: tuple[Row, ...] = ()
    table: Table | None = None
    chart: Chart | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportView:
    """The whole report as shown: title, period, where the figures came from, and the sections."""

    title: str
    period: str
    source: str
    sections: tuple[Section, ...]
    notes: tuple[str, ...]


CHANGE_COLUMNS = ("People measured twice or more", "Average first time", "Average latest time",
                  "Better than first time", "The same", "Worse than first time")


def change_cells(change: Change, decimals: int = 1) -> tuple[str, ...]:
    """People measured twice, their average first and latest, and how many did better, the same or worse (CHANGE_COLUMNS)."""
    better, same, worse = parts_words(change.people, [change.better, change.same, change.worse])
    return (count_words(change.people), mean_words(change.first_sum, change.people, decimals),
            mean_words(change.latest_sum, change.people, decimals), better, same, worse)


def change_bars(label: str, change: Change) -> BarGroup:
    """A topic's average first and latest as two bars (not drawn for fewer than 5 people)."""
    shown = change.people >= SMALL
    first = change.first_sum / change.people if shown else None
    latest = change.latest_sum / change.people if shown else None
    return BarGroup(label, (
        Bar("First time", first, mean_words(change.first_sum, change.people), "outline"),
        Bar("Latest", latest, mean_words(change.latest_sum, change.people), "hatched"),
    ))


FIRST_AND_LATEST = (("outline", "first time (average)"), ("hatched", "latest (average)"))
