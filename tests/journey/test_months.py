"""Dan's months, played in plain mode on frozen dates: a first session together, six weeks alone, a review, his plan.

The case study of the man with depression (a weekly kick-boxing class and a 5 km run in three
months), fictional and played line by line as he and his worker would type them.
"""

from __future__ import annotations

import html
import math
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cpi_chat.actions import attainment, goals, plan
from cpi_chat.plain import PlainConversation, PlainIO, open_session
from cpi_chat.workspace import Workspace
from tests.journey.conftest import DAN

LONDON = ZoneInfo("Europe/London")

FIRST_SESSION = [
    "yes",  # add Dan as a new person
    "1", "I stay in mostly", "boxing on TV, the gym", "I used to run at school", "kick-boxing",
    "my brother Tunde and my mate Sam", "skip", "2",
    # finding groups: the kick-boxing class (his worker goes with him), then the running club (with Tunde)
    "kikboxing", "Riverside", "skip", "2", "2", "1", "3", "1",
    "running", "skip", "skip", "2", "2", "1", "2", "Tunde", "2",
    # goals: both; the class every week, "as expected" in his own words
    "3", "1", "1", "1", "2", "3", "Going three weeks in four", "1",
    "fill in the gym induction form", "1", "1", "phone the class about beginners", "3", "Maya the coach", "2",
    # the 5 km target, worked on at the running club
    "run 5 km", "the distance I can run without stopping", "about 1 km", "run 5 km, walking some of it",
    "run all of 5 km in under 35 minutes", "in 3 months", "1", "1", "run twice a week with the couch to 5k app", "1", "2",
    "2",  # nothing to talk through today
    "my worker", "in 6 weeks",
]

WEEKS_ALONE = {
    date(2027, 3, 8): ["1", "nervous, then great", "1", "2 km", "2"],
    date(2027, 3, 15): ["1", "skip", "2", "3 km", "2"],
    date(2027, 3, 22): ["2", "my knee hurt", "2", "2", "skip", "2"],
    date(2027, 3, 29): ["3", "2", "skip", "2"],
    date(2027, 4, 5): ["1", "good", "1", "2", "4 km", "1", "1", "run 5 km at parkrun on a Saturday", "1", "2"],
    date(2027, 4, 12): ["1", "skip", "2", "5.2 km in 34 minutes", "2", "2"],
}

REVIEW = [
    "I went to kick-boxing four times",
    "3", "1", "2",  # the class: as expected; keep going; no new step
    "5", "1",  # the run: much more than expected; the target is reached, so it is marked done
    "skip", "1", "2", "skip", "in 8 weeks",
]


def play(workspace: Workspace, day: date, mode: str, typed: list[str]) -> str:
    """One session in plain mode on `day` at 10:00, typed line by line; everything it wrote, as one text."""
    lines = iter(typed)
    shown: list[str] = []
    io = PlainIO(read=lambda _prompt: next(lines, None), write=shown.append)
    with time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=LONDON), tick=False):
        opened = open_session(workspace, io, DAN, mode)
        assert opened is not None
        session, first = opened
        assert PlainConversation(session, io).run(first) == "finished", "\n".join(shown[-30:])
        assert next(lines, None) is None, "every line typed was used"
    return "\n".join(shown)


@pytest.fixture(scope="module")
def months(journey_workspace: Workspace) -> dict[str, str]:
    """Play the whole journey once; the tests below look at what it left."""
    said = {"first": play(journey_workspace, date(2027, 3, 1), "joint", FIRST_SESSION)}
    for day, typed in WEEKS_ALONE.items():
        said[day.isoformat()] = play(journey_workspace, day, "self", typed)
    said["review"] = play(journey_workspace, date(2027, 4, 12), "joint", REVIEW)
    return said


def _person_id(workspace: Workspace) -> int:
    from cpi_chat.actions import people

    return people.find_person(workspace, DAN).id


def test_both_groups_chosen_became_goals_linked_to_the_directory(months: dict[str, str], journey_workspace: Workspace) -> None:
    kick, run = goals.goals_of(journey_workspace, _person_id(journey_workspace))
    assert (kick.kind, kick.what, kick.asset_id, kick.first_visit) == (
        "commitment", "Kick-Boxing Fitness Class", "kick-boxing-class", "With my worker")
    assert (run.kind, run.what, run.asset_id) == ("target", "run 5 km", "hollin-harriers-running-club")
    assert kick.levels is not None and kick.levels.expected == "Going three weeks in four"
    assert run.levels is not None and (run.levels.somewhat_less, run.levels.expected) == ("about 1 km", "run 5 km, walking some of it")
    assert [(s.text, s.owner, s.owner_name) for s in kick.steps][1] == ("phone the class about beginners", "someone_else", "Maya the coach")


