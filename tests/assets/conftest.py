"""Fixtures for the asset directory tests: the shipped domains, a small synonyms file, a small town."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.lexicon import Lexicon, load_domains, load_synonyms
from cpi_chat.paths import shipped_assets_dir

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon(load_domains(shipped_assets_dir() / "domains.yaml"), load_synonyms(DATA / "synonyms.yaml"))


@pytest.fixture
def empty_directory(lexicon: Lexicon) -> AssetDirectory:
    return AssetDirectory.open(":memory:", lexicon=lexicon)


@pytest.fixture
def town(empty_directory: AssetDirectory) -> AssetDirectory:
    """Ten fictional assets with confusers: two football groups, a boxing gym and a kick-boxing class."""
    empty_directory.import_file(DATA / "mini_town.csv", bad_rows="refuse")
    return empty_directory


def write(tmp_path: Path, text: str, name: str = "assets.csv", encoding: str = "utf-8") -> Path:
    """Write a file for a test and return its path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path
