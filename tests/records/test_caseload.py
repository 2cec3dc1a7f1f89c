"""The caseload view's questions: due a review, reminders due, no check-in for three weeks, a goal achieved this month."""

from __future__ import annotations

from datetime import date

from cpi_chat import records
from cpi_chat.records.caseload import read_caseload

TODAY = date(2027, 3, 17)


def _met(db, person_id: int, day: str, mode: str = "joint") -> None:  # type: ignore[no-untyped-def]
    db.execute("INSERT INTO session (person_id, mode, flow_id, started, ended) VALUES (?, ?, 'review', ?, ?)",
               [person_id, mode, f"{day}T10:00:00+00:00", f"{day}T11:00:00+00:00"])


def test_a_review_is_due_after_the_chosen_weeks_without_a_meeting_together_or_with_none_yet(db) -> None:  # type: ignore[no-untyped-def]
    recent, long_ago, only_alone, never = (records.add_person(db, n).id for n in ("Ann Lee", "Bo Tran", "Cy Moss", "Di Vale"))
    _met(db, recent, "2027-03-01")
    _met(db, long_ago, "2027-01-10")
    _met(db, only_alone, "2027-01-05")
    _met(db, only_alone, "2027-03-15", mode="self")  # a check-in alone is not a meeting together
    caseload = read_caseload(db.conn, TODAY, review_weeks=6)
    assert caseload.due_review == {long_ago, only_alone, never}
    assert read_caseload(db.conn, TODAY, review_weeks=10).due_review == {only_alone, never}
    assert caseload.count_words("review") == "3 people" and caseload.label("review").endswith("for 6 weeks)")


def test_reminders_are_due_from_their_day_until_dealt_with(db) -> None:  # type: ignore[no-untyped-def]
    due, later, dealt = (records.add_person(db, n).id for n in ("Ann Lee", "Bo Tran", "Cy Moss"))
    records.save_note(db, due, None, None, "Ask about the bus pass", private=True, remind_on="2027-03-17")
    records.save_note(db, later, None, None, "Ring the choir", private=True, remind_on="2027-03-18")
    records.save_note(db, dealt, None, None, "Check the form", private=True, remind_on="2027-03-01")
    db.execute("UPDATE note SET dealt_with = '2027-03-02' WHERE person_id = ?", [dealt])
    caseload = read_caseload(db.conn, TODAY)
    assert caseload.reminders_due == {due}
    assert caseload.count_words("reminders") == "1 person"


def test_quiet_means_an_active_goal_older_than_three_weeks_and_no_check_in_for_three_weeks(db) -> None:  # type: ignore[no-untyped-def]
    quiet, checked_in, new_goal, no_goal = (records.add_person(db, n).id for n in ("Ann Lee", "Bo Tran", "Cy Moss", "Di Vale"))
    for person in (quiet, checked_in, new_goal):
        goal = records.add_goal(db, person, "commitment", "Choir", how_often="every week")
        created = "2027-03-10" if person == new_goal else "2027-01-04"
        db.execute("UPDATE goal SET created = ? WHERE id = ?", [f"{created}T10:00:00+00:00", goal.id])
        if person == checked_in:
            records.add_checkin(db, person, goal.id, attended=False, on="2027-03-01")
        if person == quiet:
            records.add_checkin(db, person, goal.id, attended=True, on="2027-02-20")
    assert read_caseload(db.conn, TODAY).quiet == {quiet}
    assert no_goal not in read_caseload(db.conn, TODAY).quiet


def test_achieved_this_month_counts_goals_achieved_since_the_first_of_the_month(db) -> None:  # type: ignore[no-untyped-def]
    this_month, last_month = (records.add_person(db, n).id for n in ("Ann Lee", "Bo Tran"))
    for person, day in ((this_month, "2027-03-02"), (last_month, "2027-02-27")):
        goal = records.add_goal(db, person, "target", "Walk to the park", by_when="2027-04-01")
        db.execute("UPDATE goal SET status = 'achieved', status_since = ? WHERE id = ?", [day, goal.id])
    caseload = read_caseload(db.conn, TODAY)
    assert caseload.achieved == {this_month}
    assert caseload.label("achieved") == "Achieved a goal this month"
    assert read_caseload(db.conn, TODAY).count_words("quiet") == "nobody"


def test_marking_a_goal_achieved_records_the_day(db) -> None:  # type: ignore[no-untyped-def]
    person = records.add_person(db, "Ann Lee").id
    goal = records.add_goal(db, person, "target", "Walk to the park", by_when="2027-04-01")
    assert records.set_goal_status(db, goal.id, "achieved").status_since == date.today().isoformat()
    assert person in read_caseload(db.conn, date.today()).achieved
