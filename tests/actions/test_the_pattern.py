"""The shape every action keeps, so the next ones (ticking steps, closing goals, PINs, reports) follow it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import cpi_chat.actions

MODULES = sorted(info.name for info in pkgutil.iter_modules(cpi_chat.actions.__path__))
# Tools that work on files rather than on one person's records take paths, not a workspace.
PATH_TOOLS = {"flows", "records_file", "crashes", "team_report"}
# The directory's actions take the directory itself: a team's shared assets.db needs no people.db.
FIRST_ARGUMENT = {"directory": "directory"}
# Pure rules and wording the front ends share as they are typed (no records read or written).
PURE = {
    ("checkins", "refuse_a_second_went"), ("checkins", "went_already"), ("checkins", "period_word"),
    ("checkins", "progress_target"), ("checkins", "progress_example"),
    ("directory", "open_directory"), ("directory", "shipped_domain_labels"), ("directory", "new_asset_id"),
    ("report", "period"), ("pin", "pin_problem"),
    ("goals", "refuse_a_status_change"), ("steps", "refuse_a_tick"), ("steps", "refuse_changing_steps_of"),
    ("notes", "is_due"), ("notes", "refuse_dealing_with"), ("notes", "reminder_in_words"), ("notes", "reminders_in_words"),
}


def public_functions(module_name: str) -> list[tuple[str, object]]:
    module = importlib.import_module(f"cpi_chat.actions.{module_name}")
    return [(name, value) for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__ and not name.startswith("_")]


def test_every_action_takes_the_workspace_first_and_says_in_its_first_line_what_it_is_for() -> None:
    for module_name in MODULES:
        for name, function in public_functions(module_name):
            summary, _, more = (inspect.getdoc(function) or "").partition("\n")
            assert summary and (not more or more.startswith("\n")), f"{module_name}.{name} needs a one-line summary first"
            if module_name in PATH_TOOLS or (module_name, name) in PURE:
                continue
            first = next(iter(inspect.signature(function).parameters), "")  # type: ignore[arg-type]
            wanted = FIRST_ARGUMENT.get(module_name, "workspace")
            assert first == wanted, f"{module_name}.{name} should take the {wanted} first"


def test_importing_the_actions_about_people_loads_nothing_heavy() -> None:
    """The app imports them at start: sqlite-utils, numpy, the search and Textual load only when used.

    The directory's actions load the directory and its search as they are imported; only its own screens use them.
    """
    about_people = [name for name in MODULES if name != "directory"]
    code = (
        "import sys\n"
        f"for name in {about_people!r}: __import__('cpi_chat.actions.' + name)\n"
        "heavy = [m for m in ('sqlite_utils', 'numpy', 'rapidfuzz', 'textual', 'jinja2', 'cpi_chat.assets.index') "
        "if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
