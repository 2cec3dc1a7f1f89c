"""Search quality on the labelled queries of tests/search_queries.yaml against the demo directory."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cpi_chat.assets.directory import AssetDirectory, SearchFilters, load_demo_directory
from cpi_chat.paths import shipped_assets_dir

QUERIES_FILE = Path(__file__).resolve().parent.parent / "search_queries.yaml"
DEMO_FILE = shipped_assets_dir() / "demo_town.csv"


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


@pytest.fixture(scope="module")
def demo_directory(tmp_path_factory: pytest.TempPathFactory) -> AssetDirectory:
    directory = AssetDirectory.open(tmp_path_factory.mktemp("demo") / "assets.db")
    load_demo_directory(directory)
    return directory


@pytest.mark.skipif(not QUERIES_FILE.exists() or not DEMO_FILE.exists(), reason="the labelled queries or the demo directory are not written yet")
def test_labelled_queries_find_a_right_asset_near_the_top(demo_directory: AssetDirectory) -> None:
    queries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    hit_at_5, mrr_at_10, failures = evaluate(demo_directory, queries)
    print(f"\n{len(queries)} queries: hit@5 {hit_at_5:.3f}, MRR@10 {mrr_at_10:.3f}")
    for line in failures:
        print("  missed:", line)
    assert hit_at_5 >= 0.9, f"hit@5 is {hit_at_5:.3f}"
    assert mrr_at_10 >= 0.8, f"MRR@10 is {mrr_at_10:.3f}"


if __name__ == "__main__":  # a quick report while tuning: python tests/assets/test_search_quality.py
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        directory = AssetDirectory.open(Path(folder) / "assets.db")
        load_demo_directory(directory)
        queries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
        hit_at_5, mrr_at_10, failures = evaluate(directory, queries)
        print("\n".join(failures))
        print(f"{len(queries)} queries: hit@5 {hit_at_5:.3f}, MRR@10 {mrr_at_10:.3f}")
