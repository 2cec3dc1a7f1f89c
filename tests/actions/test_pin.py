"""The person's own PIN for checking in alone: a salted hash only, one sentence for any mismatch, a few tries in all."""

from __future__ import annotations

import pytest

from cpi_chat import records
from cpi_chat.actions import people, pin, privacy, settings
from cpi_chat.errors import Refused
from cpi_chat.workspace import Workspace

PIN = "blue kettle 42"


@pytest.fixture
def ann_with_pin(workspace: Workspace, ann: records.Person) -> records.Person:
    pin.set_pin(workspace, ann.id, PIN, PIN)
    return ann


def test_only_a_salted_hash_is_kept_never_the_pin(workspace: Workspace, ann_with_pin: records.Person) -> None:
    bo = people.add_person(workspace, "Bo Test")
    pin.set_pin(workspace, bo.id, PIN, PIN)
    hashes = [row[0] for row in workspace.db.execute("SELECT pin_hash FROM self_check_in_key ORDER BY id").fetchall()]
    assert len(set(hashes)) == 2 and all(h.startswith("scrypt$") for h in hashes), "the same PIN, salted apart"
    workspace.close()
    assert PIN.encode() not in workspace.paths.people_db.read_bytes()


@pytest.mark.parametrize(("typed", "again", "problem"), [
    ("1234", "1243", "not the same"),
    ("123", "123", "at least 4"),
    ("ann test", "ann test", "should not be your name"),
])
def test_a_pin_that_cannot_be_used_is_refused_kindly(workspace: Workspace, ann: records.Person, typed: str, again: str,
                                                     problem: str) -> None:
    with pytest.raises(Refused, match=problem):
        pin.set_pin(workspace, ann.id, typed, again)
    assert not pin.has_pin(workspace, ann.id)


def test_the_right_name_and_pin_let_the_person_in(workspace: Workspace, ann_with_pin: records.Person) -> None:
    assert pin.let_in(workspace, "  ann   TEST ", f" {PIN} ").id == ann_with_pin.id


def test_a_wrong_name_and_a_wrong_pin_get_the_same_sentence(workspace: Workspace, ann_with_pin: records.Person) -> None:
    with pytest.raises(Refused) as wrong_pin:
        pin.let_in(workspace, "Ann Test", "0000")
    with pytest.raises(Refused) as wrong_name:
        pin.let_in(workspace, "Nobody Here", PIN)
    with pytest.raises(Refused) as no_pin_yet:
        pin.let_in(workspace, people.add_person(workspace, "Cy Test").name, PIN)
    assert str(wrong_pin.value) == str(wrong_name.value) == str(no_pin_yet.value) == pin.NOT_MATCHED


def test_wrong_tries_are_counted_across_starts_and_then_only_the_worker_can_let_them_in_again(
        workspace: Workspace, ann_with_pin: records.Person) -> None:
    for _ in range(pin.MAX_TRIES):  # each as if the app were started again: no tries remembered by the program
        with pytest.raises(Refused):
            pin.let_in(workspace, "Ann Test", "wrong", tries_before=0)
    with pytest.raises(Refused) as locked:
        pin.let_in(workspace, "Ann Test", PIN)
    assert str(locked.value) == pin.NOT_MATCHED, "locked, without saying so (that would say the name is known)"
    pin.set_pin(workspace, ann_with_pin.id, "new words 7", "new words 7")  # the worker, with the person
    assert pin.let_in(workspace, "Ann Test", "new words 7").id == ann_with_pin.id


def test_after_a_few_tries_at_one_sitting_the_person_is_asked_to_see_their_worker(
        workspace: Workspace, ann_with_pin: records.Person) -> None:
    with pytest.raises(pin.NoMoreTries, match="ask your worker"):
        pin.let_in(workspace, "Someone Else", "0000", tries_before=pin.MAX_TRIES - 1)
    with pytest.raises(pin.NoMoreTries):
        pin.let_in(workspace, "Ann Test", PIN, tries_before=pin.MAX_TRIES)


def test_the_worker_removes_a_pin_and_the_person_cannot_check_in_alone_until_a_new_one(
        workspace: Workspace, ann_with_pin: records.Person) -> None:
    assert pin.reset_pin(workspace, ann_with_pin.id) and not pin.has_pin(workspace, ann_with_pin.id)
    with pytest.raises(Refused):
        pin.let_in(workspace, "Ann Test", PIN)


def test_two_people_with_one_name_are_each_let_in_by_their_own_pin(workspace: Workspace, ann_with_pin: records.Person) -> None:
    twin = records.add_person(workspace.db, "Ann Test")  # as an older file may hold (adding a second is refused now)
    pin.set_pin(workspace, twin.id, "other words 9", "other words 9")
    assert pin.let_in(workspace, "Ann Test", "other words 9").id == twin.id
    assert pin.let_in(workspace, "Ann Test", PIN).id == ann_with_pin.id


def test_with_the_setting_off_the_name_alone_lets_the_person_in(workspace: Workspace, ann: records.Person) -> None:
    assert pin.pin_needed(workspace)
    settings.change_setting(workspace, "self-check-in-pin", "off")
    assert not pin.pin_needed(workspace)
    assert pin.let_in(workspace, "Ann Test", None).id == ann.id


def test_an_unknown_setting_or_value_is_refused_kindly(workspace: Workspace) -> None:
    with pytest.raises(Refused, match="no setting called"):
        settings.change_setting(workspace, "self-check-in-code", "off")
    with pytest.raises(Refused, match="on or off"):
        settings.change_setting(workspace, "self-check-in-pin", "maybe")


def test_the_subject_access_export_says_a_pin_is_set_but_never_shows_its_hash(
        workspace: Workspace, ann_with_pin: records.Person, tmp_path) -> None:  # type: ignore[no-untyped-def]
    json_path, html_path = privacy.export_everything(workspace, ann_with_pin.id, tmp_path / "out")
    for path in (json_path, html_path):
        text = path.read_text()
        assert "a PIN is set" in text and "scrypt$" not in text


def test_erasing_the_person_removes_their_pin(workspace: Workspace, ann_with_pin: records.Person) -> None:
    privacy.erase(workspace, ann_with_pin.id)
    assert workspace.db.execute("SELECT count(*) FROM self_check_in_key").fetchone()[0] == 0


def test_names_that_look_the_same_cannot_both_be_added(workspace: Workspace, ann: records.Person) -> None:
    for same in ("ann test", "Ann\u200b Test", "ANN  TEST"):
        with pytest.raises(Refused, match="already here"):
            people.add_person(workspace, same)
    cafe = people.add_person(workspace, "Ame\u0301lie Test")  # a combining accent
    with pytest.raises(Refused, match="already here"):
        people.add_person(workspace, "Amélie Test")  # the same name, typed with one letter
    assert people.find_person_alone(workspace, "Amélie Test").id == cafe.id
