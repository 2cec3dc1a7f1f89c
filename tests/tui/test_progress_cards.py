"""The words on 'How it's going' cards and sections, without the app: done, paused, past its date, reached early."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat.plan.circles import Circles
from cpi_chat.plan.ratings import RatingChange
from cpi_chat.records import progress
from cpi_chat.tui.widgets.progress_card import goal_title, progress_card_lines
from cpi_chat.tui.widgets.progress_sections import NO_RATINGS, circle_lines, rating_lines
from tests.records.test_progress import MONDAY, goal

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_a_goal_that_is_not_active_says_done_or_paused_in_its_title() -> None:
    assert goal_title(goal(status="achieved")) == "Kick-boxing class, every week (done)"
    assert goal_title(goal(status="paused")) == "Kick-boxing class, every week (on hold)"
    assert goal_title(goal(kind="target", by_when="2026-05-31")) == "Kick-boxing class, by 31 May 2026"


def test_a_target_past_its_date_shows_no_days_left_only_kind_words() -> None:
    late = goal(kind="target", measure="5 km", by_when="2026-03-01", checkins=[(date(2026, 2, 20), None, "4 km")])
    lines = progress_card_lines(late, progress.target_progress(late, date(2026, 3, 10)))
    assert not any(line.startswith("Days left") for line in lines)
    assert "The date has passed, and that is OK. We can choose a new date together." in lines


def test_a_target_reached_early_says_when_and_well_done() -> None:
    early = goal(kind="target", measure="5 km", by_when="2026-05-31", checkins=[(date(2026, 5, 17), None, "5.2 km")])
    lines = progress_card_lines(early, progress.target_progress(early, date(2026, 5, 20)))
    assert "Reached on 17 May 2026." in lines and any("early. Well done!" in line for line in lines)


def test_a_goal_with_every_small_step_done_says_so() -> None:
    from cpi_chat.records.model import SmallStep

    done = goal(steps=(SmallStep(1, 1, 1, "fill in the form", "person", True, None, None),))
    assert progress_card_lines(done, progress.commitment_progress(done, MONDAY))[-1] == "Small steps: all done."


def test_ratings_keep_the_persons_words_and_say_when_there_are_none() -> None:
    change = RatingChange("How connected I feel", 4, 2, "better since the class", "2026-11-24")
    assert rating_lines([change]) == ["How connected I feel: 4 out of 5. Better than last time (2).",
                                      '  In your words: "better since the class"']
    assert rating_lines([]) == [NO_RATINGS]


def test_circles_with_nobody_yet_are_one_gentle_sentence() -> None:
    assert circle_lines(Circles((), ())) == ["We have not written down anyone yet. We can do it together next time."]


def test_a_first_session_only_shows_now_without_claiming_anything_new() -> None:
    from cpi_chat.plan.circles import CircleItem

    only_now = Circles((), (CircleItem("My sister", "person"),))
    assert circle_lines(only_now) == ["Now: 1 person, 0 groups and 0 places.", "  People: My sister"]
