"""The demo: a throwaway data folder holding the fictional town of Hollinbridge and fictional people."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cpi_chat.actions import people, pin
from cpi_chat.actions.directory import load_demo_directory
from cpi_chat.dialogue.transcripts import load_transcript
from cpi_chat.paths import Paths, resolve_paths
from cpi_chat.records.model import CommunicationNeeds
from cpi_chat.session import Session
from cpi_chat.workspace import Workspace


@dataclass(frozen=True)
class DemoPerson:
    """A fictional person in the demo, and the transcript (if any) of a session they already had."""

    name: str
    needs: CommunicationNeeds
    transcript: str = ""
    about: str = ""
    persona: str = ""  # the transcript a trainer plays step by step (`cpi-chat training play`)
    pronoun: str = "they"  # for a trainer told to "answer as she would" when taking over


DEMO_PEOPLE = (
    DemoPerson(
        "Dan Mercer", CommunicationNeeds(), "joint_kickboxing_and_5k.yaml",
        "Low after depression, personal budget under review; commits to weekly kick-boxing and a 5 km run.",
        "persona_dan_kickboxing_and_5k.yaml", pronoun="he",
    ),
    DemoPerson(
        "Joyce Whitlow", CommunicationNeeds(large_print=True, high_contrast=True, larger_spacing=True), "persona_joyce_farming_friends.yaml",
        "72, widowed, poor sight, one bus a day; goes back to the farming community and out twice a week.",
        "persona_joyce_farming_friends.yaml", pronoun="she",
    ),
    DemoPerson(
        "Callum Reid", CommunicationNeeds(easy_read=True), "persona_callum_football_and_reading.yaml",
        "Learning disability, easy read; loves football and reading; inclusive football with a buddy and a library club.",
        "persona_callum_football_and_reading.yaml", pronoun="he",
    ),
)


DEMO_PIN = "1234"  # every demo person's own PIN for checking in alone (a real PIN is chosen by the person)
DEMO_PIN_HINT = f"In the demo, everyone's PIN is {DEMO_PIN}."


def make_demo_paths(base: Path | None = None) -> Paths:
    """Paths for a new throwaway demo folder (never the real data folder)."""
    folder = Path(tempfile.mkdtemp(prefix="cpi-chat-demo-", dir=base))
    return resolve_paths(data_dir=folder, environ={})


def fill_demo(workspace: Workspace, today: date | None = None) -> None:
    """Load the demo town and the fictional people, playing each one's earlier session through the real session code."""
    if workspace.assets.is_empty():
        load_demo_directory(workspace.assets)
    db = workspace.db
    transcripts = workspace.paths.flows_dir / "transcripts"
    for demo in DEMO_PEOPLE:
        person = people.add_person(workspace, demo.name, demo.needs)
        pin.set_pin(workspace, person.id, DEMO_PIN, DEMO_PIN)  # so a check-in on their own can be tried
        if demo.transcript:
            script = load_transcript(transcripts / demo.transcript)
            session, turn = Session.start(db, workspace.engine, workspace.assets, person, "joint", script.flow, today=today)
            for step in script.turns:
                if turn.finished:
                    break
                turn = session.handle(step.event())
