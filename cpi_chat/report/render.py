"""The outcomes report written out: a self-contained HTML page with SVG charts, or a CSV file of the same rows; and its files."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from cpi_chat.errors import Refused
from cpi_chat.private_files import write_private_file
from cpi_chat.report.figures import AGGREGATE_FORMAT, Figures
from cpi_chat.report.sections import build_view
from cpi_chat.report.svg import chart_svg
from cpi_chat.report.view import ReportView

ReportFormat = Literal["html", "csv"]
REPORT_MARK = "cpi-chat outcomes report"  # in every report file, so a report written before may be replaced
TEMPLATES = Path(__file__).parent / "templates"


def render_html(view: ReportView) -> str:
    """The report as one HTML page: large sans-serif text, print styles, each chart with its text alternative."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    charts = {section.id: Markup(chart_svg(section.chart, f"chart-{section.id}"))  # every label escaped as it is built
              for section in view.sections if section.chart is not None}
    return env.get_template("report.html.j2").render(view=view, charts=charts, mark=REPORT_MARK)


def _csv_value(words: str) -> str:
    """'1,234' as 1234, so a spreadsheet reads a number; words ('fewer than 5', '45%') as they are."""
    return words.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", words) else words


def render_csv(view: ReportView) -> str:
    """The report's figures as CSV rows (section, figure, value), small numbers hidden as in the page."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "figure", "value"])
    writer.writerow([REPORT_MARK, "period", view.period])
    for section in view.sections:
        for row in section.rows:
            writer.writerow([section.heading, row.label, _csv_value(row.value)])
        if section.table is not None:
            for label, cells in section.table.rows:
                for column, cell in zip(section.table.columns[1:], cells, strict=True):
                    writer.writerow([section.heading, f"{label}: {column}", _csv_value(cell)])
        for note in section.notes:
            writer.writerow([section.heading, "note", note])
    for note in view.notes:
        writer.writerow(["About these figures", "note", note])
    return out.getvalue()


def report_text(figures: Figures, fmt: ReportFormat) -> str:
    """The report as an HTML page or CSV rows, with every small number hidden."""
    view = build_view(figures)
    return render_html(view) if fmt == "html" else render_csv(view)


def write_report_file(out: Path, text: str, kind: Literal["report", "aggregate"]) -> Path:
    """Write a report or an aggregate owner-only, replacing only a file of the same kind that cpi-chat wrote."""
    try:
        return write_private_file(out, text, replaces=REPORT_MARK if kind == "report" else AGGREGATE_FORMAT)
    except OSError as error:
        raise Refused(f"The {kind} could not be written to {out} ({error.strerror}); choose another file with --out.") from None
