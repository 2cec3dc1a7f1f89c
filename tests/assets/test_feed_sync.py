"""`import --from-feed`: a local server on 127.0.0.1 replays recorded fictional pages, with a 500, a timeout and a bad page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cpi_chat.actions import directory as actions
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.feed import FetchRules
from cpi_chat.errors import AssetImportError

FEEDS = Path(__file__).parent / "data" / "feeds"
QUICK = FetchRules(tries=3, first_pause=0.01, timeout=0.5)


def page(number: int) -> bytes:
    return (FEEDS / f"oruk1_page{number}.json").read_bytes()


@dataclass
class Replay:
    """What the server answers for each page, in turn: bytes, an HTTP status, 'slow' (too slow) or 'bad' (not JSON)."""

    answers: dict[int, list[object]] = field(default_factory=dict)
    asked: list[int] = field(default_factory=list)

    def next_answer(self, number: int) -> object:
        queue = self.answers.get(number, [])
        return queue.pop(0) if len(queue) > 1 else (queue[0] if queue else 404)


@pytest.fixture
def server() -> Iterator[tuple[str, Replay]]:
    replay = Replay()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            number = int(query.get("page", ["1"])[0])
            replay.asked.append(number)
            answer = replay.next_answer(number)
            if answer == "slow":
                time.sleep(1.2)
                answer = page(number)
            if answer == "bad":
                answer = b"<html><body>Service temporarily unavailable</body></html>"
            if isinstance(answer, int):
                self.send_response(answer)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/api/services?per_page=2", replay
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def directory(tmp_path: Path) -> AssetDirectory:
    return AssetDirectory.open(tmp_path / "assets.db")


def sync(directory: AssetDirectory, url: str):  # type: ignore[no-untyped-def]
    return actions.import_feed(directory, url, rules=QUICK, sleep=lambda _seconds: None)


def test_a_paged_feed_is_read_through_a_500_a_timeout_and_a_bad_page(server, directory: AssetDirectory) -> None:  # type: ignore[no-untyped-def]
    url, replay = server
    replay.answers = {1: [page(1)], 2: [500, page(2)], 3: ["slow", "bad", page(3)]}
    report = sync(directory, url)
    assert (len(report.added), len(report.updated), len(report.retired)) == (6, 0, 0)
    assert replay.asked == [1, 2, 2, 3, 3, 3]
    netball = directory.get("6f1c2a3b-0000-4000-8000-000000000001")
    assert netball is not None and netball.origin == url
    assert "Women" in netball.tags and "Ages 18 and over" in netball.tags
    assert netball.accessibility.startswith("In person; Drop in, no need to book")
    assert netball.schedule == "Tuesdays 18:30 to 19:30" and netball.area == "Brackenfold"
    assert directory.search("netball")[0].asset.id == netball.id
    assert directory.index_is_current()


def test_a_second_sync_updates_retires_and_keeps_the_teams_notes(server, directory: AssetDirectory) -> None:  # type: ignore[no-untyped-def]
    url, replay = server
    replay.answers = {1: [page(1)], 2: [page(2)], 3: [page(3)]}
    sync(directory, url)
    knit_id, pets_id = "6f1c2a3b-0000-4000-8000-000000000003", "6f1c2a3b-0000-4000-8000-000000000004"
    for asset_id, note in ((knit_id, "Jo runs it; very welcoming"), (pets_id, "Ask for the quiet dog")):
        asset = directory.get(asset_id)
        assert asset is not None
        actions.edit_asset(directory, replace(asset, notes=note))
    changed = json.loads(page(2))
    changed["content"][0]["description"] = "Bring your knitting. Now on the first and third Wednesday."
    del changed["content"][1]  # the pets visits are no longer listed
    replay.answers = {1: [page(1)], 2: [json.dumps(changed).encode()], 3: [page(3)]}
    report = sync(directory, url)
    assert (len(report.added), len(report.updated), report.unchanged, len(report.retired)) == (0, 1, 4, 1)
    assert "1 retired (kept with the team's notes" in report.summary()
    knit, pets = directory.get(knit_id), directory.get(pets_id)
    assert knit is not None and knit.notes == "Jo runs it; very welcoming" and "third Wednesday" in knit.description
    assert pets is not None and pets.is_retired and pets.notes == "Ask for the quiet dog"
    assert pets_id not in [h.asset.id for h in directory.search("dogs")]


def test_an_interrupted_sync_changes_nothing_and_carries_on_where_it_stopped(server, directory: AssetDirectory) -> None:  # type: ignore[no-untyped-def]
    url, replay = server
    replay.answers = {1: [page(1)], 2: [500], 3: [page(3)]}
    with pytest.raises(AssetImportError, match="could not be read after 3 tries: the server answered 500"):
        sync(directory, url)
    assert directory.count() == 0
    replay.answers = {1: [page(1)], 2: [page(2)], 3: [page(3)]}
    replay.asked.clear()
    report = sync(directory, url)
    assert replay.asked == [2, 3]  # page 1 was kept from the first try
    assert len(report.added) == 6


def test_the_command_line_syncs_and_says_what_changed(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, replay = server
    replay.answers = {1: [page(1)], 2: [page(2)], 3: [page(3)]}
    env = {**os.environ, "CPI_CHAT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "cpi_chat", "assets", "import", "--from-feed", url],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Fetched page 3 of 3 of the feed." in result.stderr
    assert "From the feed: 6 new, 0 changed, 0 unchanged, 0 retired." in result.stdout
    assert "  new: Brackenfold Walking Netball" in result.stdout


@pytest.mark.parametrize(("address", "said"), [
    ("ftp://example.org/services", "is not the address of a feed"),
    ("services.json", "is not the address of a feed"),
])
def test_an_address_that_is_not_a_feed_gets_one_kind_sentence(tmp_path: Path, address: str, said: str) -> None:
    env = {**os.environ, "CPI_CHAT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "cpi_chat", "assets", "import", "--from-feed", address],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 1 and said in result.stderr and "Traceback" not in result.stderr
