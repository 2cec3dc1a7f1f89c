"""The one private-file writer: owner-only whatever the umask, all at once, never through a link or over another's file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat.errors import Refused
from cpi_chat.private_files import private_file, write_private_file

MARK = "<title>My plan: "


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022, 0o277], ids=["umask-000", "umask-022", "umask-277"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_a_new_file_and_its_new_folder_are_owner_only_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    path = write_private_file(tmp_path / "new" / "plan.html", f"{MARK}Sam</title>")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert path.read_text(encoding="utf-8") == f"{MARK}Sam</title>"


def test_line_endings_are_kept_as_given(tmp_path: Path) -> None:
    path = write_private_file(tmp_path / "plan.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert path.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_a_file_written_before_is_replaced_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    write_private_file(path, f"{MARK}first</title>", replaces=MARK)
    path.chmod(0o644)  # loosened by hand: the new file is owner-only again
    write_private_file(path, f"{MARK}second</title>", replaces=MARK)
    assert path.read_text(encoding="utf-8") == f"{MARK}second</title>" and mode(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]


def test_a_file_cpi_chat_did_not_write_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    theirs = tmp_path / "notes.html"
    theirs.write_text("my own notes", encoding="utf-8")
    with pytest.raises(Refused, match="already exists and was not written by cpi-chat"):
        write_private_file(theirs, f"{MARK}Sam</title>", replaces=MARK)
    assert theirs.read_text(encoding="utf-8") == "my own notes"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.html"]


def test_without_a_mark_nothing_existing_is_ever_replaced(tmp_path: Path) -> None:
    path = write_private_file(tmp_path / "people-1.db", b"first")
    with pytest.raises(Refused):
        write_private_file(path, b"second")
    assert path.read_bytes() == b"first"


def test_a_link_is_refused_and_the_file_it_points_to_is_untouched(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text(f"{MARK}someone else</title>", encoding="utf-8")
    link = tmp_path / "plan.html"
    link.symlink_to(elsewhere)
    with pytest.raises(Refused, match="is a link to another file"):
        write_private_file(link, f"{MARK}Sam</title>", replaces=MARK)
    assert link.is_symlink() and elsewhere.read_text(encoding="utf-8") == f"{MARK}someone else</title>"


def test_a_dangling_link_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "plan.html"
    link.symlink_to(tmp_path / "not-there.html")
    with pytest.raises(Refused):
        write_private_file(link, "x")
    assert not (tmp_path / "not-there.html").exists()


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.html").mkdir()
    with pytest.raises(Refused, match="not an ordinary file"):
        write_private_file(tmp_path / "plan.html", "x", replaces=MARK)


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    path = write_private_file(tmp_path / "plan.html", f"{MARK}good</title>")
    with pytest.raises(RuntimeError), private_file(path, replaces=MARK) as temporary:
        temporary.write_text("half a pa", encoding="utf-8")
        raise RuntimeError("the disk filled up")
    assert path.read_text(encoding="utf-8") == f"{MARK}good</title>"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]


def test_a_link_put_in_place_while_writing_is_still_refused(tmp_path: Path) -> None:
    path, elsewhere = tmp_path / "plan.html", tmp_path / "elsewhere"
    elsewhere.write_text("keep me", encoding="utf-8")
    with pytest.raises(Refused), private_file(path) as temporary:
        temporary.write_text(f"{MARK}Sam</title>", encoding="utf-8")
        path.symlink_to(elsewhere)
    assert elsewhere.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "plan.html"]
