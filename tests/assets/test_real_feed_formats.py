"""Fictional feeds shaped like real council ones (ORUK 1.0 arrays and pages, HSDS 3.0, the ORUK CSV tables) keep every field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpi_chat.assets.directory import AssetDirectory, SearchFilters
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.oruk import parse_oruk
from cpi_chat.errors import AssetImportError

FEEDS = Path(__file__).parent / "data" / "feeds"
NETBALL, TALKING, KNIT, PETS = (f"6f1c2a3b-0000-4000-8000-00000000000{n}" for n in (1, 2, 3, 4))


@pytest.fixture
def directory() -> AssetDirectory:
    return AssetDirectory.open(":memory:")


def test_an_oruk_1_array_keeps_audience_access_cost_area_every_place_and_the_date_checked(directory: AssetDirectory) -> None:
    report = directory.import_file(FEEDS / "oruk1_services.json", format="oruk", bad_rows="skip")
    assert report.imported == 6
    assert [str(p) for p in report.skipped] == [f"service 6: the id '{NETBALL}' is already used by service 1"]
    assert "1 services are not active and were left out." in report.notes
    netball = directory.get(NETBALL)
    assert netball is not None
    assert netball.description == "A gentle, friendly version of netball for women of any age and fitness. No running! Just turn up on a Tuesday."
    assert netball.tags == ["Women", "Physical activity", "Ages 18 and over"]
    assert netball.cost == "\u00a32 per session, first session free"
    assert netball.accessibility == "In person; Drop in, no need to book; Step-free entrance and accessible toilets"
    assert (netball.area, netball.last_verified) == ("Brackenfold", date(2026, 2, 11))
    assert netball.contact == "netball@example.org; 01632 960701; https://example.org/netball"
    knit = directory.get(KNIT)
    assert knit is not None and knit.name == "Knit & Natter at Hallgate Library"
    assert knit.area == "Hallgate; Fenby"  # every location is kept
    assert knit.address == "Hallgate Library, 4 Church Street, BF4 7QQ; Fenby Community Centre, 12 Green Lane, BF6 1XY"
    assert knit.schedule == "First Wednesday of the month 14:00 to 16:00"


def test_what_a_feed_does_not_say_is_guessed_marked_and_never_a_fact(directory: AssetDirectory) -> None:
    directory.import_file(FEEDS / "oruk1_services.json", format="oruk", bad_rows="skip")
    talking = directory.get(TALKING)
    assert talking is not None and (talking.kind, talking.cost) == ("specialist", "Free")
    assert set(talking.guessed) == {"domain", "kind"}
    assert talking.last_verified == date(2025, 1, 20)  # the last-modified date when there is no assured date
    pets = directory.get(PETS)
    assert pets is not None and pets.schedule == "Volunteers meet every Thursday morning." and "schedule" in pets.guessed
    assert pets.area == "BF3"  # no town given: the postcode district
    # "Everyday life skills" and "the Daily Telegraph" are not schedules
    assert directory.get(KNIT).schedule.startswith("First Wednesday")  # type: ignore[union-attr]
    guitar = directory.get("6f1c2a3b-0000-4000-8000-000000000007")
    assert guitar is not None and "schedule" not in guitar.guessed
    assert [h.asset.id for h in directory.search("", filters=SearchFilters(day="monday"))] == []


def test_three_pages_joined_in_one_file_are_read_as_one_feed(directory: AssetDirectory, tmp_path: Path) -> None:
    joined = tmp_path / "pages.json"
    joined.write_bytes(b"\n".join((FEEDS / f"oruk1_page{n}.json").read_bytes() for n in (1, 2, 3)))
    assert directory.import_file(joined, format="oruk").imported == 6


def test_an_hsds_3_page_keeps_eligibility_languages_cost_options_and_access(directory: AssetDirectory) -> None:
    directory.import_file(FEEDS / "hsds3_services.json", format="oruk", bad_rows="refuse")
    plot = directory.get("9d1e2f3a-1111-4000-8000-000000000001")
    assert plot is not None
    assert plot.tags == ["Gardening", "Carers", "Everyone welcome", "Ages 16 and over", "Polish"]
    assert plot.schedule == "Saturdays and Sundays 10:00 to 13:00"
    assert plot.cost == "\u00a310 membership (a year)"
    assert plot.accessibility == "In person; Raised beds for wheelchair users. Level paths from the gate"
    assert (plot.area, plot.address) == ("Fenby", "Fenby Allotments, Back Lane, BF6 2PL")
    assert plot.last_verified == date(2026, 3, 3) and plot.source == "Fenby Growers"
    cafe = directory.get("9d1e2f3a-1111-4000-8000-000000000002")
    assert cafe is not None and cafe.schedule == "Last Thursday of every month, 2pm to 4pm" and cafe.cost == "Free"


def test_the_oruk_csv_tables_are_joined_into_services(directory: AssetDirectory) -> None:
    report = directory.import_file(FEEDS / "oruk_csv", format="oruk-csv", bad_rows="refuse")
    assert report.imported == 2
    carers = directory.get("5e5e5e5e-0000-4000-8000-000000000002")
    assert carers is not None
    assert carers.tags == ["Carers", "Respite"]
    assert carers.area == "Brackenfold; Hallgate"
    assert carers.schedule == ("Mondays 10:00 to 11:30 (Brackenfold Library); "
                               "Second Thursday of the month 13:00 to 14:30 (Hallgate Health Centre)")
    assert carers.accessibility == "In person; By appointment; Lift to first floor"
    assert (carers.cost, carers.last_verified, carers.source) == ("Free", date(2026, 2, 25), "Carers Together Brackenfold")
    dance = directory.get("5e5e5e5e-0000-4000-8000-000000000001")
    assert dance is not None and dance.tags == ["Dancing", "Older people", "Ages 50 and over"]
    assert dance.contact == "Just come along; dance@example.org" and dance.cost == "\u00a33 including tea"


def test_a_lone_services_csv_of_oruk_tables_brings_its_folder(directory: AssetDirectory) -> None:
    assert directory.import_file(FEEDS / "oruk_csv" / "services.csv", bad_rows="refuse").imported == 2


def test_an_area_filter_finds_a_service_at_its_second_place(directory: AssetDirectory) -> None:
    directory.import_file(FEEDS / "oruk1_services.json", format="oruk", bad_rows="skip")
    assert KNIT in [h.asset.id for h in directory.search("knitting", filters=SearchFilters(area="Fenby"))]
    assert PETS in [h.asset.id for h in directory.search("dogs", filters=SearchFilters(area="BF3"))]


MESSY = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "name", "description", "status", "service_at_locations", "location", "physical_addresses",
                         "regular_schedules", "byday", "eligibilitys", "cost_options", "amount", "service_taxonomys",
                         "taxonomy", "content", "totalPages", "fees", "attending_type"]), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(MESSY)
def test_any_json_at_all_is_read_or_refused_in_one_sentence(document: object) -> None:
    try:
        parse_oruk(json.dumps(document), Lexicon.load())
    except AssetImportError as error:
        assert str(error).endswith(".") and "\n" not in str(error)
