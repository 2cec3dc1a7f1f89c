"""For people who write the conversations: check flow files, draw one, play the transcripts, the JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cpi_chat.errors import FlowError

if TYPE_CHECKING:
    from cpi_chat.dialogue.library import FlowLibrary
    from cpi_chat.dialogue.transcripts import TranscriptResult


def check_flows(paths: list[Path]) -> tuple[list[Path], FlowLibrary]:
    """The flow files named (or in the folders named) and everything found wrong with them, errors and warnings."""
    from cpi_chat.dialogue.loader import flow_files, load_library

    files = flow_files(paths)
    return files, load_library(files)


def flow_schema() -> dict[str, Any]:
    """The JSON Schema of a flow file, for editors that complete and check YAML."""
    from cpi_chat.dialogue.model import flow_json_schema

    return flow_json_schema()


def flow_diagram(flows_dir: Path, flow_id: str) -> str:
    """One flow as a Mermaid diagram; refused with the names of the flows there are when there is no such flow."""
    from cpi_chat.dialogue.graph import mermaid
    from cpi_chat.dialogue.loader import load_library

    library = load_library([flows_dir], check=False)
    source = library.sources.get(flow_id)
    if source is None:
        known = ", ".join(sorted(library.sources)) or "none"
        raise FlowError(f"There is no flow called '{flow_id}'. The flows are: {known}.")
    return mermaid(source.flow)


def play_transcripts(flows_dir: Path, paths: list[Path]) -> list[TranscriptResult]:
    """Play each transcript (default: flows/transcripts/) through the flows; each result says what no longer happens."""
    from cpi_chat.dialogue.engine import Engine
    from cpi_chat.dialogue.loader import load_flows
    from cpi_chat.dialogue.transcripts import load_transcript, run_transcript

    engine = Engine(load_flows(flows_dir))
    files = _transcript_files(paths or [flows_dir / "transcripts"])
    if not files:
        raise FlowError("No transcript files were found; they live in flows/transcripts/.")
    return [run_transcript(engine, load_transcript(path), str(path)) for path in files]


def _transcript_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"}))
        elif path.exists():
            found.append(path)
        else:
            raise FlowError(f"The transcript {path} does not exist.")
    return found
