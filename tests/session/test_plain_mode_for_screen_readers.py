"""Plain mode read aloud: every line of the case study says something in words, and the words to type come once."""

from __future__ import annotations

import re

from cpi_chat import records
from cpi_chat.plain import PlainConversation, PlainIO, open_session
from cpi_chat.workspace import Workspace
from tests.plain_typing import case_study_lines

WORD = re.compile(r"[^\W\d_]{2,}")  # two letters together: "1." or "■ ■ ‖" alone is read as noise


def play_case_study(workspace: Workspace) -> list[str]:
    """The whole case study typed in plain mode; everything written, line by line."""
    records.add_person(workspace.db, "Dan Test")
    typed = iter(["yes", *case_study_lines()])
    shown: list[str] = []
    io = PlainIO(read=lambda _prompt: next(typed, None), write=lambda text: shown.extend(text.splitlines() or [""]))
    opened = open_session(workspace, io, "Dan Test", "joint")
    assert opened is not None
    assert PlainConversation(opened[0], io).run(opened[1]) == "finished"
    return shown


def test_every_line_of_the_case_study_has_words_in_it(workspace: Workspace) -> None:
    shown = play_case_study(workspace)
    wordless = [line for line in shown if line.strip() and not WORD.search(line)]
    assert wordless == [], "a screen reader would read these as noise"
    assert "You've done really well today" in " ".join(shown)


def test_the_words_to_type_are_said_once_not_after_every_question(workspace: Workspace) -> None:
    shown = play_case_study(workspace)
    hints = [line for line in shown if "back, skip, help, stop or quit" in line]
    assert len(hints) == 1, hints
