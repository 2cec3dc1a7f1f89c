"""Plain mode says it is getting the directory ready, instead of stalling at the first suggestion."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.plain.starting import ready_to_search


class Lines:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, text: str) -> None:
        self.written.append(text)


def test_a_stale_index_is_rebuilt_before_the_conversation_with_words_said(tmp_path: Path) -> None:
    path = tmp_path / "assets.db"
    directory = AssetDirectory.open(path)
    load_demo_directory(directory)
    with sqlite3.connect(path) as conn:  # someone edited the file with another tool
        conn.execute("update assets set name = 'Walking Netball' where id = 'walking-football-riverside'")
    io = Lines()
    ready_to_search(directory, io)
    assert io.written[0] == "Getting the directory ready for searching..."
    assert io.written[-1] == "The directory is ready."
    assert directory.index_is_current()


def test_nothing_is_said_when_the_index_is_ready(tmp_path: Path) -> None:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    load_demo_directory(directory)
    io = Lines()
    ready_to_search(directory, io)
    assert io.written == []
