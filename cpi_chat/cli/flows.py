"""`cpi-chat flows check|schema|graph|test`: for people who write and edit conversation flows."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cpi_chat.actions import flows as flow_actions
from cpi_chat.cli.common import pass_paths_untouched
from cpi_chat.paths import Paths


@click.group()
def flows() -> None:
    """Check, draw and test the conversation flows."""


@flows.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@pass_paths_untouched
def check(paths_: Paths, paths: tuple[Path, ...]) -> None:
    """Check flow files (default: the flows folder) and list every problem found."""
    files, library = flow_actions.check_flows(list(paths) or [paths_.flows_dir])
    for problem in library.problems:
        click.echo(str(problem), err=not problem.warning)
    errors, warnings = len(library.errors), len(library.problems) - len(library.errors)
    count = len(files)
    summary = f"{count} file{'s' if count != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}"
    summary += f", {warnings} warning{'s' if warnings != 1 else ''}." if warnings else "."
    click.echo(summary, err=bool(errors))
    if errors:
        raise SystemExit(1)


@flows.command()
def schema() -> None:
    """Print the JSON Schema of a flow file, for editors that complete and check YAML."""
    click.echo(json.dumps(flow_actions.flow_schema(), indent=2, ensure_ascii=False))


@flows.command()
@click.argument("flow_id")
@pass_paths_untouched
def graph(paths_: Paths, flow_id: str) -> None:
    """Print one flow as a Mermaid diagram (paste it into any Mermaid viewer)."""
    click.echo(flow_actions.flow_diagram(paths_.flows_dir, flow_id), nl=False)


@flows.command(name="test")
@click.argument("transcripts", nargs=-1, type=click.Path(path_type=Path))
@pass_paths_untouched
def test_(paths_: Paths, transcripts: tuple[Path, ...]) -> None:
    """Play transcript files through the flows and say which still reach their goals."""
    results = flow_actions.play_transcripts(paths_.flows_dir, list(transcripts))
    for result in results:
        click.echo(f"{'ok  ' if result.passed else 'FAIL'} {result.path}: {result.title}")
        for failure in result.failures:
            click.echo(f"       {failure}")
    failed = sum(not result.passed for result in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


COMMANDS: list[click.Command] = [flows]
