"""What every cpi-chat command shares: turning errors into one sentence, and the paths object."""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cpi_chat.actions import crashes, records_file
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths
from cpi_chat.wording import crashed_in_words, safe

# For commands that only look (`cpi-chat paths`): they must not create anything.
pass_paths_untouched = click.make_pass_decorator(Paths)


def ask_passphrase(path: Path) -> str:
    """Ask for the passphrase of an encrypted file without showing it; one sentence if none is given."""
    import getpass

    from cpi_chat.errors import RecordsError

    try:
        answer = getpass.getpass(f"Passphrase for {path.name} (not shown as you type): ")
    except (EOFError, OSError):
        answer = ""
    if not answer:
        raise RecordsError(f"{path.name} is encrypted and no passphrase was given; type it when asked, or set CPI_CHAT_PASSPHRASE.")
    return answer


def prepare_encryption(paths: Paths) -> None:
    """Let records ask for a passphrase, and warn once when a new people.db is about to be encrypted."""
    # Ask only at a terminal: a script or a pipe must use the environment variable instead.
    records_file.ask_for_passphrase_with(ask_passphrase if sys.stdin is not None and sys.stdin.isatty() else None)
    if records_file.new_file_will_be_encrypted(paths):
        echo(f"cpi-chat: people.db will be encrypted with {records_file.PASSPHRASE_ENV}; {records_file.LOST_PASSPHRASE}, "
             "so keep it safe.", err=True)


def pass_paths(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the Paths object, with a new data folder made owner-only first."""

    @functools.wraps(command)
    def with_private_folder(*args: Any, **kwargs: Any) -> Any:  # args[0] is the Paths object
        paths: Paths = args[0]
        records_file.make_data_folder(paths)
        prepare_encryption(paths)
        return command(*args, **kwargs)

    return pass_paths_untouched(with_private_folder)
def clean(text: str) -> str:
    """Text with control, escape and direction-override characters removed, so a name cannot change the terminal."""
    return safe(text)


def echo(text: str = "", err: bool = False) -> None:
    """Print a line for a person: names and notes in it are cleaned of control characters first."""
    click.echo(clean(text), err=err)


class CpiGroup(click.Group):
    """A click group that never lets a traceback reach the user."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CpiChatError as error:
            echo(f"cpi-chat: {error}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("\nStopped. Anything already saved is kept.", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except records_file.file_errors() as error:
            # A file trouble (full disk, damage, lock) that a store did not turn into a sentence itself.
            echo(f"cpi-chat: {records_file.file_trouble_in_words(error)}", err=True)
            sys.exit(1)
        except UnicodeError:
            echo("cpi-chat: some of the text given was not valid UTF-8 (check the terminal's language setting), so it was not saved.", err=True)
            sys.exit(1)
        except Exception as error:  # noqa: BLE001 - last line of defence: no traceback for users
            # The error's words and local variables may hold personal data: they go nowhere. Where it happened
            # goes to a private note in the data folder, and the person sees one kind sentence.
            paths = ctx.obj if isinstance(ctx.obj, Paths) else None
            note = None if paths is None else crashes.write_crash_note(
                paths.data_dir, error, f"Running `cpi-chat {ctx.invoked_subcommand or ''}`.")
            click.echo(f"cpi-chat: {crashed_in_words(note)}", err=True)
            sys.exit(2)


class JoinedLater(click.Group):
    """A group some of whose commands other modules add: those are imported only when one of them is named or listed."""

    def __init__(self, *args: Any, joined_by: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.joined_by = joined_by

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None:
            self._join()
            found = super().get_command(ctx, cmd_name)
        return found

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._join()
        return super().list_commands(ctx)

    def _join(self) -> None:
        for module in self.joined_by:
            importlib.import_module(module)

