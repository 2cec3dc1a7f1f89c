"""The caseload at a glance: who is due a review, whose reminders are due, who has gone quiet, who achieved a goal.

Read with the standard library alone (like the roster), in one query per question, so the people
list shows it in its first frame with 10,000 people.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from cpi_chat.records.model import DEFAULT_REVIEW_WEEKS, QUIET_WEEKS, Caseload


def read_caseload(conn: sqlite3.Connection, today: date, review_weeks: int = DEFAULT_REVIEW_WEEKS) -> Caseload:
    """Each part of the caseload view for `today` (people with no meeting together at all are due a review too)."""
    review_since = (today - timedelta(weeks=review_weeks)).isoformat()
    quiet_since = (today - timedelta(weeks=QUIET_WEEKS)).isoformat()
    month_start = today.replace(day=1).isoformat()

    def ids(sql: str, *params: object) -> frozenset[int]:
        return frozenset(row[0] for row in conn.execute(sql, params))

    return Caseload(
        today=today, review_weeks=review_weeks,
        # Each person's last meeting together is one step into the session_by_person_mode index, not a read of every session.
        due_review=ids("SELECT p.id FROM person p WHERE coalesce((SELECT substr(max(s.started), 1, 10) FROM session s "
                       "WHERE s.person_id = p.id AND s.mode = 'joint'), '') <= ?", review_since),
        reminders_due=ids("SELECT DISTINCT person_id FROM note WHERE remind_on != '' AND remind_on <= ? "
                          "AND coalesce(dealt_with, '') = ''", today.isoformat()),
        quiet=ids("SELECT DISTINCT g.person_id FROM goal g WHERE g.status = 'active' AND g.created < ? AND NOT EXISTS "
                  "(SELECT 1 FROM checkin c WHERE c.person_id = g.person_id AND c.date >= ?)", quiet_since, quiet_since),
        achieved=ids("SELECT DISTINCT person_id FROM goal WHERE status = 'achieved' AND status_since >= ? AND status_since <= ?",
                     month_start, today.isoformat()),
    )
