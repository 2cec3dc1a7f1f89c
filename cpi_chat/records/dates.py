"""Reading dates typed by people, the same way as every question in a conversation reads them."""

from __future__ import annotations

from datetime import date

from cpi_chat.errors import RecordsError
from cpi_chat.typed_dates import DateProblem, read_date_to_come, read_typed_date


def parse_user_date(text: str, today: date | None = None, *, to_come: bool = False) -> date:
    """The date in `text` (31/03/2027, 2027-03-31, 14 March, in 3 months, next Tuesday...), or a kind RecordsError.

    With `to_come`, a date gone by is refused too (typed_dates.read_date_to_come).
    """
    try:
        return (read_date_to_come if to_come else read_typed_date)(text, today or date.today())
    except DateProblem as problem:
        raise RecordsError(str(problem)) from None
