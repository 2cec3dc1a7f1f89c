"""The directory form's rules, held by the action every front end calls: ids, sources, guesses and kind refusals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cpi_chat.actions.directory import add_asset, asset_from_form, edit_asset
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.errors import Refused

FORM = {
    "name": "Walking Football", "description": "Gentle football for all ages", "tags": ["football"], "area": "Northgate",
    "address": "", "schedule": "Tuesdays 10:00-11:00", "cost": "Free", "contact": "", "accessibility": "", "notes": "",
    "domain": "sport", "kind": "mainstream",
}


@pytest.fixture
def empty_directory(tmp_path: Path) -> Iterator[AssetDirectory]:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    yield directory
    directory.close()


def test_a_new_asset_gets_a_readable_unused_id_and_says_it_was_added_by_hand(empty_directory: AssetDirectory) -> None:
    first = add_asset(empty_directory, asset_from_form(empty_directory, FORM))
    second = asset_from_form(empty_directory, FORM)
    assert (first.id, second.id) == ("walking-football", "walking-football-2")
    assert first.source == "added by hand" and first.status == "active"


def test_a_changed_asset_keeps_its_id_and_source_and_only_the_guesses_left_alone(empty_directory: AssetDirectory) -> None:
    saved = add_asset(empty_directory, asset_from_form(empty_directory, FORM))
    imported = edit_asset(empty_directory, replace(saved, source="Northgate feed", guessed=["domain", "schedule"]))
    changed = asset_from_form(empty_directory, {**FORM, "schedule": "Thursdays 18:00"}, original=imported)
    assert (changed.id, changed.source) == ("walking-football", "Northgate feed")
    assert changed.guessed == ["domain"]  # the worker typed the time, so it is no longer a guess


def test_a_form_that_cannot_be_saved_is_refused_in_one_sentence(empty_directory: AssetDirectory) -> None:
    with pytest.raises(Refused, match=r"^This cannot be saved yet: the domain .*\.$"):
        asset_from_form(empty_directory, {**FORM, "domain": "no-such-domain"})
