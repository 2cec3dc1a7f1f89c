"""The ONS personal wellbeing answers (four questions, 0 to 10): saved from the wellbeing flow, listed by day."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded
from cpi_chat.records.model import WELLBEING_QUESTIONS, WellbeingAnswer, from_row
from cpi_chat.records.store import fetch_all, save_effect_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@guarded
def save_wellbeing(db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None,
                   question: str, score: int, on: Date | None = None) -> int:
    """Save one answer to an ONS wellbeing question (life_satisfaction, worthwhile, happy, anxious), 0 to 10."""
    if question not in WELLBEING_QUESTIONS:
        raise ValueError(f"question must be one of {', '.join(WELLBEING_QUESTIONS)}, not {question!r}")
    if not 0 <= int(score) <= 10:
        raise RecordsError(f"A wellbeing answer is from 0 to 10, not {score}.")
    return save_effect_row(db, "wellbeing", person_id, session_id, effect_key,
                           {"question": question, "score": int(score), "date": (on or Date.today()).isoformat()})


@guarded
def list_wellbeing(db: PeopleDatabase, person_id: int) -> list[WellbeingAnswer]:
    """A person's wellbeing answers, oldest first."""
    rows = fetch_all(db, "SELECT * FROM wellbeing WHERE person_id = ? ORDER BY date, id", [person_id])
    return [from_row(WellbeingAnswer, row) for row in rows]
