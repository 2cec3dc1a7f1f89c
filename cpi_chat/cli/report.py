"""`cpi-chat report`: the outcomes report for one worker's records, a team aggregate, or a team report merged from aggregates."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from cpi_chat.actions import report as report_actions
from cpi_chat.actions import team_report
from cpi_chat.cli.common import echo, pass_paths
from cpi_chat.errors import Refused
from cpi_chat.paths import Paths
from cpi_chat.workspace import Workspace


@click.command("report")
@click.option("--from", "start", metavar="DATE", default="", help="The first day of the period (2026-04-01 or 01/04/2026).")
@click.option("--to", "end", metavar="DATE", default="", help="The last day of the period.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: report.html, report.csv with --csv, or worker-a.json with --aggregate.")
@click.option("--csv", "as_csv", is_flag=True, help="Write the report's figures as CSV instead of an HTML page.")
@click.option("--aggregate", is_flag=True, help="Write only the counts and sums, for a team lead to merge (JSON).")
@click.option("--merge", is_flag=True, help="Make the team's report from the aggregate files named after the options.")
@click.argument("aggregates", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@pass_paths
def report(paths: Paths, start: str, end: str, out: Path, as_csv: bool, aggregate: bool, merge: bool,
           aggregates: tuple[Path, ...]) -> None:
    """Outcomes for commissioners and team leads, with no names, record numbers or anyone's words.

    \b
    cpi-chat report --from 2026-04-01 --to 2027-03-31 --out report.html
    cpi-chat report --from 2026-04-01 --to 2027-03-31 --aggregate --out worker-a.json
    cpi-chat report --merge worker-a.json worker-b.json --out team.html
    """
    fmt: Literal["html", "csv"] = "csv" if as_csv else "html"
    if merge:
        if aggregate or start or end:
            raise Refused("--merge takes the period from the aggregates: leave out --from, --to and --aggregate.")
        written = team_report.write_merged_report(list(aggregates), out, fmt)
        echo(f"Wrote the team's report from {len(aggregates)} aggregates to {written}.")
        return
    if aggregates:
        raise Refused("Aggregate files are read only with --merge, for example: cpi-chat report --merge a.json b.json --out team.html")
    first, last = report_actions.period(start, end)
    with Workspace(paths) as workspace:
        if aggregate:
            written = report_actions.write_aggregate(workspace, first, last, out)
            echo(f"Wrote this computer's counts for the team to {written}: no names, record numbers or words, "
                 "but small numbers are not hidden yet, so share it only with your team lead.")
        else:
            written = report_actions.write_report(workspace, first, last, out, fmt)
            echo(f"Wrote the outcomes report to {written}.")


COMMANDS = [report]
