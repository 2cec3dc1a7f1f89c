"""Domains and synonyms as a team edits them in assets_db/."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpi_chat.assets.lexicon import Lexicon, Synonyms, load_domains, load_synonyms
from cpi_chat.assets.normalise import full_terms, terms
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import shipped_assets_dir


def test_the_shipped_domains_are_the_ten_cpi_domains() -> None:
    domains = load_domains(shipped_assets_dir() / "domains.yaml")
    assert len(domains) == 10
    assert "horticulture" in {d.slug for d in domains}


@pytest.mark.parametrize("written", ["Sport", "sport", "SPORT", " Sport "])
def test_a_domain_is_found_by_its_label_or_slug_in_any_case(lexicon: Lexicon, written: str) -> None:
    assert lexicon.resolve_domain(written) == "sport"


def test_a_long_domain_label_matches_with_and_or_ampersand(lexicon: Lexicon) -> None:
    assert lexicon.resolve_domain("Arts & Crafts") == "arts-crafts"
    assert lexicon.resolve_domain("non-commissioned") == "non-commissioned"
    assert lexicon.resolve_domain("Spurt") is None


def test_the_shipped_synonyms_file_loads_without_duplicates() -> None:
    synonyms = load_synonyms(shipped_assets_dir() / "synonyms.yaml")
    assert len(synonyms.phrases) >= 150


def test_a_word_written_twice_in_the_synonyms_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text("football: [footy]\nfishing: [angling]\nfootball: [soccer]\n", encoding="utf-8")
    with pytest.raises(CpiChatError, match="'football' is written twice \\(line 3\\)"):
        load_synonyms(path)


def test_a_missing_synonyms_file_means_no_synonyms(tmp_path: Path) -> None:
    assert load_synonyms(tmp_path / "synonyms.yaml").phrases == {}


def test_multi_word_variants_match_written_solid_spaced_or_hyphenated() -> None:
    synonyms = Synonyms.from_mapping({"football": ["five-a-side"], "reading": ["book club"]})
    for text in ("five-a-side", "fiveaside"):
        assert [s.canonical for s in synonyms.spans(terms(text))] == ["football"], text
    assert [s.canonical for s in synonyms.stop_spans(full_terms("five a side")[0])] == ["football"]
    assert [s.canonical for s in synonyms.spans(terms("our book club"))] == ["read"]


def test_little_words_in_a_variant_must_be_there_to_match() -> None:
    synonyms = Synonyms.from_mapping({"loneliness": ["on my own"], "cinema": ["the pictures"]})
    assert [s.canonical for s in synonyms.stop_spans(full_terms("I live on my own")[0])] == ["loneliness"]
    assert synonyms.stop_spans(full_terms("bring your own cup")[0]) == []
    assert [s.canonical for s in synonyms.stop_spans(full_terms("off to the pictures")[0])] == ["cinema"]


def test_a_multi_word_canonical_is_found_from_its_solid_spelling() -> None:
    synonyms = Synonyms.from_mapping({"tai chi": ["taichi"]})
    assert [s.canonical for s in synonyms.spans(terms("tai chi"))] == ["taichi"]


def test_a_lexicon_loads_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "domains.yaml").write_text("- {slug: sport, label: Sport}\n", encoding="utf-8")
    lexicon = Lexicon.load(tmp_path)
    assert [d.slug for d in lexicon.domains] == ["sport"]
    assert lexicon.synonyms.phrases == {}


def test_a_broken_domains_file_is_one_clear_sentence(tmp_path: Path) -> None:
    (tmp_path / "domains.yaml").write_text("sport: [", encoding="utf-8")
    with pytest.raises(CpiChatError, match="not valid YAML"):
        Lexicon.load(tmp_path)


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Sports", "sport"), ("Religious & Cultural", "religious-cultural"), ("Volunteer", "volunteering"),
        ("Horticultural", "horticulture"), ("Arts", "arts-crafts"), ("Alternative therapy", "alternative-therapies"),
        ("Educaton", "education"), ("Other groups", "other"),
    ],
)
def test_a_domain_written_loosely_is_still_recognised_when_only_one_fits(lexicon: Lexicon, written: str, slug: str) -> None:
    assert lexicon.resolve_domain(written) == slug


@pytest.mark.parametrize("written", ["Sport and Education", "Groups", "Spurt", "LGBT"])
def test_a_domain_that_fits_none_or_several_is_not_guessed(lexicon: Lexicon, written: str) -> None:
    assert lexicon.resolve_domain(written) is None
