"""Gather a person's plan (goals, steps, where and when, contacts, next meeting, ratings, circles) into one PlanView."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from cpi_chat.assets.model import ON_PLAN, Asset
from cpi_chat.plan.barriers import BarrierPlan, barrier_plans
from cpi_chat.plan.circles import Circles, build_circles
from cpi_chat.plan.pictures import KIND_PICTURES, Picture, goal_picture
from cpi_chat.plan.ratings import RatingChange, rating_changes
from cpi_chat.plan.schedule import ActivityTime, activity_time_in_words, parse_schedule
from cpi_chat.records.goals import list_goals
from cpi_chat.records.history import connections_then_and_now
from cpi_chat.records.model import Goal, SmallStep
from cpi_chat.records.notes import list_notes, list_ratings
from cpi_chat.records.people import get_person
from cpi_chat.records.progress import (
    CommitmentProgress,
    chart_in_words,
    goal_progress,
    period_chart,
)
from cpi_chat.wording import safe
from cpi_chat.words import day_of

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

T = TypeVar("T")

AssetLookup = Callable[[str], Asset | None]
HELP_PREFIX = "who to contact for help:"
MEETING_PREFIX = re.compile(r"^\s*next meeting\b", re.IGNORECASE)
# The plan speaks as the person ("My plan"), so fixed words are in the first person.
OWNER_WORDS = {"person": "Me", "worker": "My worker", "someone_else": "Someone else"}


@dataclass(frozen=True)
class ActivityPlace:
    """Where and when a goal's activity happens, and who to contact, from the asset directory."""

    name: str
    address: str
    when: str
    contact: str
    time: ActivityTime | None
    domain: str = ""
    details: tuple[tuple[str, str], ...] = ()  # ('Where', 'Pinewood Hall, Mill Lane'), ('Cost', 'Free'): assets.model.ON_PLAN


@dataclass(frozen=True)
class StepLine:
    """One small step and who does it."""

    text: str
    who: str
    done: bool


@dataclass(frozen=True)
class GoalPlan:
    """One goal as the person's plan shows it."""

    id: int
    kind: str
    what: str
    how_often: str
    where: str
    measure: str
    by_when: date | None
    first_visit: str
    status: str
    place: ActivityPlace | None
    steps: tuple[StepLine, ...]
    next_step: str
    progress: str
    chart: str
    chart_words: str
    picture: Picture = KIND_PICTURES["commitment"]
    done_on: date | None = None  # the day it was achieved
    paused_until: date | None = None


@dataclass(frozen=True)
class Reminder:
    """A date to remember from a shared note: the next meeting, or something agreed."""

    note_id: int
    day: date
    text: str
    is_meeting: bool


@dataclass(frozen=True)
class PlanView:
    """Everything the person's own plan shows; built from shared records only, never private notes."""

    person_id: int
    name: str
    made_on: date
    easy_read: bool
    large_print: bool
    goals: tuple[GoalPlan, ...]
    reminders: tuple[Reminder, ...]
    help_contacts: tuple[str, ...]
    ratings: tuple[RatingChange, ...]
    circles: Circles
    barriers: tuple[BarrierPlan, ...] = ()

    @property
    def next_meeting(self) -> Reminder | None:
        """The next meeting: the one agreed last (a later meeting moves it), if its day is still to come."""
        return next((r for r in self.reminders if r.is_meeting), None)

    @property
    def working_on(self) -> tuple[GoalPlan, ...]:
        """The goals being worked on now, and those on hold."""
        return tuple(g for g in self.goals if g.status in ("active", "paused"))

    @property
    def done(self) -> tuple[GoalPlan, ...]:
        """The goals achieved: the person's achievements, kept for good, newest first."""
        return tuple(sorted((g for g in self.goals if g.status == "achieved"), key=lambda g: g.done_on or date.min,
                            reverse=True))


def activity_place(asset: Asset | None) -> ActivityPlace | None:
    """Where and when a group meets, in everyday words, and who to contact; None for no group."""
    if asset is None:
        return None
    time = parse_schedule(asset.schedule)
    # everyday words when the schedule can be read ("Every Thursday, 7pm to 8pm"); the directory's words otherwise
    when = activity_time_in_words(time) + (f" ({asset.schedule})" if time.seasonal else "") if time else asset.schedule
    told = {"address": ", ".join(x for x in (asset.name, asset.address) if x), "schedule": when}
    details = tuple((label, told.get(name) or getattr(asset, name)) for name, label in ON_PLAN)
    return ActivityPlace(asset.name, asset.address, when, asset.contact, time, asset.domain,
                         tuple((label, value) for label, value in details if value))


