"""Each command loads only its own module: `goals list` and `checkin` never import the app, sqlite-utils or the search."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import cpi_chat.cli
from cpi_chat.cli import COMMAND_MODULES, cli

HEAVY = ("sqlite_utils", "numpy", "rapidfuzz", "textual", "cpi_chat.tui", "cpi_chat.report", "cpi_chat.assets.directory")
RUN_AND_LIST_LOADED = """
import sys
from cpi_chat.cli import cli
for args in {runs!r}:
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit:
        pass
print(sorted(name for name in {heavy!r} if name in sys.modules))
"""


def test_every_command_of_every_module_is_found_by_name() -> None:
    for info in pkgutil.iter_modules(cpi_chat.cli.__path__):
        module = importlib.import_module(f"cpi_chat.cli.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            assert COMMAND_MODULES.get(command.name) == info.name, command.name
            assert cli.get_command(None, command.name) is command  # type: ignore[arg-type]


def test_help_lists_every_command() -> None:
    from click.testing import CliRunner

    shown = CliRunner().invoke(cli, ["--help"]).output
    assert all(f"  {name}" in shown for name in COMMAND_MODULES)


def run_and_list_loaded(*runs: list[str]) -> list[str]:
    """Run these commands in one new process; the lines they print, then the heavy modules loaded."""
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST_LOADED.format(runs=list(runs), heavy=HEAVY)],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()


def test_goals_list_and_checkin_load_nothing_heavy(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    run_and_list_loaded([*data, "person", "add", "Ann Lee", "--plain"],  # making people.db loads sqlite-utils, once
                        [*data, "goals", "add", "Ann Lee", "--commitment", "choir", "--every", "week"])
    printed = run_and_list_loaded([*data, "goals", "list", "Ann Lee", "--json"], [*data, "checkin", "Ann Lee", "1", "--attended"])
    assert any('"what": "choir"' in line for line in printed) and any("Saved" in line for line in printed), printed
    assert printed[-1] == "[]"


# What a quick command has no use for: the model's session and caseload classes, other commands' modules, and the
# standard modules that cost milliseconds to load (tempfile loads shutil, bz2 and lzma; hashlib loads OpenSSL).
NOT_NEEDED = ("cpi_chat.records.model_sessions", "cpi_chat.records.model_caseload", "cpi_chat.cli.people",
              "cpi_chat.cli.plan", "cpi_chat.cli.goal_changes", "cpi_chat.actions.privacy", "tempfile", "hashlib")


def test_goals_list_and_checkin_load_only_what_they_use(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    run_and_list_loaded([*data, "person", "add", "Ann Lee", "--plain"],
                        [*data, "goals", "add", "Ann Lee", "--commitment", "choir", "--every", "week"])
    script = RUN_AND_LIST_LOADED.replace("{heavy!r}", repr(NOT_NEEDED))
    runs = [[*data, "goals", "list", "Ann Lee", "--json"], [*data, "checkin", "Ann Lee", "1", "--attended"]]
    done = subprocess.run([sys.executable, "-c", script.format(runs=runs)], capture_output=True, text=True, check=True)
    printed = done.stdout.strip().splitlines()
    assert any("Saved" in line for line in printed), printed
    assert printed[-1] == "[]"


def test_a_group_lists_and_runs_the_commands_other_modules_add_to_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    data = ["--data-dir", str(tmp_path / "data")]
    goals_help = CliRunner().invoke(cli, [*data, "goals", "--help"]).output
    assert all(f"  {name}" in goals_help for name in ("list", "add", "export", "done", "pause", "levels", "scores"))
    assert "  pin" in CliRunner().invoke(cli, [*data, "person", "--help"]).output
    CliRunner().invoke(cli, [*data, "person", "add", "Ann Lee"], catch_exceptions=False)
    CliRunner().invoke(cli, [*data, "goals", "add", "Ann Lee", "--commitment", "choir", "--every", "week"], catch_exceptions=False)
    done = CliRunner().invoke(cli, [*data, "goals", "done", "Ann Lee", "1"], catch_exceptions=False)
    assert done.exit_code == 0 and "choir" in done.output, done.output
