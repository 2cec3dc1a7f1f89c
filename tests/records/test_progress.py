"""Progress between appointments: weeks went, runs that pauses never break, target values, days left, kind words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cpi_chat import records
from cpi_chat.records import history
from cpi_chat.records import progress as p
from cpi_chat.records.model import Checkin, Goal, SmallStep

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

MONDAY = date(2026, 3, 2)  # a Monday, so week arithmetic is easy to read


def goal(kind: str = "commitment", how_often: str = "every week", checkins: list[tuple[date, str | None, str]] | None = None,
         by_when: str = "", measure: str = "", status: str = "active", steps: tuple[SmallStep, ...] = (),
         created: date = MONDAY) -> Goal:
    made = tuple(Checkin(id=i, goal_id=1, date=d.isoformat(), attended=a, value=v, feeling="", by="person", note="")
                 for i, (d, a, v) in enumerate(checkins or [], start=1))
    return Goal(id=1, person_id=1, kind=kind, what="Kick-boxing class", where="", how_often=how_often, asset_id="",
                first_visit="", measure=measure, starting_point="", expected="", better_than_expected="", by_when=by_when,
                status=status, pause_reason="", created=created.isoformat() + "T10:00:00+00:00", steps=steps,
                checkins=made)


def weeks(*answers: str | None) -> list[tuple[date, str | None, str]]:
    """One check-in on the Tuesday of each week from MONDAY on; None leaves a week with no check-in."""
    return [(MONDAY + timedelta(weeks=i, days=1), a, "") for i, a in enumerate(answers) if a is not None]


def test_how_often_is_read_from_everyday_words() -> None:
    assert p.parse_how_often("every week") == p.Frequency("week", 1)
    assert p.parse_how_often("twice a week") == p.Frequency("week", 2)
    assert p.parse_how_often("every two weeks") == p.Frequency("fortnight", 1)
    assert p.parse_how_often("every fortnight") == p.Frequency("fortnight", 1)
    assert p.parse_how_often("once a month") == p.Frequency("month", 1)
    assert p.parse_how_often("whenever I can") == p.Frequency("week", 1)


def test_a_goal_with_no_check_ins_says_so_kindly_and_has_no_run() -> None:
    result = p.commitment_progress(goal(), MONDAY + timedelta(weeks=3))
    assert (result.attended, result.missed, result.current_run) == (0, 0, 0)
    assert "No check-ins yet" in result.message
    assert p.chart_in_words(result) == "No check-ins yet."


def test_weeks_in_a_row_are_counted_and_praised() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "yes", "yes")), MONDAY + timedelta(weeks=2, days=3))
    assert result.attended == 3 and result.current_run == 3 and result.went_this_period
    assert "3 weeks in a row" in result.message


def test_a_paused_week_never_breaks_the_run() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "paused", "yes")), MONDAY + timedelta(weeks=2, days=3))
    assert result.current_run == 2 and result.paused == 1 and result.missed == 0


def test_a_missed_week_breaks_the_run_and_offers_to_talk_about_barriers_without_shame() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "yes", "no")), MONDAY + timedelta(weeks=2, days=3))
    assert result.current_run == 0 and result.longest_run == 2 and result.missed == 1
    assert result.suggest_barriers
    assert "what got in the way" in result.message
    for unkind in ("fail", "should", "only", "bad", "disappoint"):
        assert unkind not in result.message.casefold()


def test_this_week_without_a_check_in_yet_does_not_break_the_run() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "yes")), MONDAY + timedelta(weeks=2, days=2))
    assert result.current_run == 2 and not result.went_this_period
    assert p.period_chart(result) == "■ ■ ·"


def test_a_past_week_with_no_check_in_is_not_told_never_missed_and_never_breaks_the_run() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", None, "yes")), MONDAY + timedelta(weeks=2, days=3))
    assert result.missed == 0 and result.not_recorded == 1 and result.current_run == 2
    assert p.chart_in_words(result) == "Last 3 weeks: went 2, not told 1."


def test_only_a_week_the_person_did_not_go_breaks_the_run() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "no", "yes")), MONDAY + timedelta(weeks=2, days=3))
    assert result.current_run == 1 and result.longest_run == 1


def test_a_later_check_in_on_the_same_day_corrects_the_earlier_one() -> None:
    tuesday = MONDAY + timedelta(days=1)
    result = p.commitment_progress(goal(checkins=[(tuesday, "no", ""), (tuesday, "yes", "")]), tuesday)
    assert result.attended == 1 and result.missed == 0 and result.times_went == 1


def test_twice_a_week_counts_each_visit_and_each_week() -> None:
    days = [(MONDAY, "yes", ""), (MONDAY + timedelta(days=3), "yes", ""), (MONDAY + timedelta(days=8), "yes", "")]
    result = p.commitment_progress(goal(how_often="twice a week", checkins=days), MONDAY + timedelta(days=9))
    assert result.times_went == 3 and result.attended == 2 and result.current_run == 2


def test_every_two_weeks_counts_fortnights() -> None:
    days = [(MONDAY, "yes", ""), (MONDAY + timedelta(weeks=2), "yes", ""), (MONDAY + timedelta(weeks=4), "yes", "")]
    result = p.commitment_progress(goal(how_often="every two weeks", checkins=days), MONDAY + timedelta(weeks=4, days=1))
    assert len(result.periods) == 3 and result.current_run == 3
    assert "fortnights in a row" in result.message


def test_once_a_month_counts_calendar_months() -> None:
    days = [(date(2026, 1, 31), "yes", ""), (date(2026, 2, 1), "yes", ""), (date(2026, 3, 15), "paused", "")]
    result = p.commitment_progress(goal(how_often="once a month", checkins=days, created=date(2026, 1, 5)), date(2026, 3, 20))
    assert [m.start for m in result.periods] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert result.current_run == 2 and "break is fine" in result.message


def test_the_chart_has_a_legend_and_words_not_only_symbols() -> None:
    result = p.commitment_progress(goal(checkins=weeks("yes", "no", "paused", "yes")), MONDAY + timedelta(weeks=3, days=3))
    assert p.period_chart(result) == "■ □ ‖ ■"
    assert "did not go" in p.CHART_LEGEND and "paused" in p.CHART_LEGEND
    assert p.chart_in_words(result) == "Last 4 weeks: went 2, did not go 1, paused 1."


def test_numbers_are_read_from_what_people_write() -> None:
    assert p.parse_amount("3 km in 25 minutes") == (3.0, "km", 25.0)
    assert p.parse_amount("5k") == (5.0, "km", None)
    assert p.parse_amount("28:30") == (28.5, "minutes", 28.5)
    assert p.parse_amount("felt great, legs tired") == (None, "", None)


def test_a_target_shows_values_logged_days_left_and_the_next_small_step() -> None:
    steps = (SmallStep(1, 1, 1, "Ask about beginners' nights", "person", True), SmallStep(2, 1, 2, "Buy running shoes", "person", False))
    made = goal(kind="target", measure="finish a 5 km run", by_when="2026-05-31", steps=steps,
                checkins=[(MONDAY, None, "2 km"), (MONDAY + timedelta(days=7), None, "3 km in 25 minutes"),
                          (MONDAY + timedelta(days=8), None, "felt wobbly")])
    result = p.target_progress(made, date(2026, 3, 17))
    assert [pt.amount for pt in result.points] == [2.0, 3.0, None]
    assert result.fraction == 0.6 and result.days_left == 75 and not result.overdue
    assert result.next_step is not None and result.next_step.text == "Buy running shoes"
    assert "about 11 weeks to go" in result.message.casefold() and "halfway" in result.message
    assert p.target_chart(result)[1].startswith("09 Mar  ■■■■■■□□□□")
    assert p.target_chart(result)[2] == "10 Mar  felt wobbly"


def test_a_target_reached_before_its_date_is_achieved_early() -> None:
    made = goal(kind="target", measure="5 km", by_when="2026-05-31", checkins=[(date(2026, 5, 17), None, "5.2 km")])
    result = p.target_progress(made, date(2026, 5, 20))
    assert result.achieved and result.achieved_early and result.achieved_on == date(2026, 5, 17)
    assert result.message == "You did it, about 2 weeks early. Well done!"


def test_a_target_past_its_date_is_said_kindly() -> None:
    made = goal(kind="target", measure="5 km", by_when="2026-03-01", checkins=[(date(2026, 2, 20), None, "4 km")])
    result = p.target_progress(made, date(2026, 3, 10))
    assert result.overdue and result.days_left == -9
    assert "that is OK" in result.message and "new date" in result.message


def test_a_target_marked_achieved_without_numbers_is_still_achieved() -> None:
    made = goal(kind="target", measure="cook a meal for a friend", by_when="2026-04-01", status="achieved",
                checkins=[(date(2026, 3, 20), None, "did it!")])
    result = p.target_progress(made, date(2026, 3, 25))
    assert result.achieved and result.achieved_early and result.fraction is None


def test_summary_since_the_last_session_lists_check_ins_and_progress(db: records.PeopleDatabase, person: records.Person) -> None:
    session = records.start_session(db, person.id, "joint", "first_session")
    records.end_session(db, session)
    made = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    records.add_checkin(db, person.id, made.id, attended=True, on=date.today())
    records.add_checkin(db, person.id, made.id, attended=False, on=date.today() - timedelta(days=400))
    summary = history.summary_since(db, person.id)
    assert summary.since == date.today()
    assert len(summary.checkins) == 1
    assert any("Kick-boxing class: went" in line for line in summary.lines())
    assert history.summary_since(db, person.id, since="2000-01-01").checkins[0][1].attended == "no"


def test_a_target_of_nothing_measurable_never_divides_by_zero() -> None:
    made = goal(kind="target", measure="0 km", by_when="2026-04-01", checkins=[(MONDAY, None, "2 km")])
    result = p.target_progress(made, MONDAY)
    assert result.fraction is None and result.points[0].amount == 2.0


def test_connections_at_the_first_session_are_told_apart_from_later_ones(db: records.PeopleDatabase, person: records.Person) -> None:
    assert history.connections_then_and_now(db, person.id) == ([], [])
    first = records.start_session(db, person.id, "joint", "first_session")
    records.save_connection(db, person.id, first, "c1", "My brother Tunde", "person")
    records.end_session(db, first)
    later = records.start_session(db, person.id, "joint", "review")
    records.save_connection(db, person.id, later, "c2", "Walking football", "group")
    then, now = history.connections_then_and_now(db, person.id)
    assert [c.text for c in then] == ["My brother Tunde"]
    assert [c.text for c in now] == ["My brother Tunde", "Walking football"]
