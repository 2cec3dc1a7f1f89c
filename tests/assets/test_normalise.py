"""Normalisation: the many ways people write the same activity become the same search terms."""

from __future__ import annotations

import pytest

from cpi_chat.assets.normalise import fold, stem, terms, words


@pytest.mark.parametrize("variant", ["Kick-Boxing", "kickboxing", "KICK\u2013BOXING", "kick\u2011boxing"])
def test_hyphenated_and_solid_spellings_give_the_same_term(variant: str) -> None:
    assert terms(variant) == ["kickbox"]


def test_a_hyphenated_word_also_keeps_its_parts_so_boxing_still_matches_it() -> None:
    (word,) = words("kick-boxing")
    assert word.parts == ("kick", "box")


def test_case_accents_and_curly_apostrophes_are_ignored() -> None:
    assert terms("Caf\u00e9 Zo\u00eb") == terms("cafe zoe")
    assert terms("Men\u2019s Shed") == terms("mens shed") == terms("MEN'S SHED")


def test_ampersand_means_and_and_is_not_a_search_term() -> None:
    assert terms("Arts & Crafts") == terms("arts and crafts") == ["art", "craft"]


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["knitting", "knitted", "knit", "knits"], "knit"),
        (["running", "runners", "runner", "run"], "run"),
        (["gardening", "gardeners", "garden"], "garden"),
        (["dancing", "dance", "dances"], "danc"),
        (["classes", "class"], "class"),
        (["allotments", "allotment"], "allotment"),
    ],
)
def test_light_stemming_brings_word_forms_together(forms: list[str], expected: str) -> None:
    assert {stem(f) for f in forms} == {expected}


def test_short_words_and_words_ending_in_s_that_are_not_plurals_are_left_alone() -> None:
    assert [stem(w) for w in ("bus", "tennis", "chess", "shed", "art")] == ["bus", "tennis", "chess", "shed", "art"]


def test_narrative_words_are_kept_but_marked_soft_and_little_words_dropped() -> None:
    found = words("used to go fishing with my dad")
    assert [w.surface for w in found] == ["used", "go", "fishing", "dad"]
    assert [w.soft for w in found] == [True, True, False, True]


def test_fold_keeps_only_plain_letters_and_digits_meaningful() -> None:
    assert fold("\u00c9COLE & Co") == "ecole  and  co"
