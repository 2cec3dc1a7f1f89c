"""Goals (commitment and target), their small steps and check-ins: saved from sessions or added directly."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING, Any

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, transaction
from cpi_chat.records.gas import latest_levels
from cpi_chat.records.model import (
    Attended,
    Checkin,
    CheckinBy,
    Goal,
    GoalKind,
    GoalStatus,
    SmallStep,
    from_row,
    require_choice,
)
from cpi_chat.records.people import get_person
from cpi_chat.records.store import (
    delete_with_children,
    fetch_all,
    require_row,
    resolve_parent,
    save_effect_change,
    save_effect_row,
)

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

GOAL_TEXT_FIELDS = ("what", "where", "how_often", "asset_id", "first_visit", "measure", "starting_point",
                    "expected", "better_than_expected", "by_when")


def _goal_fields(kind: str, what: str, details: dict[str, str]) -> dict[str, Any]:
    require_choice(kind, GoalKind, "kind")
    if not what.strip():
        raise RecordsError("A goal needs a few words saying what it is.")
    unknown = set(details) - set(GOAL_TEXT_FIELDS)
    if unknown:
        raise ValueError(f"unknown goal fields: {', '.join(sorted(unknown))}")
    # A goal's title is one line (it is a heading in the plan): line breaks typed or pasted into it become spaces.
    return {"kind": kind, "what": " ".join(what.split()), **{name: (details.get(name) or "").strip() for name in GOAL_TEXT_FIELDS[1:]}}


@guarded
def save_goal(db: PeopleDatabase, person_id: int, session_id: int, effect_key: str, kind: GoalKind, what: str, **details: str) -> int:
    """Save a goal from a session (once per effect key); details are where, how_often, measure, by_when, etc."""
    return save_effect_row(db, "goal", person_id, session_id, effect_key, _goal_fields(kind, what, details))


@guarded
def add_goal(db: PeopleDatabase, person_id: int, kind: GoalKind, what: str, **details: str) -> Goal:
    """Add a goal outside a session (from the command line)."""
    get_person(db, person_id)
    goal_id = save_effect_row(db, "goal", person_id, None, None, _goal_fields(kind, what, details))
    return get_goal(db, goal_id)


def _attended_value(attended: bool | str | None) -> str | None:
    if attended is None:
        return None
    if isinstance(attended, bool):
        return "yes" if attended else "no"
    return require_choice(attended, Attended, "attended")


def _checkin_fields(attended: bool | str | None, value: str, feeling: str, by: str, note: str, on: Date | str | None, paused: bool) -> dict[str, Any]:
    require_choice(by, CheckinBy, "by")
    if paused:  # away or unwell: recorded, but never counted as a missed week
        attended = "paused"
    if attended is None and not str(value).strip():
        raise RecordsError("A check-in needs to say whether you went, or the value reached.")
    day = on.isoformat() if isinstance(on, Date) else (on or Date.today().isoformat())
    return {"date": day, "attended": _attended_value(attended), "value": str(value).strip(),
            "feeling": feeling.strip(), "by": by, "note": note.strip()}


@guarded
def save_checkin(
    db: PeopleDatabase, person_id: int, session_id: int, effect_key: str, goal_id: int,
    attended: bool | Attended | None = None, value: str = "", feeling: str = "", by: CheckinBy = "person",
    note: str = "", on: Date | str | None = None, paused: bool = False,
) -> int:
    """Save a check-in on a goal from a session (once per effect key); `paused` means away or unwell, not missed."""
    fields = _checkin_fields(attended, value, feeling, by, note, on, paused)
    with transaction(db):
        resolve_parent(db, "goal", person_id, session_id, "", goal_id, "goal")
        return save_effect_row(db, "checkin", person_id, session_id, effect_key, {"goal_id": goal_id, **fields})


@guarded
def add_checkin(
    db: PeopleDatabase, person_id: int, goal_id: int, attended: bool | Attended | None = None, value: str = "",
    feeling: str = "", by: CheckinBy = "worker", note: str = "", on: Date | str | None = None, paused: bool = False,
) -> Checkin:
    """Add a check-in outside a session (from the command line); `paused` means away or unwell, not missed."""
    fields = _checkin_fields(attended, value, feeling, by, note, on, paused)
    with transaction(db):
        resolve_parent(db, "goal", person_id, None, "", goal_id, "goal")
        checkin_id = save_effect_row(db, "checkin", person_id, None, None, {"goal_id": goal_id, **fields})
    return from_row(Checkin, require_row(db, "checkin", checkin_id, "check-in"))


@guarded
def remove_checkin(db: PeopleDatabase, person_id: int, checkin_id: int) -> None:
    """Take back a check-in added by mistake (this person's only; the audit keeps that it was removed)."""
    with transaction(db):
        row = require_row(db, "checkin", checkin_id, "check-in")
        if row["person_id"] != person_id:
            raise RecordsError(f"Check-in {checkin_id} is not this person's, so it was not removed.")
        delete_with_children(db, "checkin", checkin_id, "delete")


def _goals_with_details(db: PeopleDatabase, goal_rows: list[dict[str, Any]]) -> list[Goal]:
    ids = [row["id"] for row in goal_rows]
    steps: dict[int, list[SmallStep]] = {}
    checkins: dict[int, list[Checkin]] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for row in fetch_all(db, f"SELECT * FROM small_step WHERE goal_id IN ({marks}) ORDER BY position, id", ids):
            steps.setdefault(row["goal_id"], []).append(from_row(SmallStep, row))
        for row in fetch_all(db, f"SELECT * FROM checkin WHERE goal_id IN ({marks}) ORDER BY date, id", ids):
            checkins.setdefault(row["goal_id"], []).append(from_row(Checkin, row))
    levels = latest_levels(db, ids)
    return [from_row(Goal, row, steps=tuple(steps.get(row["id"], [])), checkins=tuple(checkins.get(row["id"], [])),
                     levels=levels.get(row["id"])) for row in goal_rows]


@guarded
def get_goal(db: PeopleDatabase, goal_id: int) -> Goal:
    """One goal with its steps and check-ins, or a RecordsError."""
    return _goals_with_details(db, [require_row(db, "goal", goal_id, "goal")])[0]


@guarded
def list_goals(db: PeopleDatabase, person_id: int, status: GoalStatus | None = None) -> list[Goal]:
    """A person's goals, oldest first, each with its steps (in order) and check-ins (by date)."""
    if status is not None:
        require_choice(status, GoalStatus, "status")
        rows = fetch_all(db, "SELECT * FROM goal WHERE person_id = ? AND status = ? ORDER BY id", [person_id, status])
    else:
        rows = fetch_all(db, "SELECT * FROM goal WHERE person_id = ? ORDER BY id", [person_id])
    return _goals_with_details(db, rows)


@guarded
def set_goal_status(
    db: PeopleDatabase, goal_id: int, status: GoalStatus, pause_reason: str = "", *, until: str = "",
    stop_reason: str = "", on: Date | None = None, session_id: int | None = None, effect_key: str | None = None,
) -> Goal:
    """Mark a goal active (reopened), achieved, paused (why, until when) or dropped (stopped, and why), from `on` (today)."""
    require_choice(status, GoalStatus, "status")
    before = require_row(db, "goal", goal_id, "goal")
    changes: dict[str, Any] = {"status": status, "pause_reason": pause_reason.strip() if status == "paused" else "",
                               "paused_until": until.strip() if status == "paused" else "",
                               "stop_reason": stop_reason.strip() if status == "dropped" else ""}
    if before["status"] != status:  # the day it took this status: when it was achieved, paused, stopped or reopened
        changes["status_since"] = (on or Date.today()).isoformat()
    with transaction(db):
        save_effect_change(db, before["person_id"], session_id, effect_key, "goal", goal_id, changes)
    return get_goal(db, goal_id)
