"""Search quality on the labelled queries of tests/search_queries.yaml: the demo town, and a council's feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cpi_chat.assets.directory import AssetDirectory, SearchFilters, load_demo_directory

QUERIES_FILE = Path(__file__).resolve().parent.parent / "search_queries.yaml"
COUNCIL_FEED = Path(__file__).resolve().parent / "data" / "feeds" / "council_services.json"


def labelled(directory_name: str) -> list[dict]:
    """The labelled queries for one directory ('demo' when an entry names none), council ids written out in full."""
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    chosen = [e for e in entries if e.get("directory", "demo") == directory_name]
    for entry in chosen:
        entry["relevant"] = [re.sub(r"^b7-(\d+)$", lambda m: f"b7c0ffee-0000-4000-8000-{int(m[1]):012d}", r) for r in entry["relevant"]]
    return chosen


def evaluate(directory: AssetDirectory, queries: list[dict]) -> tuple[float, float, list[str]]:
    """hit@5, MRR@10 and a line for every query whose first relevant hit is below 5th place."""
    hits_at_5 = 0
    reciprocal_ranks = 0.0
    failures: list[str] = []
    for entry in queries:
        filters = SearchFilters(**(entry.get("filters") or {}))
        found = [hit.asset.id for hit in directory.search(entry["q"], limit=10, filters=filters)]
        relevant = set(entry["relevant"])
        rank = next((i for i, asset_id in enumerate(found, start=1) if asset_id in relevant), None)
        if rank is not None:
            reciprocal_ranks += 1 / rank
        if rank is not None and rank <= 5:
            hits_at_5 += 1
        else:
            failures.append(f"{entry['q']!r} {entry.get('filters') or ''}: rank {rank}; top 5 {found[:5]}")
    return hits_at_5 / len(queries), reciprocal_ranks / len(queries), failures


def open_directory(name: str, folder: Path) -> AssetDirectory:
    directory = AssetDirectory.open(folder / "assets.db")
    if name == "demo":
        load_demo_directory(directory)
    else:
        directory.import_file(COUNCIL_FEED, format="oruk", bad_rows="refuse")
    return directory


@pytest.mark.parametrize(("name", "least_hit_at_5", "least_mrr"), [("demo", 0.9, 0.8), ("council", 0.9, 0.8)])
def test_labelled_queries_find_a_right_asset_near_the_top(tmp_path: Path, name: str, least_hit_at_5: float, least_mrr: float) -> None:
    queries = labelled(name)
    hit_at_5, mrr_at_10, failures = evaluate(open_directory(name, tmp_path), queries)
    print(f"\n{name}: {len(queries)} queries: hit@5 {hit_at_5:.3f}, MRR@10 {mrr_at_10:.3f}")
    for line in failures:
        print("  missed:", line)
    assert hit_at_5 >= least_hit_at_5, f"hit@5 is {hit_at_5:.3f}"
    assert mrr_at_10 >= least_mrr, f"MRR@10 is {mrr_at_10:.3f}"


if __name__ == "__main__":  # a quick report while working on search: python tests/assets/test_search_quality.py
    import tempfile

    for name in ("demo", "council"):
        with tempfile.TemporaryDirectory() as folder:
            queries = labelled(name)
            hit_at_5, mrr_at_10, failures = evaluate(open_directory(name, Path(folder)), queries)
            print("\n".join(failures))
            print(f"{name}: {len(queries)} queries: hit@5 {hit_at_5:.3f}, MRR@10 {mrr_at_10:.3f}")


def test_scoring_where_the_terms_are_and_over_the_whole_directory_gives_the_same_hits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cpi_chat.assets import scoring

    directory = open_directory("demo", tmp_path)
    directory.delete(directory.search("walking football", limit=1)[0].asset.id)  # a dead position, as after an edit
    queries = [(e["q"], SearchFilters(**(e.get("filters") or {}))) for e in labelled("demo")]

    def every_hit(dense_from_share: int) -> list[list[tuple[str, float]]]:
        monkeypatch.setattr(scoring, "DENSE_FROM_SHARE", dense_from_share)
        return [[(h.asset.id, h.score) for h in directory.search(q, limit=10, filters=f)] for q, f in queries]

    where_the_terms_are, whole_directory = every_hit(0), every_hit(10**9)
    assert where_the_terms_are == whole_directory
    assert sum(map(len, whole_directory)) > len(queries), "the queries find things"


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_skipping_assets_that_cannot_reach_the_best_few_finds_what_scoring_every_asset_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int,
) -> None:
    from cpi_chat.assets import index

    directory = open_directory("demo", tmp_path)
    directory.delete(directory.search("walking football", limit=1)[0].asset.id)  # a dead position, as after an edit
    queries = [(e["q"], SearchFilters(**(e.get("filters") or {}))) for e in labelled("demo")]
    monkeypatch.setattr(index, "MIN_CANDIDATES", 1)  # so the best few are few, and skipping happens in a small town
    skipping = [[(h.asset.id, h.score) for h in directory.search(q, limit=limit, filters=f)] for q, f in queries]
    best_candidates = index.best_candidates
    monkeypatch.setattr(index, "best_candidates", lambda slots, size, keep, usable: best_candidates(slots, size, 10**9, usable))
    scoring_every_asset = [[(h.asset.id, h.score) for h in directory.search(q, limit=limit, filters=f)] for q, f in queries]
    assert skipping == scoring_every_asset
    assert sum(map(len, skipping)) >= len(queries) * limit * 0.8, "the queries find things"
