"""People"s records in people.db: the public functions the session, CLI and TUI call (db first, dataclasses out).

Each name is imported from its module the first time it is used, so importing `cpi_chat.records`
(as the app does at start) loads nothing heavy; type checkers read the imports below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cpi_chat.records.backup import (
        RestoreResult,
        backup_in_background,
        backup_problems,
        list_backups,
        restore_latest,
        rolling_backup,
        wait_for_backups,
    )
    from cpi_chat.records.barriers import list_barriers, save_barrier, save_solution
    from cpi_chat.records.dates import parse_user_date
    from cpi_chat.records.db import open_people_connection, open_people_db, transaction
    from cpi_chat.records.erase import EraseReport, erase_person
    from cpi_chat.records.export import export_person, render_export_html, write_export
    from cpi_chat.records.gas import (
        add_gas_review,
        gas_t_score,
        get_gas_review,
        list_gas_reviews,
        refresh_session_review,
        save_gas_score,
        save_goal_levels,
    )
    from cpi_chat.records.goals import (
        add_checkin,
        add_goal,
        get_goal,
        list_goals,
        remove_checkin,
        save_checkin,
        save_goal,
        set_goal_status,
    )
    from cpi_chat.records.groups import list_chosen_groups, save_chosen_group
    from cpi_chat.records.model import (
        Barrier,
        Checkin,
        ChosenGroup,
        CommunicationNeeds,
        Connection,
        GasReview,
        GasScore,
        Goal,
        GoalLevels,
        Interest,
        Note,
        Person,
        PersonSummary,
        Rating,
        SessionRecord,
        SmallStep,
        Solution,
        WellbeingAnswer,
    )
    from cpi_chat.records.notes import (
        get_note,
        list_connections,
        list_interests,
        list_notes,
        list_ratings,
        save_connection,
        save_interest,
        save_note,
        save_rating,
        set_reminder_dealt_with,
    )
    from cpi_chat.records.people import (
        add_person,
        find_person,
        find_person_alone,
        get_person,
        list_people,
        people_called,
        rename_person,
        same_name,
        set_needs,
        set_theme,
    )
    from cpi_chat.records.people_database import PeopleDatabase
    from cpi_chat.records.roster import Roster, read_roster
    from cpi_chat.records.sessions import (
        end_session,
        get_session,
        list_sessions,
        save_engine_state,
        start_session,
        unfinished_session,
    )
    from cpi_chat.records.steps import change_step_words, get_step, save_small_step, set_step_done
    from cpi_chat.records.store import withdraw
    from cpi_chat.records.wellbeing import list_wellbeing, save_wellbeing

__all__ = [
    "Barrier",
    "Checkin",
    "ChosenGroup",
    "CommunicationNeeds",
    "Connection",
    "EraseReport",
    "GasReview",
    "GasScore",
    "Goal",
    "GoalLevels",
    "Interest",
    "Note",
    "PeopleDatabase",
    "Person",
    "PersonSummary",
    "Rating",
    "RestoreResult",
    "Roster",
    "SessionRecord",
    "SmallStep",
    "Solution",
    "WellbeingAnswer",
    "add_checkin",
    "add_gas_review",
    "add_goal",
    "add_person",
    "backup_in_background",
    "backup_problems",
    "change_step_words",
    "end_session",
    "erase_person",
    "export_person",
    "find_person",
    "find_person_alone",
    "gas_t_score",
    "get_gas_review",
    "get_goal",
    "get_note",
    "get_person",
    "get_session",
    "get_step",
    "list_backups",
    "list_barriers",
    "list_chosen_groups",
    "list_connections",
    "list_gas_reviews",
    "list_goals",
    "list_interests",
    "list_notes",
    "list_people",
    "list_ratings",
    "list_sessions",
    "list_wellbeing",
    "open_people_connection",
    "open_people_db",
    "parse_user_date",
    "people_called",
    "read_roster",
    "refresh_session_review",
    "remove_checkin",
    "rename_person",
    "render_export_html",
    "restore_latest",
    "rolling_backup",
    "same_name",
    "save_barrier",
    "save_checkin",
    "save_chosen_group",
    "save_connection",
    "save_engine_state",
    "save_gas_score",
    "save_goal",
    "save_goal_levels",
    "save_interest",
    "save_note",
    "save_rating",
    "save_small_step",
    "save_solution",
    "save_wellbeing",
    "set_goal_status",
    "set_needs",
    "set_reminder_dealt_with",
    "set_step_done",
    "set_theme",
    "start_session",
    "transaction",
    "unfinished_session",
    "wait_for_backups",
    "withdraw",
    "write_export",
]

# Which module each public name lives in (a test checks this matches __all__ and the imports above).
_NAMES_BY_MODULE: dict[str, tuple[str, ...]] = {
    "backup": ("RestoreResult", "backup_in_background", "backup_problems", "list_backups", "restore_latest", "rolling_backup", "wait_for_backups"),
    "barriers": ("list_barriers", "save_barrier", "save_solution"),
    "dates": ("parse_user_date",),
    "people_database": ("PeopleDatabase",),
    "db": ("open_people_connection", "open_people_db", "transaction"),
    "erase": ("EraseReport", "erase_person"),
    "groups": ("list_chosen_groups", "save_chosen_group"),
    "export": ("export_person", "render_export_html", "write_export"),
    "gas": ("add_gas_review", "gas_t_score", "get_gas_review", "list_gas_reviews", "refresh_session_review",
            "save_gas_score", "save_goal_levels"),
    "goals": ("add_checkin", "add_goal", "get_goal", "list_goals", "remove_checkin", "save_checkin", "save_goal", "set_goal_status"),
    "steps": ("change_step_words", "get_step", "save_small_step", "set_step_done"),
    "model": ("Barrier", "Checkin", "ChosenGroup", "CommunicationNeeds", "Connection", "GasReview", "GasScore", "Goal",
              "GoalLevels", "Interest", "Note", "Person", "PersonSummary", "Rating", "SessionRecord", "SmallStep", "Solution", "WellbeingAnswer"),
    "notes": ("get_note", "list_connections", "list_interests", "list_notes", "list_ratings", "save_connection", "save_interest", "save_note", "save_rating",
              "set_reminder_dealt_with"),
    "people": ("add_person", "find_person", "find_person_alone", "get_person", "list_people", "people_called", "rename_person",
               "same_name", "set_needs", "set_theme"),
    "sessions": ("end_session", "get_session", "list_sessions", "save_engine_state", "start_session", "unfinished_session"),
    "store": ("withdraw",),
    "roster": ("Roster", "read_roster"),
    "wellbeing": ("list_wellbeing", "save_wellbeing"),
}
_MODULE_OF = {name: module for module, names in _NAMES_BY_MODULE.items() for name in names}


def imported_on_first_use(namespace: dict[str, Any], module_of: dict[str, str]) -> Callable[[str], Any]:
    """A module's __getattr__ that imports each name from its module in cpi_chat.records on first use, and keeps it."""

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__


__getattr__ = imported_on_first_use(globals(), _MODULE_OF)
