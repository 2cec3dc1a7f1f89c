"""The `cpi-chat` command: global options, error handling and the sub-commands, kept thin."""

from __future__ import annotations

import importlib
import sys

import click

from cpi_chat.cli.common import CpiGroup, pass_paths  # noqa: F401  (re-exported for sub-modules)
from cpi_chat.paths import resolve_paths

# The module holding each command: a command loads its own module alone, so `cpi-chat checkin` never
# imports the app, the search or the report (a test checks every module's COMMANDS are listed here).
COMMAND_MODULES = {
    "flows": "flows", "assets": "assets", "person": "people", "goals": "goals", "checkin": "goals", "paths": "people",
    "restore": "people", "report": "report", "run": "run", "demo": "run", "training": "training", "settings": "settings",
    "step": "goal_changes", "note": "notes",
}


class LazyCommands(CpiGroup):
    """The top-level group: each command is imported when it is run (or listed by --help), never before."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMAND_MODULES.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"cpi_chat.cli.{module_name}")
        return next(command for command in module.COMMANDS if command.name == cmd_name)


@click.group(cls=LazyCommands, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False), help="Folder for people's records (default: your user data folder; or CPI_CHAT_DATA_DIR).")
@click.option("--assets-db", type=click.Path(dir_okay=False), help="The community asset directory file to use (or CPI_CHAT_ASSETS_DB), so a team can share one.")
@click.option("--flows", "flows_dir", type=click.Path(file_okay=False), help="Folder of conversation flows (or CPI_CHAT_FLOWS).")
@click.version_option(package_name="cpi-chat")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, assets_db: str | None, flows_dir: str | None) -> None:
    """cpi-chat helps a worker and a person find community groups and set small goals together.

    Run `cpi-chat demo` to try it with fictional people, or `cpi-chat run` to start.
    """
    ctx.obj = resolve_paths(data_dir=data_dir, assets_db=assets_db, flows_dir=flows_dir)
    if ctx.invoked_subcommand is None:
        from cpi_chat.cli.run import run

        ctx.invoke(run)


def main() -> None:
    """Entry point of the `cpi-chat` script."""
    sys.exit(cli.main(standalone_mode=True))
