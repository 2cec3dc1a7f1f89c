"""Odd and hostile things people type or files hold: huge answers, escape codes, emoji, right-to-left text, SQL, braces, formulas."""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from pathlib import Path

import pytest
from hardening_helpers import cli

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Answer
from cpi_chat.dialogue.loader import TOO_DEEP, parse_flow_file
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.session import Session
from cpi_chat.wording import safe

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[31m\r\x08\x9b"  # no NUL: a command line cannot carry one
RAW_CONTROL = ("\x1b", "\x07", "\x08", "\x00", "\x9b", "\u202e")
HEBREW = "שרה כהן"
ARABIC = "ليلى"
EMOJI = "Ana 🙂🏳️‍🌈"
SQLISH = "Robert'); DROP TABLE people;--"


def has_raw_control(text: str) -> bool:
    return any(c in text for c in RAW_CONTROL)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def started(db: records.PeopleDatabase, engine: Engine, assets: AssetDirectory | None, name: str) -> tuple[Session, object]:
    person = records.add_person(db, name)
    session, turn = Session.start(db, engine, assets, person, "joint")
    turn = session.handle(Answer("1"))  # yes, let's start: the next questions take words
    return session, turn


# --- very long answers --------------------------------------------------------------------------

def test_an_answer_over_a_megabyte_is_saved_and_carried_on_from(people_db, engine: Engine) -> None:
    session, _turn = started(people_db, engine, None, "Ida Test")
    huge = "I like walking. " * 70_000  # about 1.1 MB
    began = time.monotonic()
    for _ in range(3):
        turn = session.handle(Answer(huge))
    assert time.monotonic() - began < 10
    assert turn.reply.prompt is not None
    record = records.get_session(people_db, session.session_id)
    _again, resumed = Session.resume(people_db, engine, None, session.person, record)
    assert resumed.reply.prompt.text == turn.reply.prompt.text
    assert people_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_megabyte_line_in_plain_mode_is_taken_without_a_traceback(data: Path) -> None:
    huge = "x" * 1_200_000
    done = cli(data, "run", "--plain", "--person", "Jo Test", stdin=f"yes\n1\n{huge}\nquit\n")
    assert done.returncode == 0, done.stderr[-500:]
    assert "Traceback" not in done.stderr
    assert "Saved." in done.stdout


# --- escape codes, emoji, right-to-left text and SQL in names and notes -------------------------

@pytest.mark.parametrize("name", [f"Kim{ESCAPES}Test", f"{HEBREW}\u202e", EMOJI, SQLISH, ARABIC])
def test_odd_names_are_kept_exactly_and_never_reach_the_terminal_as_control_codes(data: Path, name: str) -> None:
    added = cli(data, "person", "add", name)
    assert added.returncode == 0, added.stderr
    listed = cli(data, "person", "list")
    assert not has_raw_control(listed.stdout + added.stdout)
    printable = " ".join(safe(name).split())
    assert printable in listed.stdout  # emoji, Hebrew and Arabic letters are kept, only escape codes and controls are dropped
    as_json = json.loads(cli(data, "person", "list", "--json").stdout)
    assert [p["name"] for p in as_json] == [printable]  # saved without them too, so no screen can be changed


def test_every_interface_strips_the_same_control_characters() -> None:
    """One function, cpi_chat.wording.safe: names are saved through it, the CLI and plain mode print through it."""
    from cpi_chat.cli.common import clean
    from cpi_chat.plain.conversation import safe as plain_safe
    from cpi_chat.records.people import safe as name_safe

    sample = "A\x1b[31mB\u202eC\x07"
    assert clean(sample) == plain_safe(sample) == safe(sample) == "ABC"  # whole escape sequences, not just the ESC
    assert name_safe is safe


def test_sql_in_a_name_is_only_text_and_every_table_is_still_there(data: Path) -> None:
    assert cli(data, "person", "add", SQLISH).returncode == 0
    assert cli(data, "goals", "add", SQLISH, "--commitment", "'; DELETE FROM goals; --", "--every", "week").returncode == 0
    conn = sqlite3.connect(str(data / "people.db"))
    try:
        assert conn.execute("SELECT name FROM person").fetchall() == [(SQLISH,)]
        assert conn.execute("SELECT what FROM goal").fetchall() == [("'; DELETE FROM goals; --",)]
    finally:
        conn.close()


def test_escape_codes_in_an_unknown_name_do_not_reach_the_terminal_in_the_error(data: Path) -> None:
    assert cli(data, "person", "add", "Lou Test").returncode == 0
    done = cli(data, "person", "export", f"Lou{ESCAPES}")
    assert done.returncode == 1
    assert not has_raw_control(done.stderr)


def test_escape_codes_typed_in_plain_mode_are_saved_but_never_echoed_raw(data: Path) -> None:
    done = cli(data, "run", "--plain", "--person", f"Max{ESCAPES}", stdin=f"yes\n1\nfilms {ESCAPES} and {EMOJI}\nback\nquit\n")
    assert done.returncode == 0, done.stderr
    assert not has_raw_control(done.stdout + done.stderr)
    assert "Last time you said: films" in done.stdout or "films" in done.stdout
    assert "🙂" in done.stdout


# --- braces that reach templates ----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["{name}", "{0.__class__.__mro__}", "{{", "}", "{goal_what}", "%s %n {}"])
def test_braces_in_answers_and_names_are_shown_as_typed_never_filled_in(people_db, engine: Engine, typed: str) -> None:
    session, _turn = started(people_db, engine, None, f"Ned {typed}")
    shown: list[str] = []
    for _ in range(8):
        turn = session.handle(Answer(typed))
        shown += [*turn.reply.messages, turn.reply.prompt.text if turn.reply.prompt else ""]
        if turn.reply.prompt is None:
            break
    text = "\n".join(shown)
    assert "<class" not in text and "mro" not in text.replace(typed, "")
    if typed in ("{name}", "{goal_what}"):
        assert "Ned Ned" not in text


# --- CSV formula cells and the person export ----------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def test_formula_cells_in_an_import_come_back_neutralised_in_the_export(tmp_path: Path) -> None:
    source = tmp_path / "formulas.csv"
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "domain", "description", "tags", "area", "address", "schedule", "cost", "contact",
                         "accessibility"])
        for number, formula in enumerate(FORMULAS):
            writer.writerow([f"f{number}", formula, "Sport", formula, formula, formula, formula, "Mondays",
                             formula, formula, formula])
    directory = AssetDirectory.open(tmp_path / "assets.db")
    try:
        assert directory.import_file(source).imported == len(FORMULAS)
        exported = tmp_path / "out.csv"
        directory.export_file(exported)
    finally:
        directory.close()
    with exported.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        for column in ("name", "description", "area", "contact"):
            assert not row[column] or row[column][0] not in "=+-@\t\r", (column, row[column])


