"""A team's report from workers' aggregates (files of counts).

These work on files alone: a team lead merging aggregates needs no people.db of their own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cpi_chat.errors import CpiChatError, Refused

if TYPE_CHECKING:
    from cpi_chat.report.figures import Figures
    from cpi_chat.report.render import ReportFormat


def read_aggregate(path: Path) -> Figures:
    """One worker's aggregate, checked: a file that is not one, or from another version, is refused in one sentence."""
    from pydantic import ValidationError

    from cpi_chat.report.figures import AGGREGATE_FORMAT, Figures

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not text"
        raise Refused(f"{path} could not be read ({reason}), so nothing was merged.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("format") != AGGREGATE_FORMAT:
        raise Refused(f"{path} is not an aggregate made by `cpi-chat report --aggregate`, so nothing was merged.")
    try:
        return Figures.model_validate(data)
    except ValidationError:
        raise Refused(f"{path} was made by another version of cpi-chat or has been changed, so nothing was merged; "
                      "make it again with `cpi-chat report --aggregate`.") from None


def merge_aggregates(paths: Sequence[Path]) -> Figures:
    """The team's figures: every aggregate added together (the same period in each)."""
    from cpi_chat.report.figures import merge

    if not paths:
        raise Refused("Name the aggregates to merge, for example: cpi-chat report --merge worker-a.json worker-b.json --out team.html")
    figures = [read_aggregate(path) for path in paths]
    total = figures[0]
    try:
        for more in figures[1:]:
            total = merge(total, more)
    except CpiChatError as problem:
        raise Refused(str(problem)) from None
    return total


def write_merged_report(paths: Sequence[Path], out: Path, fmt: ReportFormat = "html") -> Path:
    """Write the team's report from workers' aggregates (owner-only, never over a file cpi-chat did not write)."""
    from cpi_chat.report.render import report_text, write_report_file

    return write_report_file(out, report_text(merge_aggregates(paths), fmt), "report")
