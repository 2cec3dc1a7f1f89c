"""Property tests: whatever text arrives, the CSV reader and search answer without crashing."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpi_chat.assets.csv_io import parse_csv
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import CSV_COLUMNS
from cpi_chat.assets.normalise import words
from cpi_chat.errors import AssetImportError

cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_as_csv_or_refused_with_a_sentence(lexicon: Lexicon, text: str) -> None:
    try:
        parsed = parse_csv(text, lexicon)
    except AssetImportError as error:
        assert str(error).endswith(".")
    else:
        assert all(p.line >= 2 for p in parsed.problems)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.lists(cell, min_size=14, max_size=14), min_size=1, max_size=5))
def test_any_rows_under_a_good_header_become_assets_or_numbered_problems(lexicon: Lexicon, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    try:
        parsed = parse_csv(buffer.getvalue(), lexicon)
    except AssetImportError:
        return  # e.g. every row blank
    assert len(parsed.assets) + len(parsed.problems) <= len(rows)
    assert all(a.id and a.name for a in parsed.assets)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(query=st.text(max_size=80), limit=st.integers(min_value=0, max_value=30))
def test_any_query_returns_hits_with_scores_between_0_and_100(town: AssetDirectory, query: str, limit: int) -> None:
    hits = town.search(query, limit)
    assert len(hits) <= limit
    assert all(0 <= h.score <= 100 and isinstance(h.why, str) for h in hits)


@given(st.text(max_size=200))
def test_normalising_any_text_gives_plain_lower_case_terms(text: str) -> None:
    for word in words(text):
        assert word.term and word.term == word.term.lower() and word.term.isascii()
