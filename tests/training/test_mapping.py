"""The asset-mapping exercise: the grid of domains by areas, its gaps in words, and the team directory it makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.lexicon import load_domains
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.training import TrainingError
from cpi_chat.training.mapping import (
    AssetGrid,
    add_asset,
    counts,
    find_domain,
    gap_sentences,
    gaps,
    grid_text,
    import_grid,
    load_grid,
    new_grid,
    parse_line,
    save_grid,
    split_areas,
)

DOMAINS = load_domains(shipped_assets_dir() / "domains.yaml")


def small_grid() -> AssetGrid:
    grid = new_grid(DOMAINS, split_areas("Riverside, Kelderby"))
    for line in (
        "Parkrun; sport; Riverside; Saturdays 9am, free",
        "Walking football; 4; riv",
        "Farming Friends lunch; neighbourhood; Kelderby",
        "Village choir; arts; Kelderby",
    ):
        add_asset(grid, parse_line(line, grid))
    return grid


def test_the_grid_has_the_ten_domains_and_the_teams_areas_once_each() -> None:
    grid = new_grid(DOMAINS, ["Riverside", " riverside ", "", "Kelderby"])
    assert len(grid.domains) == 10
    assert grid.areas == ["Riverside", "Kelderby"]
    assert len(counts(grid)) == 20


def test_a_typed_line_is_read_with_domains_and_areas_by_name_start_or_number() -> None:
    grid = small_grid()
    first, second = grid.assets[:2]
    assert (first.name, first.domain, first.area, first.details) == ("Parkrun", "sport", "Riverside", "Saturdays 9am, free")
    assert (second.domain, second.area) == ("sport", "Riverside")
    assert find_domain("relig", DOMAINS).slug == "religious-cultural"
    assert find_domain("Horticulture", DOMAINS).slug == "horticulture"


def test_a_line_with_an_unknown_domain_or_area_says_what_would_work() -> None:
    grid = small_grid()
    with pytest.raises(TrainingError, match="not one of the ten domains"):
        parse_line("Chess club; games; Riverside", grid)
    with pytest.raises(TrainingError, match="not one of the team's areas: Riverside, Kelderby"):
        parse_line("Chess club; other; Northgate", grid)
    with pytest.raises(TrainingError, match="name, the domain and the area"):
        parse_line("Chess club", grid)


def test_counts_and_gaps_show_which_domains_have_nothing_in_an_area() -> None:
    grid = small_grid()
    cells = counts(grid)
    assert cells[("sport", "Riverside")] == 2
    assert cells[("sport", "Kelderby")] == 0
    found = {(g.area, g.domain.slug) for g in gaps(grid)}
    assert ("Kelderby", "sport") in found
    assert ("Riverside", "sport") not in found
    assert len(found) == 20 - 3


def test_the_gaps_are_said_in_words_area_by_area() -> None:
    sentences = gap_sentences(small_grid())
    assert sentences[0].startswith("Nothing yet in any area for Religious and Cultural Groups, Education")
    assert "Kelderby also has nothing for Sport." in sentences
    assert "Riverside also has nothing for Arts and Crafts and Neighbourhood Activities, Associations and Events." in sentences


def test_a_full_grid_has_no_gaps() -> None:
    grid = new_grid(DOMAINS, ["Riverside"])
    for domain in DOMAINS:
        add_asset(grid, parse_line(f"Group for {domain.slug}; {domain.slug}; Riverside", grid))
    assert gaps(grid) == []
    assert gap_sentences(grid) == ["No gaps: every area has something in every domain."]


def test_the_grid_table_shows_counts_and_a_dash_for_each_gap() -> None:
    table = grid_text(small_grid()).splitlines()
    sport = next(line for line in table if line.startswith("Sport"))
    assert sport.split("|")[1:] == ["         2 ", "        -"]
    assert table[0].split("|")[1].strip() == "Riverside"
    assert table[-1].startswith("Total")


def test_the_grid_imports_into_the_directory_and_importing_again_updates(tmp_path: Path) -> None:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    try:
        report = import_grid(small_grid(), directory)
        assert (report.added, report.updated) == (4, 0)
        assert sorted(directory.areas()) == ["Kelderby", "Riverside"]
        hits = directory.search("parkrun")
        assert hits and hits[0].asset.name == "Parkrun"
        again = import_grid(small_grid(), directory)
        assert (again.added, again.updated) == (0, 4)
        assert directory.count() == 4
        assert directory.export_file(tmp_path / "team.csv") == 4
        assert "Farming Friends lunch" in (tmp_path / "team.csv").read_text(encoding="utf-8")
        assert directory.export_file(tmp_path / "team.json", "oruk") == 4
        assert "Village choir" in json.dumps(json.loads((tmp_path / "team.json").read_text(encoding="utf-8")))
    finally:
        directory.close()


def test_a_saved_grid_loads_back_the_same_including_empty_areas(tmp_path: Path) -> None:
    grid = small_grid()
    grid.areas.append("Little Fenton")
    add_asset(grid, parse_line("=SUM(A1); other; Kelderby", grid))
    path = tmp_path / "grid.csv"
    save_grid(grid, path)
    assert "'=SUM" in path.read_text(encoding="utf-8")
    loaded = load_grid(path, DOMAINS)
    assert loaded.assets == grid.assets
    assert sorted(loaded.areas) == sorted(grid.areas)


def test_an_empty_grid_says_every_domain_is_a_gap() -> None:
    grid = new_grid(DOMAINS, ["Riverside", "Kelderby"])
    assert gap_sentences(grid) == ["Nothing yet: all ten domains are gaps in Riverside and Kelderby."]


def test_a_screen_that_numbers_the_domains_gets_a_short_message_for_an_unknown_one() -> None:
    grid = new_grid(DOMAINS, ["Riverside"])
    with pytest.raises(TrainingError) as raised:
        parse_line("Swim club; swimming; Riverside", grid, list_domains=False)
    assert str(raised.value) == ("'swimming' is not one of the ten domains; type its number (1 to 10) "
                                 "or the start of its name, such as 4 or sport.")