def test_the_weeks_alone_are_kept_missed_with_the_reason_paused_values_and_steps(months: dict[str, str], journey_workspace: Workspace) -> None:
    kick, run = goals.goals_of(journey_workspace, _person_id(journey_workspace))
    assert [(c.date, c.attended, c.note) for c in kick.checkins] == [
        ("2027-03-08", "yes", ""), ("2027-03-15", "yes", ""), ("2027-03-22", "no", "my knee hurt"),
        ("2027-03-29", "paused", ""), ("2027-04-05", "yes", ""), ("2027-04-12", "yes", "")]
    assert [(c.date, c.value) for c in run.checkins] == [
        ("2027-03-08", "2 km"), ("2027-03-15", "3 km"), ("2027-04-05", "4 km"), ("2027-04-12", "5.2 km in 34 minutes")]
    assert [(s.text, s.done_on) for s in kick.steps] == [
        ("fill in the gym induction form", "2027-03-08"), ("phone the class about beginners", "2027-04-05")]
    assert [(s.text, s.done) for s in run.steps] == [
        ("run twice a week with the couch to 5k app", True), ("run 5 km at parkrun on a Saturday", False)]
    assert "Well done: that step is ticked." in months["2027-03-08"]
    assert "That reaches your target: run 5 km." in months["2027-04-12"]  # asked, and left for the review


def test_each_check_in_asks_about_every_active_goal_in_one_pass(months: dict[str, str]) -> None:
    week = months["2027-03-15"]
    assert week.index("Kick-Boxing Fitness Class: did you go this week?") < week.index("run 5 km: when we set this goal")
    assert "Which goal" not in week


def test_the_review_starts_from_everything_since_the_first_meeting(months: dict[str, str]) -> None:
    review = months["review"]
    since = review[:review.index("Let's look back")]
    assert "Since we last met, on 1 March 2027:" in since
    for said in ("Week of 8 March: went (nervous, then great).", "Week of 22 March: did not go. The reason given: my knee hurt.",
                 "Week of 29 March: away or unwell.", "Week of 12 April: went.", "Weeks went: 4 of 7.",
                 "15 March: 3 km.", "12 April: 5.2 km in 34 minutes.", "Reached on 12 April 2027.",
                 "Small step done: fill in the gym induction form (8 March).",
                 "Small step done: run twice a week with the couch to 5k app (5 April)."):
        assert said in since, said
    assert "Since we last met, on 8 March" not in review  # a check-in alone is not a meeting together


def test_the_review_scores_both_goals_and_keeps_the_t_score_worked_out_by_hand(months: dict[str, str], journey_workspace: Workspace) -> None:
    person_id = _person_id(journey_workspace)
    kick, run = goals.goals_of(journey_workspace, person_id)
    [review] = attainment.reviews(journey_workspace, person_id)
    assert review.date == "2027-04-12"
    assert sorted((s.goal_id, s.level) for s in review.scores) == [(kick.id, 0), (run.id, 2)]
    by_hand = 50 + 10 * (0 + 2) / math.sqrt((1 - 0.3) * 2 + 0.3 * 2 ** 2)  # 62.40
    assert review.t_score == pytest.approx(by_hand, abs=0.01)
    assert "Today: 62." in months["review"]
    assert "Looking at the levels we agreed, how did run 5 km go?" in months["review"]
    assert "Somewhat less than expected: about 1 km" in months["review"]


def test_the_target_reached_is_marked_done_and_the_class_goes_on(months: dict[str, str], journey_workspace: Workspace) -> None:
    kick, run = goals.goals_of(journey_workspace, _person_id(journey_workspace))
    assert (kick.status, run.status, run.status_since) == ("active", "achieved", "2027-04-12")


def test_the_plan_and_calendar_at_the_end_show_the_achievement_and_the_class_with_its_time_and_place(
    months: dict[str, str], journey_workspace: Workspace, tmp_path: Path,
) -> None:
    person_id = _person_id(journey_workspace)
    with time_machine.travel(datetime(2027, 4, 12, 11, tzinfo=LONDON), tick=False):
        page = html.unescape(plan.plan_text(journey_workspace, person_id, "html"))
        calendar = plan.plan_text(journey_workspace, person_id, "ics")
        markdown = plan.plan_text(journey_workspace, person_id, "md")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert "## What I've done" in headings and "## Who to contact" in headings
    assert all(f"\n\n{heading}\n" in markdown for heading in headings), "each section starts after a blank line"
    done = page[page.index("What I've done"):]
    assert "run 5 km" in done and "12 April 2027" in done
    goals_part = page[page.index("My goals"):page.index("What I've done")]
    assert "Kick-Boxing Fitness Class" in goals_part and "run 5 km" not in goals_part
    assert "Every Thursday, 7pm to 8pm" in goals_part
    assert "Monday 7 June 2027" in page  # the next meeting agreed today, not today's own meeting
    assert "RRULE:FREQ=WEEKLY" in calendar and "DTSTART;TZID=Europe/London:20270415T190000" in calendar
    assert "SUMMARY:run 5 km" not in calendar  # an achieved goal is kept on the page, not in the diary
