"""Literal matches always outrank expansions (synonyms, typos, completions), whatever field they are in."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset


@pytest.fixture(scope="module")
def demo() -> AssetDirectory:
    directory = AssetDirectory.open(":memory:")
    load_demo_directory(directory)
    return directory


def single_word_queries() -> list[str]:
    entries = yaml.safe_load((Path(__file__).resolve().parent.parent / "search_queries.yaml").read_text(encoding="utf-8"))
    queries = {e["q"] for e in entries if len(e["q"].split()) == 1}
    return sorted(queries | {"swimming", "help", "pet", "music", "animals", "church", "walking", "cars"})


@pytest.mark.parametrize("query", single_word_queries())
def test_no_expansion_ranks_above_a_literal_match(demo: AssetDirectory, query: str) -> None:
    hits = demo.search(query, limit=60)
    literal = [any(not reason.typed for reason in hit.reasons) for hit in hits]
    if True in literal and False in literal:
        assert literal.index(False) > max(i for i, is_literal in enumerate(literal) if is_literal), (
            f"{query!r}: an expansion {hits[literal.index(False)].asset.id} ranks above a literal match"
        )


def test_the_swimming_club_that_says_swimming_only_in_its_description_beats_the_baths(lexicon: Lexicon) -> None:
    directory = AssetDirectory.open(":memory:", lexicon=Lexicon(lexicon.domains, Lexicon.load().synonyms))
    directory.upsert(Asset("baths", "The Baths Hall", "neighbourhood", description="A hall for hire."))
    directory.upsert(Asset("club", "Dolphins", "sport", description="Friendly swimming for adults on Tuesdays."))
    assert directory.search("swimming")[0].asset.id == "club"
    assert directory.search("baths")[0].asset.id == "baths"
