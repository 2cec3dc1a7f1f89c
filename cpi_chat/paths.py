"""Where cpi-chat keeps its data and finds its flows: pure functions, no I/O at import."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "cpi_chat"


def default_data_dir() -> Path:
    """The per-user data directory for this operating system."""
    import platformdirs  # only when no folder is given: a command with --data-dir never asks

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def shipped_dir(name: str) -> Path:
    """A folder that comes with cpi-chat ("flows" or "assets_db"), wherever cpi-chat is installed.

    The wheel carries the repository's top-level folders inside the package; a source checkout
    (an editable install) keeps reading the repository's own, where trainers edit them.
    """
    package = Path(__file__).resolve().parent  # as importlib.resources finds it, without loading zipfile for it
    if (package / name).is_dir():
        return package / name
    return package.parent / name


def shipped_flows_dir() -> Path:
    """The flows that come with cpi-chat."""
    return shipped_dir("flows")


def shipped_assets_dir() -> Path:
    """The domains, synonyms and demo directory that come with cpi-chat."""
    return shipped_dir("assets_db")


@dataclass(frozen=True)
class Paths:
    """Every location cpi-chat reads or writes, resolved once from options and environment."""

    data_dir: Path
    assets_db: Path
    flows_dir: Path

    @property
    def people_db(self) -> Path:
        return self.data_dir / "people.db"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    assets_db: str | os.PathLike[str] | None = None,
    flows_dir: str | os.PathLike[str] | None = None,
    environ: dict[str, str] | None = None,
) -> Paths:
    """Options win over environment variables, which win over the per-user defaults."""
    env = os.environ if environ is None else environ
    data = Path(data_dir or env.get("CPI_CHAT_DATA_DIR") or default_data_dir())
    assets = Path(assets_db or env.get("CPI_CHAT_ASSETS_DB") or data / "assets.db")
    flows = Path(flows_dir or env.get("CPI_CHAT_FLOWS") or shipped_flows_dir())
    return Paths(data_dir=data.expanduser(), assets_db=assets.expanduser(), flows_dir=flows.expanduser())
