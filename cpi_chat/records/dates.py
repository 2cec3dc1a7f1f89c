"""Reading dates typed by people: ISO (2027-03-31) or UK style (31/03/2027)."""

from __future__ import annotations

from datetime import date, datetime

from cpi_chat.errors import RecordsError

ACCEPTED_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_user_date(text: str) -> date:
    """The date in `text`, or a RecordsError saying kindly how to write one."""
    cleaned = text.strip()
    for pattern in ACCEPTED_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise RecordsError(f"I could not read {cleaned!r} as a date; please write it like 2027-03-31 or 31/03/2027.")
