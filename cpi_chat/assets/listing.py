"""The directory's active groups as (id, domain, area), read from assets.db with plain sqlite3 and without changing it.

For reports that only count groups: opening the directory with `AssetStore` loads sqlite-utils (and numpy
with it), which costs a report more than reading every group does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cpi_chat.assets.model import TABLE


def active_groups(path: Path) -> list[tuple[str, str, str]] | None:
    """Every asset not retired as (id, domain, area), in the order added; None if the file predates retiring assets."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [(str(row[0]), row[1] or "", row[2] or "") for row in conn.execute(
            f"SELECT id, domain, area FROM {TABLE} WHERE status IS NOT 'retired' ORDER BY rowid")]
    except sqlite3.OperationalError:  # no status column (or no table) yet: AssetStore brings the file up to date
        return None
    finally:
        conn.close()
