"""The caseload view for a worker or team lead: who is due a review, whose reminders are due, who has gone quiet, who achieved a goal."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.model import Caseload
    from cpi_chat.workspace import Workspace

REVIEW_WEEKS_RANGE = range(1, 53)


def caseload(workspace: Workspace, review_weeks: int, today: date | None = None) -> Caseload:
    """Who falls in each part of the caseload view today; a review is due after `review_weeks` without a meeting together."""
    from cpi_chat.records.caseload import read_caseload

    if review_weeks not in REVIEW_WEEKS_RANGE:
        raise Refused(f"A review can be due after 1 to 52 weeks without a meeting together, not {review_weeks}.")
    return read_caseload(workspace.reading_connection(), today or date.today(), review_weeks)