def _first_visit(words: str) -> str:
    """Who goes the first time, as the person would say it ('Tunde will go with me the first time.')."""
    cleaned = words.strip().rstrip(".")
    if not cleaned or cleaned.casefold() == "i'm not sure yet":
        return ""
    if cleaned.casefold() == "on my own":
        return "I will go on my own the first time."
    if cleaned.casefold().startswith("with ") and len(cleaned) > 5:
        who = cleaned[5:].strip()
        return f"{who[0].upper()}{who[1:]} will go with me the first time."
    return f"The first time: {cleaned}."


def _who(step: SmallStep) -> str:
    """Whose step it is, in the first person: me, my worker, or the someone else by name."""
    if step.owner == "someone_else" and step.owner_name:
        return step.owner_name[0].upper() + step.owner_name[1:]
    return OWNER_WORDS.get(step.owner, "Me")


def _goal_plan(goal: Goal, lookup: AssetLookup, today: date) -> GoalPlan:
    progress = goal_progress(goal, today)
    chart = period_chart(progress) if isinstance(progress, CommitmentProgress) and progress.periods else ""
    words = chart_in_words(progress) if chart and isinstance(progress, CommitmentProgress) else ""
    asset = lookup(goal.asset_id) if goal.asset_id else None
    place = activity_place(asset)
    return GoalPlan(
        id=goal.id, kind=goal.kind, what=goal.what, how_often=goal.how_often, where=goal.where, measure=goal.measure,
        by_when=day_of(goal.by_when), first_visit=_first_visit(goal.first_visit), status=goal.status,
        place=place, steps=tuple(StepLine(s.text, _who(s), s.done) for s in goal.steps),
        done_on=day_of(goal.status_since) if goal.status == "achieved" else None,
        paused_until=day_of(goal.paused_until) if goal.status == "paused" else None,
        next_step=progress.next_step.text if progress.next_step else "", progress=progress.message, chart=chart,
        chart_words=words, picture=goal_picture(goal.what, goal.kind, place.domain if place else ""),
    )


def build_plan(db: PeopleDatabase, person_id: int, lookup_asset: AssetLookup | None = None,
               today: date | None = None) -> PlanView:
    """The person's plan on `today`; `lookup_asset` finds a goal's group in the asset directory (missing ones are left out)."""
    day = today or date.today()
    lookup = lookup_asset or (lambda _asset_id: None)
    person = get_person(db, person_id)
    goals = tuple(_goal_plan(g, lookup, day) for g in list_goals(db, person_id) if g.status != "dropped")
    shared = list_notes(db, person_id, include_private=False)  # private worker notes are never even loaded
    reminders = []
    meetings = [n for n in shared if n.remind_on and MEETING_PREFIX.match(n.text)]
    agreed_last = max(meetings, key=lambda n: (n.created, n.id)) if meetings else None  # a later meeting replaces it
    for note in shared:
        when = day_of(note.remind_on) if note.remind_on else None
        is_meeting = bool(MEETING_PREFIX.match(note.text))
        if when and when >= day and (not is_meeting or note is agreed_last):
            reminders.append(Reminder(note.id, when, note.text, is_meeting))
    helpers = tuple(n.text[len(HELP_PREFIX):].strip() for n in shared if n.text.casefold().startswith(HELP_PREFIX))
    first, now = connections_then_and_now(db, person_id)
    groups = [g.place.name if g.place else g.what for g in goals if g.kind == "commitment"]
    return without_control_characters(PlanView(
        person_id=person.id, name=person.name, made_on=day, easy_read=person.needs.easy_read,
        large_print=person.needs.large_print, goals=goals,
        reminders=tuple(sorted(reminders, key=lambda r: (r.day, r.note_id))), help_contacts=helpers,
        ratings=tuple(rating_changes(list_ratings(db, person_id))), circles=build_circles(first, now, groups),
        barriers=tuple(barrier_plans(db, person_id, open_goals_only=True)),
    ))


def without_control_characters(value: T) -> T:
    """The plan with every word cleaned of control and escape characters (rows saved before they were cleaned on entry).

    Every format (HTML, Markdown, .ics, the terminal) is made from the PlanView, so cleaning it here is the one exit.
    """
    if isinstance(value, str):
        return safe(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(without_control_characters(item) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: without_control_characters(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)  # type: ignore[return-value]
    return value
