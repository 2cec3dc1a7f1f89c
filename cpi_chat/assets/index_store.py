"""The search index kept inside assets.db, so every process starts searching at once.

Each term has one row: how many assets hold it and, from the last full build, the positions
of those assets and where in each the term is (numpy arrays stored as blobs). Changes since
the build are rows of `search_recent`; a changed asset gets a new position and its old one is
marked dead. Every change is written in the same transaction as the asset it indexes, and a
full rebuild is one transaction too: a `kill -9` leaves the old index or the new one.

Triggers on `assets` count every change (`directory_version`); the index records the count it
was built for, the lexicon it was built with and `INDEX_FORMAT`. Any difference (an edit made
with another tool, a team's new synonyms, a newer cpi-chat) makes the index stale, and it is
rebuilt before the next search. An index that cannot be read is rebuilt the same way.
"""

from __future__ import annotations

import itertools
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from cpi_chat.assets.batch_terms import NAME_COLUMN, BatchTermExtractor
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import fold
from cpi_chat.assets.store import indexes_built_after
from cpi_chat.assets.terms import AssetTerms

INDEX_FORMAT = "5"  # change it whenever terms, stemming or these tables change: every index is rebuilt
POSITION_BITS = 22  # up to 4 million asset versions between two rebuilds
_POSITION_MASK = (1 << POSITION_BITS) - 1
_CHUNK = 4_000_000
Progress = Callable[[int, int], None]
EMPTY_POSITIONS = np.zeros(0, dtype=np.int32)
EMPTY_CODES = np.zeros(0, dtype=np.uint8)
EMPTY_IDS = np.zeros(0, dtype=np.int64)


def grams(spelling: str) -> set[str]:
    """The letter trigrams of a word, with its start and end marked."""
    padded = f"^{spelling}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _joined(pieces: list[np.ndarray]) -> np.ndarray:
    """The pieces end to end, each let go once copied (so memory holds one copy, not two)."""
    joined = np.empty(sum(len(piece) for piece in pieces), dtype=np.int64)
    start = 0
    while pieces:
        piece = pieces.pop(0)
        joined[start:start + len(piece)] = piece
        start += len(piece)
    return joined


def _typo_candidate(spelling: str) -> bool:
    return len(spelling) >= 3 and spelling.isalpha()


class IndexDamaged(Exception):
    """The saved index does not hold together (a damaged file): it is rebuilt, never trusted."""


@dataclass(frozen=True)
class IndexState:
    """What an index was built from, to tell whether it still fits the directory."""

    format: str
    fingerprint: str
    built_from: int


