"""The person's own plan: the easy-read page saved in the data folder, or exported as HTML, Markdown or a calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cpi_chat.errors import CpiChatError

if TYPE_CHECKING:
    from cpi_chat.workspace import Workspace

PlanFormat = Literal["html", "md", "ics"]
PLAN_FORMATS: tuple[PlanFormat, ...] = ("html", "md", "ics")


def save_plan_page(workspace: Workspace, person_id: int) -> Path:
    """Save the easy-read plan page (never private notes) in the data folder's private plans/ folder; returns where."""
    from cpi_chat.plan.files import save_plan_page as save

    path = save(workspace.db, person_id, workspace.paths.data_dir, workspace.find_asset)
    _audit_plan_written(workspace, person_id)
    return path


def plan_text(workspace: Workspace, person_id: int, fmt: PlanFormat) -> str:
    """The plan as an easy-read page (html), the same in Markdown (md), or a calendar file (ics)."""
    from cpi_chat.plan.plan import build_plan

    plan = build_plan(workspace.db, person_id, workspace.find_asset)
    if fmt == "html":
        from cpi_chat.plan.html import render_plan_html

        return render_plan_html(plan)
    if fmt == "md":
        from cpi_chat.plan.markdown import render_plan_markdown

        return render_plan_markdown(plan)
    from cpi_chat.plan.ics import render_plan_ics

    return render_plan_ics(plan)


def export_plan(workspace: Workspace, person_id: int, fmt: PlanFormat, out: Path) -> Path:
    """Write the plan to a file of the person's choosing: owner-only, and never over a file cpi-chat did not write."""
    from cpi_chat.plan.html import PLAN_PAGE_MARK
    from cpi_chat.plan.ics import PRODID
    from cpi_chat.plan.markdown import PLAN_MARKDOWN_MARK
    from cpi_chat.private_files import write_private_file

    marks = {"html": PLAN_PAGE_MARK, "md": PLAN_MARKDOWN_MARK, "ics": f"PRODID:{PRODID}"}  # a plan written before holds one
    text = plan_text(workspace, person_id, fmt)
    try:
        written = write_private_file(out, text, replaces=marks[fmt])
    except OSError as error:
        raise CpiChatError(f"The plan could not be written to {out} ({error.strerror}); choose another file with --out.") from None
    _audit_plan_written(workspace, person_id)
    return written


def _audit_plan_written(workspace: Workspace, person_id: int) -> None:
    """A file holding the person's plan now exists outside people.db: the audit says when, and by whom (no content)."""
    from cpi_chat.records.db import transaction, write_audit

    with transaction(workspace.db):
        write_audit(workspace.db, "export", "plan", person_id)
