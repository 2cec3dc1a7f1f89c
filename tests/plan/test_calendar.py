"""The calendar file: recurring goals at the activity's time, a target with a reminder, meetings, stable ids, London time."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from cpi_chat.plan.ics import render_plan_ics
from cpi_chat.plan.plan import ActivityPlace, GoalPlan, PlanView
from cpi_chat.plan.schedule import parse_schedule

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

STAMP = datetime(2026, 11, 24, 12, 0)


def events(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_parses_back_with_recurrence_alarm_and_london_time(plan: PlanView) -> None:
    text = render_plan_ics(plan, stamp=STAMP)
    calendar = Calendar.from_ical(text)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    found = events(text)
    kick = found["goal-1@cpi-chat.invalid"]
    assert kick["RRULE"]["FREQ"] == ["WEEKLY"] and kick["RRULE"]["BYDAY"] == ["TH"]
    assert kick["DTSTART"].dt == datetime(2026, 11, 26, 19, 0, tzinfo=kick["DTSTART"].dt.tzinfo)
    assert str(kick["DTSTART"].dt.tzinfo) == "Europe/London" and "TZID=Europe/London" in text
    assert kick["DTEND"].dt - kick["DTSTART"].dt == timedelta(hours=1)
    assert "Hollinbridge Leisure Centre" in str(kick["LOCATION"])
    run = found["goal-2@cpi-chat.invalid"]
    assert run["DTSTART"].dt == date(2027, 3, 27)
    alarm = run.walk("VALARM")[0]
    assert alarm["TRIGGER"].dt == -timedelta(days=7)
    meeting = next(e for uid, e in found.items() if uid.startswith("meeting-"))
    assert meeting["DTSTART"].dt == date(2027, 1, 12) and meeting.walk("VALARM")


def test_exporting_twice_keeps_the_same_ids_so_calendars_update(plan: PlanView) -> None:
    first = events(render_plan_ics(plan, stamp=STAMP))
    again = events(render_plan_ics(plan, stamp=STAMP + timedelta(days=30)))
    assert sorted(first) == sorted(again)
    assert Calendar.from_ical(render_plan_ics(plan, stamp=STAMP))["UID"] == "plan-1@cpi-chat.invalid"
    assert all(uid.endswith("@cpi-chat.invalid") for uid in first)


def test_private_reminders_never_become_calendar_events(plan: PlanView) -> None:
    assert len([uid for uid in events(render_plan_ics(plan, stamp=STAMP)) if not uid.startswith("goal-")]) == 1


def _goal(how_often: str, schedule: str | None) -> GoalPlan:
    place = None if schedule is None else ActivityPlace("Group", "Hall", schedule, "", parse_schedule(schedule))
    return GoalPlan(id=7, kind="commitment", what="Go to the group", how_often=how_often, where="", measure="", by_when=None,
                    first_visit="", status="active", place=place, steps=(), next_step="", progress="", chart="", chart_words="")


def _only_event(plan: PlanView, goal: GoalPlan) -> object:
    return events(render_plan_ics(dataclasses.replace(plan, goals=(goal,), reminders=()), stamp=STAMP))["goal-7@cpi-chat.invalid"]


def test_an_unreadable_schedule_becomes_an_all_day_weekly_event(plan: PlanView) -> None:
    event = _only_event(plan, _goal("every week", "By arrangement"))
    assert event["DTSTART"].dt == plan.made_on and not isinstance(event["DTSTART"].dt, datetime)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]


def test_every_two_weeks_repeats_fortnightly_at_the_activity_time(plan: PlanView) -> None:
    event = _only_event(plan, _goal("every two weeks", "Tuesdays 19:00-20:30"))
    assert event["RRULE"]["INTERVAL"] == [2] and event["RRULE"]["BYDAY"] == ["TU"]
    assert event["DTSTART"].dt.time() == time(19, 0) and event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=90)


def test_a_monthly_activity_repeats_on_its_week_of_the_month(plan: PlanView) -> None:
    event = _only_event(plan, _goal("every week", "First Monday of the month 14:00-16:00"))
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["BYDAY"] == ["1MO"]
    assert event["DTSTART"].dt.date() == date(2026, 12, 7)


def test_once_a_month_at_a_weekly_activity_is_its_first_week_each_month(plan: PlanView) -> None:
    event = _only_event(plan, _goal("once a month", "Every Saturday 09:00"))
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["BYDAY"] == ["1SA"]
    assert event["DTSTART"].dt.date() == date(2026, 12, 5)