class IndexStore:
    """Reads and writes the index tables of one assets.db (the caller holds the transaction)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # State --------------------------------------------------------------------------------

    def directory_changes(self) -> int:
        """How many changes the assets table has seen (counted by triggers)."""
        row = self.db.execute("select changes from directory_version where id = 1").fetchone()
        return int(row[0]) if row else 0

    def state(self) -> IndexState | None:
        """What the index was built from, or None when there is none."""
        values = dict(self.db.execute("select key, value from search_state").fetchall())
        if not {"format", "fingerprint", "built_from"} <= values.keys():
            return None
        return IndexState(values["format"], values["fingerprint"], int(values["built_from"]))

    def is_current(self, fingerprint: str) -> bool:
        """True when the index fits the directory as it is now, the lexicon and this version of cpi-chat."""
        try:
            state = self.state()
            return state == IndexState(INDEX_FORMAT, fingerprint, self.directory_changes())
        except sqlite3.DatabaseError:
            return False

    def forget(self) -> None:
        """Mark the index stale, so the next search rebuilds it."""
        self.db.conn.execute("delete from search_state")

    def mark_current(self, fingerprint: str) -> None:
        """Record that the index now fits the directory (inside the transaction that changed both)."""
        values = {"format": INDEX_FORMAT, "fingerprint": fingerprint, "built_from": str(self.directory_changes())}
        self.db.conn.executemany("insert or replace into search_state (key, value) values (?, ?)", values.items())

    # Reading --------------------------------------------------------------------------------

    def slot_count(self) -> int:
        """One more than the highest position used."""
        row = self.db.execute("select max(position) from search_slot").fetchone()
        return 0 if row[0] is None else int(row[0]) + 1

    def dead_positions(self) -> np.ndarray:
        """The positions whose asset changed or went since the last rebuild (few: a rebuild clears them)."""
        dead = [row[0] for row in self.db.execute("select position from search_slot where alive = 0")]
        return np.asarray(dead, dtype=np.int32)

    def alive_count(self) -> int:
        """How many assets are indexed (counting the few dead positions is quicker than the many live ones)."""
        dead = int(self.db.execute("select count(*) from search_slot where alive = 0").fetchone()[0])
        return self.slot_count() - dead

    def terms(self, wanted: Iterable[str]) -> dict[str, tuple[int, int, bool]]:
        """For each known term: its row id, how many assets hold it, and whether somebody wrote it as a word."""
        found: dict[str, tuple[int, int, bool]] = {}
        wanted = list(dict.fromkeys(wanted))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for term, id_, frequency, written in self.db.execute(
                f"select term, id, frequency, written from search_term where term in ({marks})", chunk
            ):
                found[term] = (id_, frequency, bool(written))
        return found

    def postings(self, term_ids: Sequence[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """For each term id: the positions holding it (ascending) and the code of each."""
        result: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        if not term_ids:
            return result
        marks = ",".join("?" * len(term_ids))
        for id_, positions, codes in self.db.execute(
            f"select id, positions, codes from search_term where id in ({marks})", list(term_ids)
        ):
            positions, codes = positions or b"", codes or b""
            if len(positions) != 4 * len(codes):
                raise IndexDamaged(f"term {id_}")
            result[id_] = (
                np.frombuffer(positions, dtype=np.int32) if positions else EMPTY_POSITIONS,
                np.frombuffer(codes, dtype=np.uint8) if codes else EMPTY_CODES,
            )
        recent: dict[int, tuple[list[int], list[int]]] = {}
        for id_, position, code in self.db.execute(
            f"select term_id, position, code from search_recent where term_id in ({marks}) order by term_id, position",
            list(term_ids),
        ):
            lists = recent.setdefault(id_, ([], []))
            lists[0].append(position)
            lists[1].append(code)
        for id_, (positions, codes) in recent.items():
            old_positions, old_codes = result.get(id_, (EMPTY_POSITIONS, EMPTY_CODES))
            # New positions are always higher than built ones, so the joined array stays in order.
            result[id_] = (
                np.concatenate([old_positions, np.asarray(positions, dtype=np.int32)]),
                np.concatenate([old_codes, np.asarray(codes, dtype=np.uint8)]),
            )
        return result

    def fact_positions(self, fact: str) -> np.ndarray:
        """The positions holding one "@..." fact term."""
        found = self.terms([fact]).get(fact)
        if found is None:
            return EMPTY_POSITIONS
        return self.postings([found[0]]).get(found[0], (EMPTY_POSITIONS, EMPTY_CODES))[0]

    def facts_starting(self, prefix: str) -> list[str]:
        """Every fact term that starts with `prefix` and some asset still holds."""
        rows = self.db.execute(
            "select term from search_term where term >= ? and term < ? and frequency > 0", [prefix, prefix + "\uffff"]
        )
        return [row[0] for row in rows]

    def written_terms_starting(self, prefix: str, limit: int = 400) -> list[tuple[str, int]]:
        """Terms somebody wrote as a word that begin with `prefix`, with how many assets hold them."""
        rows = self.db.execute(
            "select term, frequency from search_term where term > ? and term < ? and written = 1 and frequency > 0 "
            "order by term limit ?",
            [prefix, prefix + "\uffff", limit],
        )
        return [(row[0], int(row[1])) for row in rows]

    def spellings_sharing_grams(self, word: str, most_shared_by: int) -> list[tuple[str, str, int]]:
        """Spellings sharing letter trigrams with `word`, most shared first: (spelling, the terms it means, shared)."""
        wanted = sorted(grams(word))
        marks = ",".join("?" * len(wanted))
        lists = []
        for blob, in self.db.execute(f"select spellings from search_gram where gram in ({marks})", wanted):
            ids = np.frombuffer(blob, dtype=np.int32)
            if len(ids) <= most_shared_by:
                lists.append(ids)
        recent = [row[0] for row in self.db.execute(f"select spelling_id from search_gram_recent where gram in ({marks})", wanted)]
        if recent:
            lists.append(np.asarray(recent, dtype=np.int32))
        if not lists:
            return []
        ids, counts = np.unique(np.concatenate(lists), return_counts=True)
        top = np.argsort(-counts, kind="stable")[:40]
        chosen = {int(ids[i]): int(counts[i]) for i in top}
        marks = ",".join("?" * len(chosen))
        rows = self.db.execute(f"select id, spelling, terms from search_spelling where id in ({marks})", list(chosen))
        found = [(spelling, terms, chosen[id_]) for id_, spelling, terms in rows]
        return sorted(found, key=lambda row: -row[2])

    def names(self, positions: Sequence[int]) -> dict[int, tuple[str, str]]:
        """The asset id and folded name at each position."""
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(positions), 500):
            chunk = list(positions[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for position, asset_id, name in self.db.execute(
                f"select position, asset_id, name from search_slot where position in ({marks})", chunk
            ):
                found[position] = (asset_id, name)
        return found

    def by_name(self, allowed: np.ndarray | None, limit: int) -> list[str]:
        """The ids of the first `limit` current assets in name order, among the `allowed` positions."""
        found: list[str] = []
        for position, asset_id in self.db.execute("select position, asset_id from search_slot where alive = 1 order by name, position"):
            if allowed is None or (position < len(allowed) and allowed[position]):
                found.append(asset_id)
                if len(found) >= limit:
                    break
        return found

    # Changing one asset ------------------------------------------------------------------------

    def add(self, asset: Asset, found: AssetTerms) -> None:
        """Index one asset at a new position (its old position, if any, must be removed first)."""
        conn = self.db.conn
        position = self.slot_count()
        conn.execute(
            "insert into search_slot (position, asset_id, name, alive) values (?, ?, ?, 1)",
            [position, asset.id, fold(asset.name)],
        )
        codes = {**found.codes, **{fact: 0 for fact in found.facts}}
        conn.executemany(
            "insert into search_term (term, frequency, written) values (?, 1, ?) "
            "on conflict (term) do update set frequency = frequency + 1, written = max(written, excluded.written)",
            [(term, int(term in found.written)) for term in codes],
        )
        ids = {term: row[0] for term, row in self.terms(codes).items()}
        conn.executemany(
            "insert into search_recent (term_id, position, code) values (?, ?, ?)",
            [(ids[term], position, code) for term, code in codes.items()],
        )
        self._add_spellings([(term, term) for term in found.written] + list(found.spellings))

    def _add_spellings(self, pairs: list[tuple[str, str]]) -> None:
        conn = self.db.conn
        for spelling, term in pairs:
            row = conn.execute("select id, terms from search_spelling where spelling = ?", [spelling]).fetchone()
            if row is None:
                cursor = conn.execute("insert into search_spelling (spelling, terms) values (?, ?)", [spelling, term])
                if _typo_candidate(spelling):
                    conn.executemany(
                        "insert into search_gram_recent (gram, spelling_id) values (?, ?)",
                        [(gram, cursor.lastrowid) for gram in grams(spelling)],
                    )
            elif term not in row[1].split():
                conn.execute("update search_spelling set terms = ? where id = ?", [f"{row[1]} {term}", row[0]])

    def remove(self, asset_id: str, found: AssetTerms) -> bool:
        """Mark an asset's position dead and take its terms off the counts; True if it was indexed."""
        conn = self.db.conn
        cursor = conn.execute("update search_slot set alive = 0 where asset_id = ? and alive = 1", [asset_id])
        if cursor.rowcount == 0:
            return False
        conn.executemany(
            "update search_term set frequency = max(0, frequency - 1) where term = ?",
            [(term,) for term in (*found.codes, *found.facts)],
        )
        return True

    def dead_share(self) -> float:
        """The share of positions that are dead (a rebuild makes it nothing again)."""
        size = self.slot_count()
        return 0.0 if not size else 1 - self.alive_count() / size

    # Building everything ------------------------------------------------------------------------

    def rebuild(self, batches: Iterable[Sequence[Sequence[str]]], total: int, lexicon: Lexicon, progress: Progress | None = None) -> int:
        """Index afresh every asset in `batches` of `BATCH_COLUMNS` rows (the caller holds one transaction round this).

        Returns how many assets were indexed; `progress(done, total)` is told as it starts and after each batch.
        """
        conn = self.db.conn
        with indexes_built_after(conn, "search_slot"):
            for table in ("search_term", "search_recent", "search_slot", "search_spelling", "search_gram", "search_gram_recent"):
                conn.execute(f"delete from {table}")
            if progress is not None:
                progress(0, total)  # words on screen at once, not after the first batch
            extractor = BatchTermExtractor(lexicon)
            packed: list[np.ndarray] = []
            written: list[np.ndarray] = []
            spelled: list[np.ndarray] = []
            position = 0
            for rows in batches:
                found = extractor.terms(rows)
                packed.append(found.terms << (POSITION_BITS + 5) | (found.assets + position) << 5 | found.codes)
                written.append(found.written)
                spelled.append(found.spelled)
                conn.executemany(
                    "insert into search_slot (position, asset_id, name, alive) values (?, ?, ?, 1)",
                    zip(itertools.count(position), (row[0] for row in rows), map(fold, (row[NAME_COLUMN] for row in rows))),
                )
                position += len(rows)
                if position > _POSITION_MASK:
                    raise ValueError("the directory holds more than four million assets")
                if progress is not None:
                    progress(position, total)
        terms = np.unique(np.concatenate([EMPTY_IDS, *written]))
        self._write_postings(_joined(packed), extractor.names, terms)
        words = np.unique(np.concatenate([EMPTY_IDS, *spelled]))
        self._write_spellings({extractor.names[term] for term in terms.tolist()}, extractor.spellings(words))
        if progress is not None:
            progress(total, total)
        return position

    def _write_postings(self, everything: np.ndarray, names: list[str], written: np.ndarray) -> None:
        """Write each term's row: how many assets hold it, whether it was written as a word, and its postings."""
        everything.sort()
        count = len(everything)
        positions = np.empty(count, dtype=np.int32)
        codes = np.empty(count, dtype=np.uint8)
        per_term = np.zeros(len(names), dtype=np.int64)
        for start in range(0, count, _CHUNK):
            chunk = everything[start:start + _CHUNK]
            per_term += np.bincount(chunk >> (POSITION_BITS + 5), minlength=len(names))
            positions[start:start + len(chunk)] = (chunk >> 5) & _POSITION_MASK
            codes[start:start + len(chunk)] = chunk & 31
        del everything
        ends = np.cumsum(per_term)
        held = np.flatnonzero(per_term)
        is_written = np.isin(held, written)

        def rows() -> Iterable[tuple[int, str, int, int, bytes, bytes]]:
            for term, end, count, written_as_word in zip(held.tolist(), ends[held].tolist(), per_term[held].tolist(), is_written.tolist()):
                yield (term + 1, names[term], count, int(written_as_word),
                       positions[end - count:end].tobytes(), codes[end - count:end].tobytes())

        self.db.conn.executemany(
            "insert into search_term (id, term, frequency, written, positions, codes) values (?, ?, ?, ?, ?, ?)", rows()
        )

    def _write_spellings(self, written: set[str], spelt: set[tuple[str, str]]) -> None:
        """Every spelling search may meet as a typo, and the terms it means (numbered in order, so the same every time)."""
        means: dict[str, list[str]] = {term: [term] for term in sorted(written)}
        for spelling, term in sorted(spelt):
            if term not in means.setdefault(spelling, []):
                means[spelling].append(term)
        by_gram: dict[str, array[int]] = {}
        rows = []
        for id_, (spelling, terms) in enumerate(means.items(), start=1):
            rows.append((id_, spelling, " ".join(terms)))
            if _typo_candidate(spelling):
                for gram in grams(spelling):
                    by_gram.setdefault(gram, array("i")).append(id_)
        conn = self.db.conn
        conn.executemany("insert into search_spelling (id, spelling, terms) values (?, ?, ?)", rows)
        conn.executemany("insert into search_gram (gram, spellings) values (?, ?)", ((g, ids.tobytes()) for g, ids in by_gram.items()))
