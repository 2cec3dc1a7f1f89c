"""Fetching a published Open Referral UK feed page by page: the only network call cpi-chat makes.

Only `cpi-chat assets import --from-feed URL` (through `actions.directory.import_feed`) calls
`fetch_feed`. Each page is kept in assets.db as it arrives, so an interrupted sync starts again
where it stopped; retries are polite (a pause that doubles, and a server's Retry-After is honoured).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from cpi_chat.assets.oruk import page_count, read_documents, service_list
from cpi_chat.errors import AssetImportError

USER_AGENT = "cpi-chat (Connecting People Intervention directory sync)"
MAX_PAGES = 5000
MAX_PAGE_BYTES = 50_000_000
PageProgress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class FetchRules:
    """How patient a sync is: tries per page, the first pause between them, and the time allowed for an answer."""

    tries: int = 4
    first_pause: float = 2.0
    timeout: float = 30.0
    longest_pause: float = 60.0


def page_url(url: str, page: int) -> str:
    """The feed's address asking for one page (`page=N`, keeping every other parameter)."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.append(("page", str(page)))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def check_feed_address(url: str) -> str:
    """The address tidied, or one sentence saying why it cannot be a feed."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise AssetImportError(
            f"'{url[:80]}' is not the address of a feed; it should start with https://, "
            "for example https://example.org/api/services"
        )
    return url


def _pause(seconds: float, rules: FetchRules, sleep: Callable[[float], None]) -> None:
    sleep(min(seconds, rules.longest_pause))


def fetch_page(url: str, rules: FetchRules, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """One page's bytes, tried again politely after a server error, a timeout or a page that is not JSON."""
    pause = rules.first_pause
    problem = ""
    for attempt in range(1, rules.tries + 1):
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=rules.timeout) as response:
                body = response.read(MAX_PAGE_BYTES + 1)
            if len(body) > MAX_PAGE_BYTES:
                raise AssetImportError(f"A page of the feed is bigger than {MAX_PAGE_BYTES // 1_000_000} MB; nothing was changed.")
            json.loads(body.decode("utf-8-sig", errors="replace"))
            return body
        except urllib.error.HTTPError as error:
            if error.code in (401, 403, 404, 410):
                raise AssetImportError(
                    f"The feed answered '{error.code} {error.reason}' for {url}; check the address. Nothing was changed."
                ) from None
            problem = f"the server answered {error.code}"
            retry_after = error.headers.get("Retry-After", "") if error.headers else ""
            if retry_after.isdigit():
                pause = max(pause, float(retry_after))
        except TimeoutError:
            problem = "it took too long to answer"
        except urllib.error.URLError as error:
            problem = f"it could not be reached ({getattr(error.reason, 'strerror', None) or error.reason})"
        except (ValueError, UnicodeDecodeError):
            problem = "a page was not valid JSON"
        except OSError as error:
            problem = f"the connection failed ({error.strerror or type(error).__name__})"
        if attempt < rules.tries:
            _pause(pause, rules, sleep)
            pause *= 2
    raise AssetImportError(
        f"The feed could not be read after {rules.tries} tries: {problem}. The pages already fetched are kept, "
        "so running the same command again carries on from there."
    )


def fetch_feed(
    db: sqlite_utils.Database, url: str, rules: FetchRules | None = None, progress: PageProgress | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[object]:
    """Every service of the feed at `url`, fetching only the pages not already kept from an interrupted sync."""
    rules = rules or FetchRules()
    kept = {page: body for page, body in db.execute("select page, body from feed_page where origin = ?", [url])}
    services: list[object] = []
    total: int | None = None
    page = 1
    first_ids: tuple[str, ...] = ()
    while page <= MAX_PAGES:
        body = kept.get(page)
        if body is None:
            body = fetch_page(page_url(url, page), rules, sleep)
            with db.atomic():
                db.execute("insert or replace into feed_page (origin, page, body) values (?, ?, ?)", [url, page, body])
        found: list[object] = []
        last = False
        for document in read_documents(bytes(body).decode("utf-8-sig", errors="replace"), f"page {page} of the feed"):
            found.extend(service_list(document))
            total = page_count(document) or total
            last = last or (isinstance(document, dict) and document.get("last") is True)
        ids = tuple(str(s.get("id")) for s in found[:5] if isinstance(s, dict))
        if page > 1 and ids and ids == first_ids:
            break  # a server that ignores `page` sends the first page again: it was the only one
        first_ids = first_ids or ids
        services.extend(found)
        if progress is not None:
            progress(page, total)
        if not found or last or (total is not None and page >= total) or (total is None and page == 1 and not _says_paged(body)):
            break
        page += 1
    return services


def _says_paged(body: bytes) -> bool:
    """True when a page says it is one of several (a bare list of services is the whole feed)."""
    text = bytes(body[:2000]).decode("utf-8", errors="replace").lower()
    return any(word in text for word in ('"totalpages"', '"total_pages"', '"last"', '"last_page"', '"next"'))


def forget_pages(db: sqlite_utils.Database, url: str) -> None:
    """Drop the kept pages of a finished sync."""
    db.execute("delete from feed_page where origin = ?", [url])
