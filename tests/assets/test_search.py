"""Searching the directory: synonyms, typos, filters, ranking on confusers, reasons, and updates."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat.assets.directory import AssetDirectory, SearchFilters
from cpi_chat.assets.model import Asset
from cpi_chat.errors import CpiChatError

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def top(directory: AssetDirectory, query: str, filters: SearchFilters | None = None, limit: int = 10) -> list[str]:
    return [hit.asset.id for hit in directory.search(query, limit, filters)]


def test_an_exact_name_comes_first(town: AssetDirectory) -> None:
    assert top(town, "Library Reading Circle")[0] == "mt-005"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("footy", {"mt-001", "mt-002"}), ("soccer", {"mt-001", "mt-002"}), ("book club", {"mt-005"}), ("angling", {"mt-006"})],
)
def test_colloquial_words_find_what_assets_call_themselves(town: AssetDirectory, query: str, expected: set[str]) -> None:
    assert set(top(town, query)[: len(expected)]) == expected


def test_a_reason_names_the_field_the_word_and_the_synonym_it_came_from(town: AssetDirectory) -> None:
    hit = town.search("footy", 1)[0]
    assert hit.why == "name: football (from 'footy')"
    assert 0 < hit.score <= 100


@pytest.mark.parametrize("query", ["kikboxing", "kickboxin", "kick boxing", "kick-boxing", "KickBoxing"])
def test_typos_and_spacings_of_kick_boxing_find_the_class_first(town: AssetDirectory, query: str) -> None:
    assert top(town, query)[0] == "mt-003"


@pytest.mark.parametrize(("query", "expected"), [("knittin", "mt-007"), ("alotment", "mt-010"), ("angleing", "mt-006")])
def test_small_typos_are_forgiven(town: AssetDirectory, query: str, expected: str) -> None:
    assert top(town, query)[0] == expected


def test_boxing_ranks_the_boxing_gym_above_the_kick_boxing_class(town: AssetDirectory) -> None:
    assert top(town, "boxing")[:2] == ["mt-004", "mt-003"]


def test_kick_boxing_ranks_the_class_well_above_the_boxing_gym(town: AssetDirectory) -> None:
    hits = town.search("kick boxing")
    assert hits[0].asset.id == "mt-003"
    assert hits[0].score > 1.5 * next(h.score for h in hits if h.asset.id == "mt-004")


def test_a_synonym_with_little_words_does_not_fire_on_its_one_big_word(lexicon) -> None:  # type: ignore[no-untyped-def]
    from cpi_chat.assets.lexicon import Lexicon, Synonyms

    own_words = Lexicon(lexicon.domains, Synonyms.from_mapping({"loneliness": ["on my own"]}))
    directory = AssetDirectory.open(":memory:", lexicon=own_words)
    directory.upsert(Asset("a", "Allotments", "horticulture", "Grow your own vegetables."))
    directory.upsert(Asset("b", "Friendship Circle", "other", "For anyone who feels lonely.", ["loneliness"]))
    assert [h.asset.id for h in directory.search("loneliness")] == ["b"]
    assert directory.search("on my own")[0].asset.id == "b"


def test_a_description_from_notes_finds_the_interest_in_it(town: AssetDirectory) -> None:
    assert top(town, "used to go fishing with my dad")[0] == "mt-006"
    assert top(town, "she wants something for women")[0] == "mt-008"


def test_a_place_name_in_the_query_prefers_assets_in_that_area(town: AssetDirectory) -> None:
    assert top(town, "woodwork hollins green")[0] == "mt-009"
    assert top(town, "boxing eastgate")[0] == "mt-004"


def test_words_that_match_nothing_return_nothing(town: AssetDirectory) -> None:
    assert town.search("xyzzy qwerty") == []
    assert town.search("the and of") == []


def test_a_file_that_is_not_a_directory_is_one_clear_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "assets.db"
    broken.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CpiChatError, match="could not be opened"):
        AssetDirectory.open(broken)


@pytest.mark.parametrize("query", ["", "   ", "the and of", "?!", "\u2603"])
def test_an_empty_or_meaningless_query_never_fails(town: AssetDirectory, query: str) -> None:
    town.search(query)


def test_an_empty_query_with_filters_lists_what_the_filters_allow(town: AssetDirectory) -> None:
    found = top(town, "", SearchFilters(area="Hollins Green"))
    assert sorted(found) == ["mt-006", "mt-009"]
    assert all(h.why == "matches the filters" for h in town.search("", filters=SearchFilters(area="Hollins Green")))


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (SearchFilters(domain="Sport"), {"mt-001", "mt-002", "mt-003", "mt-004", "mt-006"}),
        (SearchFilters(domain="arts-crafts"), {"mt-007"}),
        (SearchFilters(area="millbrook"), {"mt-001", "mt-002", "mt-005", "mt-007", "mt-010"}),
        (SearchFilters(area="Milbrook"), {"mt-001", "mt-002", "mt-005", "mt-007", "mt-010"}),
        (SearchFilters(day="tuesday"), {"mt-001", "mt-004", "mt-009"}),
        (SearchFilters(free=True), {"mt-002", "mt-005", "mt-007", "mt-008"}),
        (SearchFilters(accessible=True), {"mt-001", "mt-002", "mt-003", "mt-005", "mt-006", "mt-007", "mt-008", "mt-009", "mt-010"}),
        (SearchFilters(kind="specialist"), {"mt-008"}),
        (SearchFilters(area="Millbrook", free=True, day="monday"), {"mt-007"}),
    ],
)
def test_filters_keep_exactly_the_assets_that_pass(town: AssetDirectory, filters: SearchFilters, allowed: set[str]) -> None:
    assert set(top(town, "", filters, limit=50)) == allowed


def test_filters_apply_to_a_query_too(town: AssetDirectory) -> None:
    assert top(town, "football", SearchFilters(free=True)) == ["mt-002"]


def test_an_unknown_domain_filter_names_the_domains_there_are(town: AssetDirectory) -> None:
    with pytest.raises(CpiChatError, match="no domain called 'Spurt'.*Horticulture"):
        town.search("football", filters=SearchFilters(domain="Spurt"))


def test_an_unknown_kind_filter_is_one_clear_sentence(town: AssetDirectory) -> None:
    with pytest.raises(CpiChatError, match="mainstream or specialist"):
        town.search("", filters=SearchFilters(kind="private"))


def test_the_limit_is_respected(town: AssetDirectory) -> None:
    assert len(town.search("", limit=3, filters=SearchFilters(domain="sport"))) == 3
    assert town.search("football", limit=0) == []


def test_an_empty_directory_searches_to_nothing(empty_directory: AssetDirectory) -> None:
    assert empty_directory.is_empty()
    assert empty_directory.search("football") == []


def test_adding_an_asset_after_a_search_makes_it_findable_at_once(town: AssetDirectory) -> None:
    town.search("football")  # builds the index
    town.upsert(Asset("mt-100", "Hollins Bowls Club", "Sport", tags=["bowls"], area="Hollins Green"))
    assert top(town, "bowls")[0] == "mt-100"
    assert town.get("mt-100").domain == "sport"  # type: ignore[union-attr]


def test_changing_an_asset_updates_the_index_for_it_alone(town: AssetDirectory) -> None:
    assert town.index_is_current()
    town.upsert(Asset("mt-006", "Hollins Canoe Club", "Sport", tags=["canoeing"], area="Hollins Green"))
    assert town.index_is_current() and not town.prepare_index()  # updated in place, never rebuilt
    assert top(town, "canoe") == ["mt-006"]
    assert "mt-006" not in top(town, "angling")


def test_a_deleted_asset_is_never_found_again(town: AssetDirectory) -> None:
    town.search("boxing")
    assert town.delete("mt-004")
    assert "mt-004" not in top(town, "boxing")
    assert town.get("mt-004") is None
    assert not town.delete("mt-004")


def test_an_asset_with_an_unknown_domain_cannot_be_saved(town: AssetDirectory) -> None:
    with pytest.raises(CpiChatError, match="not one of the ten domains"):
        town.upsert(Asset("mt-200", "Mystery", "Spurt"))


def test_marking_an_asset_verified_records_the_date(town: AssetDirectory) -> None:
    town.mark_verified("mt-008", date(2026, 1, 5))
    assert town.get("mt-008").last_verified == date(2026, 1, 5)  # type: ignore[union-attr]
    with pytest.raises(CpiChatError, match="no asset with the id"):
        town.mark_verified("nope", date(2026, 1, 5))


def test_areas_and_domains_are_listed_for_pickers(town: AssetDirectory) -> None:
    assert town.areas() == ["Eastgate", "Hollins Green", "Millbrook"]
    assert len(town.domains()) == 10


def test_a_search_from_another_thread_works(town: AssetDirectory) -> None:
    import threading

    results: list[list[str]] = []
    worker = threading.Thread(target=lambda: results.append(top(town, "footy")))
    worker.start()
    worker.join()
    assert results and results[0]
