"""The demo personas a trainer can play: finding one by name and opening a throwaway workspace for it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cpi_chat.actions.directory import load_demo_directory
from cpi_chat.demo import DEMO_PEOPLE, DemoPerson, make_demo_paths
from cpi_chat.dialogue.transcripts import Transcript, load_transcript
from cpi_chat.training import TrainingError
from cpi_chat.workspace import Workspace


def personas() -> list[DemoPerson]:
    """The demo people who have a scripted session a trainer can play."""
    return [p for p in DEMO_PEOPLE if p.persona]


def find_persona(name: str) -> DemoPerson:
    """The persona whose full name or first name is `name` (any case), or TrainingError listing them."""
    wanted = name.strip().lower()
    for persona in personas():
        full = persona.name.lower()
        if wanted and (wanted == full or wanted == full.split()[0]):
            return persona
    names = ", ".join(p.name.split()[0] for p in personas())
    raise TrainingError(f"There is no training persona called '{name[:40]}'; choose one of: {names}.")


def persona_script(persona: DemoPerson, flows_dir: Path) -> Transcript:
    """The scripted session a trainer plays for this persona."""
    return load_transcript(flows_dir / "transcripts" / persona.persona)


@contextmanager
def training_workspace(base: Path | None = None, keep: bool = False, with_town: bool = True) -> Iterator[Workspace]:
    """A workspace in a new throwaway folder (never the real data folder), removed afterwards unless kept."""
    paths = make_demo_paths(base)
    workspace = Workspace(paths, training=True)
    try:
        if with_town:
            load_demo_directory(workspace.assets)
        yield workspace
    finally:
        workspace.close()
        if not keep:
            shutil.rmtree(paths.data_dir, ignore_errors=True)
