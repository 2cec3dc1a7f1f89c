"""The batch path that rebuilds the index gives every asset exactly the terms the one-by-one reference gives."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpi_chat.assets.batch_terms import BATCH_COLUMNS, BatchTermExtractor
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import raw_words
from cpi_chat.assets.terms import TermExtractor
from cpi_chat.paths import shipped_assets_dir

DATA = Path(__file__).parent / "data"
FEEDS = DATA / "feeds"

Terms = tuple[list[dict[str, int]], set[str], set[tuple[str, str]]]


def reference_terms(directory: AssetDirectory) -> Terms:
    """Each current asset's {term: code} (facts with code 0), the written terms and the spellings, one by one."""
    extractor = TermExtractor(directory.lexicon)
    found = [extractor.terms(asset) for asset in directory.store.all() if not asset.is_retired]
    codes = [{**terms.codes, **dict.fromkeys(terms.facts, 0)} for terms in found]
    return codes, set().union(*(t.written for t in found)), set().union(*(t.spellings for t in found))


def batch_terms(directory: AssetDirectory, size: int) -> Terms:
    """The same, from `BatchTermExtractor` over batches of `size` rows."""
    extractor = BatchTermExtractor(directory.lexicon)
    codes: list[dict[str, int]] = []
    written: set[str] = set()
    spellings: set[tuple[str, str]] = set()
    for rows in directory.store.batches(BATCH_COLUMNS, size):
        found = extractor.terms(rows)
        batch: list[dict[str, int]] = [{} for _ in rows]
        for asset, term, code in zip(found.assets.tolist(), found.terms.tolist(), found.codes.tolist()):
            assert extractor.names[term] not in batch[asset], "one posting per asset and term"
            batch[asset][extractor.names[term]] = code
        codes += batch
        written |= {extractor.names[term] for term in found.written.tolist()}
        spellings |= extractor.spellings(found.spelled)
    return codes, written, spellings


def assert_same_terms(directory: AssetDirectory, size: int = 3) -> None:
    """Fails naming the first asset whose batch terms differ from the reference's."""
    want, got = reference_terms(directory), batch_terms(directory, size)
    assert len(got[0]) == len(want[0])
    assets = [asset for asset in directory.store.all() if not asset.is_retired]
    for asset, expected, actual in zip(assets, want[0], got[0]):
        assert actual == expected, asset
    assert got[1] == want[1]
    assert got[2] == want[2]


@functools.cache
def shipped() -> Lexicon:
    """The shipped lexicon, read once."""
    return Lexicon.load()


@pytest.mark.parametrize(("path", "format"), [
    (DATA / "mini_town.csv", "csv"),
    (shipped_assets_dir() / "demo_town.csv", "csv"),
    (FEEDS / "oruk1_services.json", "oruk"),
    (FEEDS / "council_services.json", "oruk"),
    (FEEDS / "hsds3_services.json", "oruk"),
    (DATA / "oruk_messy.json", "oruk"),
    (FEEDS / "oruk_csv", "oruk-csv"),
])
@pytest.mark.parametrize("which", ["shipped", "tests"])
def test_every_fixture_directory_gets_the_reference_terms(path: Path, format: str, which: str, lexicon: Lexicon) -> None:
    directory = AssetDirectory.open(":memory:", lexicon=shipped() if which == "shipped" else lexicon)
    directory.import_file(path, format=format, bad_rows="skip")  # type: ignore[arg-type]
    assert directory.store.count() > 1
    assert_same_terms(directory)


# Words that reach every path: phrases of the shipped synonyms (with little words, hyphens and
# several words), stopwords, stemming exceptions, postcodes, days, costs, access notes, accents,
# curly quotes and dashes, "&", and the separator the batch path puts between texts.
_SYNONYM_WORDS = sorted(set(raw_words((shipped_assets_dir() / "synonyms.yaml").read_text(encoding="utf-8"))))
_ODD_WORDS = [
    "the", "a", "of", "and", "on", "my", "own", "pictures", "five-a-side", "5-a-side", "kick-", "-walk", "--", "-",
    "kick", "boxing", "kick-boxing", "tai", "chi", "joiners", "wives", "Tuesdays", "Mon", "daily", "free", "Free",
    "£3", "step-free", "hearing loop", "NG7 2AB", "ng72ab", "S1 4DT", "café", "Straße", "Ærø", "Łódź", "’s",
    "don't", "it`s", "—", "–", "&", "+", ";", "; ", ",", ".", "\x00", "\n", "AA", "12", "3pm", "e-mail", "co-op",
]
_word = st.sampled_from(_SYNONYM_WORDS) | st.sampled_from(_ODD_WORDS) | st.text(max_size=6)
_text = st.lists(_word, max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", "-", "; ", ", ", "/"]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(w + g for w, g in zip(words, gaps))
    )
)
_asset = st.builds(
    Asset,
    id=st.uuids().map(str),
    name=_text.filter(lambda name: name.strip() != ""),
    domain=st.sampled_from(["", "sport", "arts-crafts", "no-such-domain"]),
    description=_text,
    tags=st.lists(_text, max_size=4),
    area=_text,
    address=_text,
    schedule=_text,
    cost=_text,
    accessibility=_text,
    kind=st.sampled_from(["", "mainstream", "specialist"]),
    guessed=st.lists(st.sampled_from(["domain", "kind", "schedule", "area"]), max_size=3),
    status=st.sampled_from(["active", "active", "retired"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assets=st.lists(_asset, min_size=1, max_size=8), size=st.integers(min_value=1, max_value=5))
def test_any_assets_get_the_reference_terms_in_batches_of_any_size(assets: list[Asset], size: int) -> None:
    directory = AssetDirectory.open(":memory:", lexicon=shipped())
    directory.store.save(assets)
    assert_same_terms(directory, size)


def test_a_rebuilt_index_answers_as_one_built_one_asset_at_a_time() -> None:
    rebuilt = AssetDirectory.open(":memory:", lexicon=shipped())
    rebuilt.import_file(shipped_assets_dir() / "demo_town.csv", bad_rows="refuse")
    one_by_one = AssetDirectory.open(":memory:", lexicon=shipped())
    one_by_one.prepare_index()
    for asset in rebuilt.all():
        one_by_one.upsert(asset)
    assert one_by_one.index_is_current() and rebuilt.index_is_current()
    for query in ("football", "walking", "knit", "tai chi", "the pictures", "singing", "swiming", "free on tuesday"):
        assert [(h.asset.id, h.score) for h in rebuilt.search(query, 10)] == [(h.asset.id, h.score) for h in one_by_one.search(query, 10)]
