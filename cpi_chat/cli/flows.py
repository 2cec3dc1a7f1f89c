"""`cpi-chat flows check|schema|graph|test`: for people who write and edit conversation flows."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cpi_chat.cli.common import pass_paths_untouched
from cpi_chat.errors import FlowError
from cpi_chat.paths import Paths


@click.group()
def flows() -> None:
    """Check, draw and test the conversation flows."""


@flows.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@pass_paths_untouched
def check(paths_: Paths, paths: tuple[Path, ...]) -> None:
    """Check flow files (default: the flows folder) and list every problem found."""
    from cpi_chat.dialogue.loader import flow_files, load_library

    files = flow_files(list(paths) or [paths_.flows_dir])
    library = load_library(files)
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
    from cpi_chat.dialogue.model import flow_json_schema

    click.echo(json.dumps(flow_json_schema(), indent=2, ensure_ascii=False))


@flows.command()
@click.argument("flow_id")
@pass_paths_untouched
def graph(paths_: Paths, flow_id: str) -> None:
    """Print one flow as a Mermaid diagram (paste it into any Mermaid viewer)."""
    from cpi_chat.dialogue.graph import mermaid
    from cpi_chat.dialogue.loader import load_library

    library = load_library([paths_.flows_dir], check=False)
    source = library.sources.get(flow_id)
    if source is None:
        known = ", ".join(sorted(library.sources)) or "none"
        raise FlowError(f"There is no flow called '{flow_id}'. The flows are: {known}.")
    click.echo(mermaid(source.flow), nl=False)


@flows.command(name="test")
@click.argument("transcripts", nargs=-1, type=click.Path(path_type=Path))
@pass_paths_untouched
def test_(paths_: Paths, transcripts: tuple[Path, ...]) -> None:
    """Play transcript files through the flows and say which still reach their goals."""
    from cpi_chat.dialogue.engine import Engine
    from cpi_chat.dialogue.loader import load_flows
    from cpi_chat.dialogue.transcripts import load_transcript, run_transcript

    engine = Engine(load_flows(paths_.flows_dir))
    files = _transcript_files(list(transcripts) or [paths_.flows_dir / "transcripts"])
    if not files:
        raise FlowError("No transcript files were found; they live in flows/transcripts/.")
    failed = 0
    for path in files:
        result = run_transcript(engine, load_transcript(path), str(path))
        click.echo(f"{'ok  ' if result.passed else 'FAIL'} {path}: {result.title}")
        for failure in result.failures:
            click.echo(f"       {failure}")
        failed += not result.passed
    click.echo(f"{len(files) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


def _transcript_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"}))
        elif path.exists():
            found.append(path)
        else:
            raise FlowError(f"The transcript {path} does not exist.")
    return found


COMMANDS: list[click.Command] = [flows]
