"""Open Referral UK (HSDS 3.0 UK profile) JSON: import services shaped like the official examples, and messy ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.oruk_mapping import plain_text
from cpi_chat.errors import AssetImportError
from tests.assets.conftest import DATA, write


def test_services_with_organisation_location_schedule_and_taxonomy_are_imported(empty_directory: AssetDirectory) -> None:
    report = empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk", bad_rows="refuse")
    assert report.imported == 2 and report.notes == []
    plots = empty_directory.get("6f0a3d2e-1c4b-4e8f-9a71-2b5d8c3e4f10")
    assert plots is not None
    assert plots.name == "Riverside Community Allotments"
    assert plots.domain == "horticulture"
    assert plots.tags == ["allotment", "vegetables", "Ages 16 and over"]  # who it is for is kept as a tag
    assert plots.area == "Riverside"
    assert plots.address == "Riverside Allotments, Station Road Allotments, HB1 2AB"  # the place's name first
    assert plots.schedule == "Saturdays 9am to noon, all year round"
    assert plots.cost == "Free for the first year, then \u00a310 a year."
    assert plots.contact == "Come along on a Saturday morning or email us.; plots@example.org; 01632 960501; https://allotments.example.org"
    assert plots.accessibility == "Level paths and raised beds for wheelchair users. Accessible toilet in the clubhouse."
    assert plots.source == "Riverside Allotment Society"
    assert str(plots.last_verified) == "2025-06-30"


def test_structured_schedules_and_cost_options_become_readable_text(empty_directory: AssetDirectory) -> None:
    empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk")
    group = empty_directory.get("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")
    assert group is not None
    assert group.schedule == "Tuesdays and Thursdays 14:00 to 15:30"
    assert group.cost == "Free per session (Carers)"
    assert group.address == "Library, Market Place, Town Centre, HB1 1AA"
    assert (group.domain, group.kind) == ("other", "specialist")


def test_messy_services_are_cleaned_and_the_unusable_ones_reported(empty_directory: AssetDirectory) -> None:
    report = empty_directory.import_file(DATA / "oruk_messy.json", format="oruk", bad_rows="skip")
    assert report.imported == 3
    assert [str(p) for p in report.skipped] == ["service 4: the name field required"]
    assert "1 services are not active and were left out." in report.notes
    strollers = empty_directory.get("m-1")
    assert strollers is not None
    assert strollers.name == "Sunday Strollers"
    assert strollers.description == "A gentle walk round the park & a cuppa after. Meets every Sunday at 10.30am by the bandstand. No booking needed."
    assert strollers.schedule == "Meets every Sunday at 10.30am by the bandstand."  # times only in prose are kept
    assert strollers.source == "Friends of the Park"


def test_a_service_without_a_cpi_domain_gets_one_from_its_words(empty_directory: AssetDirectory) -> None:
    report = empty_directory.import_file(DATA / "oruk_messy.json", format="oruk")
    assert any("guessed from their words" in note for note in report.notes)
    guessed = empty_directory.get("m-2")
    assert guessed is not None and guessed.domain == "arts-crafts" and "domain" in guessed.guessed


def test_older_oruk_field_names_are_understood(empty_directory: AssetDirectory) -> None:
    empty_directory.import_file(DATA / "oruk_messy.json", format="oruk")
    tai_chi = empty_directory.get("m-5")
    assert tai_chi is not None
    assert (tai_chi.domain, tai_chi.schedule) == ("alternative-therapies", "Tuesday 11:00 to 12:00")


def test_a_day_filter_works_on_imported_structured_schedules(empty_directory: AssetDirectory) -> None:
    from cpi_chat.assets.directory import SearchFilters

    empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk")
    assert [h.asset.name for h in empty_directory.search("", filters=SearchFilters(day="thursday"))] == ["Hear Together"]


def test_reimporting_oruk_updates_by_id(empty_directory: AssetDirectory) -> None:
    empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk")
    report = empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk")
    assert (report.added, report.updated) == (0, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json", r"is not valid JSON \(line 1"), ('{"hello": 1}', "does not hold Open Referral services"), ("[]", "holds no services")],
)
def test_a_file_that_is_not_oruk_is_one_clear_sentence(empty_directory: AssetDirectory, tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(AssetImportError, match=message):
        empty_directory.import_file(write(tmp_path, text, "services.json"), format="oruk")


def test_html_is_stripped_and_entities_decoded() -> None:
    assert plain_text("<p>Tea&nbsp;&amp; cake<br>Fridays</p>") == "Tea\u00a0& cake Fridays".replace("\u00a0", " ")


def test_the_export_is_an_hsds_page_of_services_with_required_fields(town: AssetDirectory, tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    town.export_file(out, format="oruk")
    page = json.loads(out.read_text(encoding="utf-8"))
    assert page["total_items"] == 10
    for service in page["contents"]:
        assert {"id", "name", "status", "organization_id"} <= set(service)
        assert all(value not in (None, [], {}) for value in service.values())
    taxonomies = {a["taxonomy_term"]["taxonomy"] for a in page["contents"][0]["attributes"]}
    assert {"CPI asset-mapping domains", "CPI service kind", "CPI tags"} <= taxonomies


def test_oruk_import_export_import_is_lossless(empty_directory: AssetDirectory, tmp_path: Path, lexicon) -> None:  # type: ignore[no-untyped-def]
    empty_directory.import_file(DATA / "oruk_service_page.json", format="oruk")
    empty_directory.import_file(DATA / "mini_town.csv")
    first = tmp_path / "first.json"
    empty_directory.export_file(first, format="oruk")
    again = AssetDirectory.open(":memory:", lexicon=lexicon)
    again.import_file(first, format="oruk", bad_rows="refuse")
    second = tmp_path / "second.json"
    again.export_file(second, format="oruk")
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    assert again.all() == empty_directory.all()


def test_csv_ids_survive_a_trip_through_oruk(town: AssetDirectory, tmp_path: Path, lexicon) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "services.json"
    town.export_file(out, format="oruk")
    again = AssetDirectory.open(":memory:", lexicon=lexicon)
    again.import_file(out, format="oruk", bad_rows="refuse")
    assert again.all() == town.all()
