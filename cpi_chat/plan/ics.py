"""The person's plan as a calendar file (iCalendar): goals as recurring or one-off events, meetings with reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from cpi_chat.plan.plan import GoalPlan, PlanView, Reminder
from cpi_chat.plan.schedule import DAY_CODES
from cpi_chat.records.progress import parse_how_often

LONDON = ZoneInfo("Europe/London")
UID_DOMAIN = "cpi-chat.invalid"
PRODID = "-//cpi-chat//My plan//EN"


def _alarm(before: timedelta, words: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", words)
    alarm.add("trigger", -before)
    return alarm


def _identify(event: Event, uid: str, stamp: datetime) -> None:
    """Give the event its stable UID (so importing again updates it) and this export's time stamp."""
    for name in ("UID", "DTSTAMP"):
        event.pop(name, None)
    event.add("uid", uid)
    event.add("dtstamp", stamp)


def _description(goal: GoalPlan) -> str:
    lines = []
    if goal.place:
        lines += [f"{label}: {value}." for label, value in goal.place.details]
    if goal.first_visit:
        lines.append(goal.first_visit)
    if goal.next_step:
        lines.append(f"Next step: {goal.next_step}.")
    return "\n".join(lines)


def _recurrence(goal: GoalPlan) -> dict[str, object]:
    """How often the event repeats: the goal's own frequency, on the days the activity runs when they are known."""
    frequency = parse_how_often(goal.how_often)
    time = goal.place.time if goal.place else None
    if time is not None and time.monthly:  # it only runs on some weeks of the month
        return {"freq": "monthly", "byday": time.byday()}
    if frequency.period == "month":
        return {"freq": "monthly", "byday": [f"1{DAY_CODES[time.weekdays[0]]}"]} if time else {"freq": "monthly"}
    rule: dict[str, object] = {"freq": "weekly"}
    if frequency.period == "fortnight":
        rule["interval"] = 2
    if time is not None:
        rule["byday"] = time.byday()
    return rule


def commitment_event(goal: GoalPlan, start_from: date) -> Event:
    """A repeating event at the activity's time when its schedule can be read, otherwise a repeating all-day event."""
    time = goal.place.time if goal.place else None
    rule = _recurrence(goal)
    if time is not None:
        first_day = time.first_on_or_after(start_from)
        if rule.get("freq") == "monthly" and not time.monthly:  # once a month at a weekly activity: its first week
            first_day = time.first_on_or_after(start_from.replace(day=1))
            if first_day < start_from:
                nxt = (start_from.replace(day=28) + timedelta(days=4)).replace(day=1)
                first_day = time.first_on_or_after(nxt)
        start = datetime.combine(first_day, time.start, tzinfo=LONDON)
        event = Event.new(start=start, end=start + time.duration())
    else:
        event = Event.new(start=start_from, end=start_from + timedelta(days=1))
    event.add("rrule", rule)
    event.add("summary", goal.what)
    if goal.place:
        event.add("location", ", ".join(x for x in (goal.place.name, goal.place.address) if x))
    return event


def target_event(goal: GoalPlan) -> Event | None:
    """One all-day event on the target's date, with a reminder a week before; None without a date."""
    if goal.by_when is None or goal.by_when == date.max:  # the end of the calendar has no day after to end on
        return None
    event = Event.new(start=goal.by_when, end=goal.by_when + timedelta(days=1))
    event.add("summary", f"Goal date: {goal.what}")
    event.add_component(_alarm(timedelta(days=7), f"One week to go: {goal.what}"))
    return event


def reminder_event(reminder: Reminder) -> Event | None:
    """The next meeting (or another date agreed) as an all-day event with a reminder the day before; None on date.max."""
    if reminder.day == date.max:
        return None
    event = Event.new(start=reminder.day, end=reminder.day + timedelta(days=1))
    event.add("summary", "Meeting with my worker" if reminder.is_meeting else reminder.text)
    if not reminder.is_meeting:
        event.add("description", reminder.text)
    event.add_component(_alarm(timedelta(days=1), "Tomorrow: " + ("meeting with my worker" if reminder.is_meeting else reminder.text)))
    return event


def render_plan_ics(plan: PlanView, stamp: datetime | None = None) -> str:
    """The plan as an .ics calendar; each goal and meeting keeps the same UID, so importing again updates it."""
    made = stamp or datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0)
    calendar = Calendar.new(prodid=PRODID, name=f"My plan: {plan.name}", uid=f"plan-{plan.person_id}@{UID_DOMAIN}")
    for goal in plan.goals:
        if goal.status not in ("active", "paused"):
            continue
        event = commitment_event(goal, plan.made_on) if goal.kind == "commitment" else target_event(goal)
        if event is None:
            continue
        _identify(event, f"goal-{goal.id}@{UID_DOMAIN}", made)
        if description := _description(goal):
            event.add("description", description)
        calendar.add_component(event)
    for reminder in plan.reminders:
        event = reminder_event(reminder)
        if event is None:
            continue
        _identify(event, f"{'meeting' if reminder.is_meeting else 'reminder'}-{reminder.note_id}@{UID_DOMAIN}", made)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")
