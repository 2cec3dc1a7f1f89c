"""cpi-chat installs as an ordinary package: every module and the shipped flows and directory go in the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

from cpi_chat.paths import shipped_assets_dir, shipped_flows_dir

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_in_the_source_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    in_source = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "cpi_chat").rglob("__init__.py")}
    assert in_source - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_a_checkout_reads_the_repositorys_own_flows_and_directory_files() -> None:
    assert shipped_flows_dir() == ROOT / "flows"
    assert shipped_assets_dir() == ROOT / "assets_db"
    assert (shipped_assets_dir() / "demo_town.csv").is_file()