def test_the_person_export_escapes_html_in_names_and_notes(data: Path, tmp_path: Path) -> None:
    name = "<script>alert(1)</script> Oz"
    assert cli(data, "person", "add", name).returncode == 0
    done = cli(data, "person", "export", name, "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


# --- flow files that are huge or deeply nested --------------------------------------------------

def test_a_huge_flow_file_is_refused_with_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("id: huge\ntitle: Huge\nstart: a\nsteps:\n" + "  - say: " + "blah " * 600_000 + "\n")
    source, problems = parse_flow_file(path)
    assert source is None and "too big" in problems[0].message


@pytest.mark.parametrize("text", ["[" * 50_000, "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000)), "- " * 20_000])
def test_a_deeply_nested_flow_file_is_refused_with_a_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    source, problems = parse_flow_file(path)
    assert source is None and problems


def test_a_flow_file_of_repeated_references_is_refused_quickly_not_expanded(tmp_path: Path) -> None:
    lines = ["id: laughs", "title: Laughs", "start: s", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    lines.append("steps: [*l8]")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    began = time.monotonic()
    source, problems = parse_flow_file(path)
    assert time.monotonic() - began < 2
    assert source is None and any("repeat" in p.message for p in problems)


def test_the_too_deep_problem_is_one_sentence() -> None:
    assert "\n" not in TOO_DEEP and TOO_DEEP.startswith("is nested")


def test_the_shipped_flows_are_nowhere_near_the_repetition_limit() -> None:
    from cpi_chat.dialogue.loader import load_library
    from cpi_chat.paths import shipped_flows_dir

    assert load_library([shipped_flows_dir()]).errors == []


def test_the_demo_town_still_imports_after_all_this(tmp_path: Path) -> None:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    try:
        assert directory.import_file(shipped_assets_dir() / "demo_town.csv").imported > 100
    finally:
        directory.close()


# --- Open Referral files that broke the JSON reader ---


def test_a_deeply_nested_open_referral_file_is_refused_with_a_sentence(tmp_path: Path) -> None:
    from cpi_chat.errors import CpiChatError

    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    directory = AssetDirectory.open(":memory:")
    with pytest.raises(CpiChatError):
        directory.import_file(path, "oruk")



def test_an_open_referral_file_with_a_giant_number_is_refused_or_read(tmp_path: Path) -> None:
    from cpi_chat.errors import CpiChatError

    path = tmp_path / "giant.json"
    path.write_text('{"services":[{"id":"a","name":"b","description":"c","x":' + "9" * 5000 + "}]}")
    directory = AssetDirectory.open(":memory:")
    try:
        directory.import_file(path, "oruk")
    except CpiChatError:
        pass


def test_a_deeply_nested_open_referral_file_through_the_command_is_one_message_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    done = cli(tmp_path / "data", "assets", "import", str(path), "--format", "oruk")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_flow_path_that_never_ends_is_refused_without_reading_it_all() -> None:
    began = time.monotonic()
    source, problems = parse_flow_file(Path("/dev/zero"))
    assert source is None and "too big" in problems[0].message
    assert time.monotonic() - began < 2
