"""Reading activity times, comparing ratings with last time, and drawing the circles of support."""

from __future__ import annotations

import re
from datetime import time

import pytest

from cpi_chat.plan.circles import build_circles, circles_svg, split_connection_text
from cpi_chat.plan.ratings import rating_changes
from cpi_chat.plan.schedule import activity_time_in_words, parse_schedule
from cpi_chat.records.model import Connection, Rating


@pytest.mark.parametrize(("words", "byday", "start", "end"), [
    ("Tuesdays 19:00-20:30", ["TU"], time(19), time(20, 30)),
    ("Every Saturday 09:00", ["SA"], time(9), None),
    ("First Monday of the month 14:00-16:00", ["1MO"], time(14), time(16)),
    ("Second and fourth Thursday of the month 14:00-16:00", ["2TH", "4TH"], time(14), time(16)),
    ("Last Friday of the month 19:30-21:00", ["-1FR"], time(19, 30), time(21)),
    ("Mondays, Wednesdays and Fridays 10:00-13:00", ["MO", "WE", "FR"], time(10), time(13)),
    ("Term time: Tuesdays 10:00-12:00", ["TU"], time(10), time(12)),
])
def test_schedules_in_the_directory_are_read(words: str, byday: list[str], start: time, end: time | None) -> None:
    parsed = parse_schedule(words)
    assert parsed is not None and parsed.byday() == byday and (parsed.start, parsed.end) == (start, end)


@pytest.mark.parametrize("words", ["By arrangement", "Daily 09:00-16:00", "Monday to Friday 09:00-17:00",
                                   "Once a year: last Saturday in June 12:00-17:00", "Weekly call at a time that suits you", ""])
def test_schedules_that_cannot_be_read_for_certain_are_left_alone(words: str) -> None:
    assert parse_schedule(words) is None


def test_activity_times_are_said_in_everyday_words() -> None:
    assert activity_time_in_words(parse_schedule("Tuesdays 19:00-20:30")) == "Every Tuesday, 7pm to 8:30pm"  # type: ignore[arg-type]
    assert activity_time_in_words(parse_schedule("First Monday of the month 12:00-14:00")) == \
        "The first Monday of the month, 12 noon to 2pm"  # type: ignore[arg-type]


def test_ratings_show_each_topic_beside_last_time_with_improvements_first() -> None:
    ratings = [Rating(1, "Seeing people", 4, "", "2026-01-01"), Rating(2, "Feeling connected", 2, "", "2026-01-01"),
               Rating(3, "Day to day", 3, "", "2026-01-01"), Rating(4, "Seeing people", 3, "", "2026-03-01"),
               Rating(5, "Feeling connected", 4, "much better", "2026-03-01"), Rating(6, "Day to day", 3, "", "2026-03-01"),
               Rating(7, "Sleep", 2, "", "2026-03-01")]
    changes = rating_changes(ratings)
    assert [(c.topic, c.latest, c.previous) for c in changes] == [
        ("Feeling connected", 4, 2), ("Sleep", 2, None), ("Day to day", 3, 3), ("Seeing people", 3, 4)]
    assert changes[0].in_words() == "4 out of 5. Better than last time (2)."
    assert changes[3].in_words() == "3 out of 5. Last time it was 4."
    assert rating_changes([]) == []


def test_connections_written_as_a_list_become_separate_people() -> None:
    assert split_connection_text("my sister Ama, neighbour Pat and the corner shop") == ["My sister Ama", "Neighbour Pat", "The corner shop"]
    assert split_connection_text("Fish and chip shop") == ["Fish and chip shop"]


def test_circles_count_the_first_session_and_now_and_mark_what_is_new() -> None:
    first = [Connection(1, "My brother", "person", "2026-01-01")]
    now = first + [Connection(2, "Library", "place", "2026-02-01")]
    circles = build_circles(first, now, goal_groups=["Walking Football"])
    assert circles.counts("first") == {"person": 1, "group": 0, "place": 0}
    assert circles.counts() == {"person": 1, "group": 1, "place": 1}
    assert [i.text for i in circles.now if i.new] == ["Library", "Walking Football"]


def test_the_circles_picture_has_a_text_alternative_and_escapes_words() -> None:
    circles = build_circles([], [Connection(1, "Tom & <Jerry>", "person", "2026-01-01")])
    svg = circles_svg(circles, "A&B")
    assert 'role="img"' in svg and "aria-label=\"Circles of support for A&amp;B. People: Tom &amp; &lt;Jerry&gt;." in svg
    assert "<title>" in svg and "<Jerry>" not in svg


@pytest.mark.parametrize("large_print", [False, True])
def test_every_label_of_the_circles_picture_lies_inside_it_even_long_ones_in_large_print(large_print: bool) -> None:
    # Joyce's demo plan lost "on Thursdays" of "The post office van on Thursdays" below the picture in large print.
    connections = [Connection(1, "My daughter rings on Sundays", "person", "2026-01-01"),
                   Connection(2, "The post office van on Thursdays", "place", "2026-01-01")]
    svg = circles_svg(build_circles(connections, connections, goal_groups=["Kelderby Farming Friends"]), "Joyce Whitlow",
                      large_print=large_print)
    left, top, wide, high = (float(n) for n in re.search(r'viewBox="([-\d. ]+)"', svg).group(1).split())  # type: ignore[union-attr]
    for text in re.finditer(r'<text ([^>]*)>(.*?)</text>', svg):
        size = float(re.search(r'font-size="(\d+)"', text.group(1)).group(1))  # type: ignore[union-attr]
        anchor = re.search(r'text-anchor="(\w+)"', text.group(1)).group(1)  # type: ignore[union-attr]
        for x, y, words in re.findall(r'<tspan x="([-\d.]+)" y="([-\d.]+)">(.*?)</tspan>', text.group(2)):
            wide_words = len(words) * size * 0.5  # Arial's letters are about half as wide as they are tall
            start = {"start": float(x), "end": float(x) - wide_words}.get(anchor, float(x) - wide_words / 2)
            assert top <= float(y) - size / 2 and float(y) + size / 2 <= top + high, f"{words!r} is cut off above or below"
            assert left <= start and start + wide_words <= left + wide, f"{words!r} is cut off at a side"
