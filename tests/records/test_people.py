"""People: added by display name, found by name or id, listed with their goals, renamed, needs and theme kept."""

from __future__ import annotations

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError


def test_a_person_is_found_by_id_or_by_name_in_any_case_and_spacing(db, person) -> None:
    assert records.find_person(db, str(person.id)) == person
    assert records.find_person(db, person.id) == person
    assert records.find_person(db, "  dev   OKAFOR ") == person


def test_two_people_with_the_same_name_are_listed_so_the_worker_can_use_the_id(db, person) -> None:
    twin = records.add_person(db, "Dev Okafor")
    with pytest.raises(RecordsError) as caught:
        records.find_person(db, "Dev Okafor")
    assert f"(id {person.id})" in str(caught.value) and f"(id {twin.id})" in str(caught.value)
    assert "use the id" in str(caught.value)


def test_an_unknown_name_suggests_close_names(db, person) -> None:
    with pytest.raises(RecordsError, match=r"No one is called 'Dev Okafur'; did you mean Dev Okafor \(id 1\)"):
        records.find_person(db, "Dev Okafur")


def test_an_unknown_id_points_to_the_list(db) -> None:
    with pytest.raises(RecordsError, match="no person with id 42.*person list"):
        records.find_person(db, "42")


def test_a_name_of_only_digits_or_nothing_is_refused(db) -> None:
    for bad in ["", "   ", "1234"]:
        with pytest.raises(RecordsError):
            records.add_person(db, bad)


def test_communication_needs_and_theme_are_kept(db) -> None:
    needs = records.CommunicationNeeds(easy_read=True, large_print=True)
    maud = records.add_person(db, "M P", needs)
    assert records.get_person(db, maud.id).needs == needs
    records.set_needs(db, maud.id, records.CommunicationNeeds(high_contrast=True, plain_mode=True))
    records.set_theme(db, maud.id, "cpi-high-contrast")
    again = records.get_person(db, maud.id)
    assert again.needs.labels() == ["high contrast", "plain mode"]
    assert again.theme == "cpi-high-contrast"


def test_renaming_keeps_the_same_person_and_their_goals(db, person) -> None:
    records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    renamed = records.rename_person(db, person.id, "D.O.")
    assert renamed.id == person.id and renamed.name == "D.O."
    assert [g.what for g in records.list_goals(db, person.id)] == ["Kick-boxing class"]


def test_the_list_shows_active_goals_and_the_last_session_date(db, person) -> None:
    maud = records.add_person(db, "Maud Pennick")
    records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    dropped = records.add_goal(db, person.id, "target", "Swim a length")
    records.set_goal_status(db, dropped.id, "dropped")
    records.start_session(db, maud.id, "joint", "exploring_interests")
    summaries = {s.name: s for s in records.list_people(db)}
    assert summaries["Dev Okafor"].active_goals == ("Kick-boxing class",)
    assert summaries["Dev Okafor"].last_session is None
    assert summaries["Maud Pennick"].active_goals == ()
    assert summaries["Maud Pennick"].last_session is not None
    assert [s.name for s in records.list_people(db)] == ["Dev Okafor", "Maud Pennick"]


def test_a_person_alone_is_found_by_their_own_name_only_never_by_an_id_or_a_suggestion(db) -> None:
    from cpi_chat.wording import NOT_FOUND_ALONE, SAME_NAME_ALONE, TYPE_NAME_IN_LETTERS

    ann = records.add_person(db, "Ann Example")
    records.add_person(db, "Bo Example")
    assert records.find_person_alone(db, "  ann   EXAMPLE ") == ann
    for typed, said in ((str(ann.id), TYPE_NAME_IN_LETTERS), ("Ann", NOT_FOUND_ALONE), ("Bo Exampel", NOT_FOUND_ALONE)):
        with pytest.raises(RecordsError) as refused:
            records.find_person_alone(db, typed)
        assert str(refused.value) == said and "Bo" not in str(refused.value)
    records.add_person(db, "Ann Example")
    with pytest.raises(RecordsError, match=SAME_NAME_ALONE):
        records.find_person_alone(db, "Ann Example")
