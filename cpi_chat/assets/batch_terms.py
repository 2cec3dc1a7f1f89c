"""Many assets' search terms at once, with numpy: the fast path of `TermExtractor.terms`, for rebuilding the index.

Each text field of a batch is folded and split into words in one pass over all its texts, joined
with a separator no word holds. Every distinct word is read once (its term, parts and one-word
synonyms); joined neighbours, two-word phrases and the code each (asset, term) keeps are then
found with array operations, and only the few places where a longer phrase may start (told by
its first two words) are checked one by one. Each asset gets exactly the terms
`TermExtractor.terms` gives it (`tests/assets/test_batch_terms.py`); that one stays the
reference, and indexes single edits.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import split_tags
from cpi_chat.assets.normalise import fold, read_word, stem
from cpi_chat.assets.terms import (
    DETAILS,
    DOMAIN_CODE,
    EXACT,
    EXPANDED_FIELDS,
    JOINED,
    PART,
    POSTCODE_DISTRICT,
    SYNONYM,
    TEXTS,
    access_facts,
    area_fact,
    area_facts,
    cost_facts,
    day_facts,
    domain_fact,
    domain_term,
    kind_fact,
)

# The columns of `assets` a batch is read from, in this order: the texts follow in the order of TEXTS.
BATCH_COLUMNS = ("id", "domain", "kind", "guessed", *(attribute for attribute, _, _ in TEXTS))
_COLUMN = {name: number for number, name in enumerate(BATCH_COLUMNS)}
NAME_COLUMN = _COLUMN["name"]
_FIRST_TEXT = _COLUMN["address"]
_SEPARATOR = "\x00"
# Folded text is ASCII: every byte that cannot be in a word becomes a space (the separator stays).
_WORD_BYTES = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789-\x00" else 32 for b in range(256))
# Where an (asset, term) is found more than once, the highest rank keeps its code: literal over
# synonym, then the later text, then as written over joined over part (as `TermExtractor.terms` does).
_WITHIN = {EXACT: 2, JOINED: 1, PART: 0, SYNONYM: 0}
_ASSET_SHIFT, _TERM_SHIFT, _RANK_SHIFT = 43, 11, 5
_LOW_32 = (1 << 32) - 1
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class BatchTerms:
    """The postings of a batch of assets (the asset's number in the batch, term id, code), and their words."""

    assets: np.ndarray
    terms: np.ndarray
    codes: np.ndarray
    written: np.ndarray  # ids of the terms written as words in a name, tags, area or description
    spelled: np.ndarray  # numbers of the words spelt otherwise than their term, in those fields


def split_words(texts: Sequence[str]) -> tuple[list[bytes], int]:
    """The words of every text in one list, a separator word between texts; and how many separators there are."""
    folded = fold(f" {_SEPARATOR} ".join(texts))
    plain = b" " + folded.encode("ascii").translate(_WORD_BYTES) + b" "
    # A word never starts or ends with a hyphen ("- walk", "kick-"): such hyphens are spaces.
    while b"- " in plain:
        plain = plain.replace(b"- ", b" ")
    while b" -" in plain:
        plain = plain.replace(b" -", b" ")
    return plain.split(), folded.count(_SEPARATOR)


def expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices start, start + 1, ... start + count - 1 of every (start, count), in order."""
    total = int(counts.sum())
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)


class _Lists:
    """Lists of ids kept flat: the list at each number, found with `expand`."""

    def __init__(self, lists: Sequence[Sequence[int]]) -> None:
        self.counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        self.starts = np.cumsum(self.counts) - self.counts
        self.flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64, count=int(self.counts.sum()))

    def extend(self, lists: Sequence[Sequence[int]]) -> None:
        """Add lists at the next numbers."""
        more = _Lists(lists)
        self.starts = np.concatenate([self.starts, more.starts + len(self.flat)])
        self.counts = np.concatenate([self.counts, more.counts])
        self.flat = np.concatenate([self.flat, more.flat])

    def gather(self, which: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, id) for every id in the list at each of `which`, beside its row."""
        counts = self.counts[which]
        return np.repeat(rows, counts), self.flat[expand(self.starts[which], counts)]


class _Phrases:
    """The phrases of two or more words and their targets, with quick tests on their first two words."""

    def __init__(self, phrases: dict[tuple[int, ...], tuple[int, ...]], longest: int) -> None:
        self.phrases = phrases
        self.longest = longest
        self.firsts = np.unique(np.asarray([key[0] << 32 | key[1] for key in phrases], dtype=np.int64))
        self.longer = np.unique(np.asarray([key[0] << 32 | key[1] for key in phrases if len(key) > 2], dtype=np.int64))
        pairs = sorted(key for key in phrases if len(key) == 2)
        self.pairs = np.asarray([key[0] << 32 | key[1] for key in pairs], dtype=np.int64)
        self.pair_targets = _Lists([phrases[key] for key in pairs])

    def add(self, postings: _Postings, terms: np.ndarray, rows: np.ndarray, same_row: np.ndarray, where: tuple[int, int]) -> np.ndarray:
        """Add the targets of the phrases in `terms`, longest first at each start; True where one starts."""
        matched = np.zeros(len(terms), dtype=bool)
        if len(terms) < 2 or not len(self.firsts):
            return matched
        keys = terms[:-1] << 32 | terms[1:]
        starts = np.flatnonzero(same_row & np.isin(keys, self.firsts))
        longer = np.isin(keys[starts], self.longer)
        two = starts[~longer]  # nothing longer begins with these two words: the two are the phrase
        matched[two] = True
        postings.add_found(*self.pair_targets.gather(np.searchsorted(self.pairs, keys[two]), rows[two]), *where, SYNONYM)
        found: list[tuple[int, int]] = []
        ends = np.searchsorted(rows, rows[starts[longer]], side="right")
        for start, end in zip(starts[longer].tolist(), ends.tolist()):
            window = terms[start:min(end, start + self.longest)].tolist()
            for length in range(len(window), 1, -1):
                targets = self.phrases.get(tuple(window[:length]))
                if targets:
                    found.extend((int(rows[start]), target) for target in targets)
                    matched[start] = True
                    break
        postings.add_pairs(found, *where, SYNONYM)
        return matched


class _Words:
    """Every distinct word seen, read once: its term id (a little word's own), and what else it brings."""

    def __init__(self, term_id: Callable[[str], int], singles: dict[int, tuple[int, ...]]) -> None:
        self.term_id = term_id
        self.singles = singles
        self.number: dict[bytes, int] = {_SEPARATOR.encode(): 0}
        self.raws: list[str] = [_SEPARATOR]
        self.kept = np.zeros(1, dtype=bool)
        self.term = np.zeros(1, dtype=np.int64)
        self.spelled = np.zeros(1, dtype=bool)
        self.synonyms = _Lists([()])  # the targets of each word's one-word synonyms
        self.parts = _Lists([()])  # the terms of a hyphenated word's parts

    def numbers(self, tokens: list[bytes]) -> np.ndarray:
        """The word number of each token (0 for the separator), reading new words first."""
        new = set(tokens).difference(self.number)
        if new:
            self._learn(sorted(new))
        return np.fromiter(map(self.number.__getitem__, tokens), dtype=np.int64, count=len(tokens))

    def _learn(self, tokens: list[bytes]) -> None:
        kept, term, spelled = [], [], []
        synonyms: list[tuple[int, ...]] = []
        parts: list[tuple[int, ...]] = []
        for number, token in enumerate(tokens, start=len(self.raws)):
            raw = token.decode("ascii")
            self.number[token] = number
            self.raws.append(raw)
            word = read_word(raw)
            # A little word is never indexed, but it is part of phrases like "the pictures".
            term_id = self.term_id(word.term if word else raw)
            kept.append(word is not None)
            term.append(term_id)
            spelled.append(word is not None and word.surface != word.term)
            synonyms.append(self.singles.get(term_id, ()) if word else ())
            parts.append(tuple(self.term_id(part) for part in word.parts) if word else ())
        self.kept = np.concatenate([self.kept, kept])
        self.term = np.concatenate([self.term, term])
        self.spelled = np.concatenate([self.spelled, spelled])
        self.synonyms.extend(synonyms)
        self.parts.extend(parts)


@dataclass
class _Postings:
    """Postings of one batch as they are found, each with the rank that decides which code an (asset, term) keeps."""

    pieces: list[np.ndarray] = field(default_factory=list)

    def add(self, rows: np.ndarray, terms: np.ndarray, rank: int, code: int) -> None:
        """These terms in these rows, with this rank and code."""
        if len(terms):
            self.pieces.append(rows << _ASSET_SHIFT | terms << _TERM_SHIFT | (rank << _RANK_SHIFT | code))

    def add_found(self, rows: np.ndarray, terms: np.ndarray, text_rank: int, field_no: int, quality: int) -> None:
        """Terms found in the text of rank `text_rank`, in field `field_no`, this way (`EXACT`, `JOINED`...)."""
        literal = 0 if quality == SYNONYM else 1
        self.add(rows, terms, literal << 5 | text_rank << 2 | _WITHIN[quality], field_no << 2 | quality)

    def add_pairs(self, pairs: list[tuple[int, int]], text_rank: int, field_no: int, quality: int) -> None:
        """Like `add_found`, for (row, term) pairs."""
        if pairs:
            array = np.asarray(pairs, dtype=np.int64)
            self.add_found(array[:, 0], array[:, 1], text_rank, field_no, quality)

    def best(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One posting per (asset, term): the one of highest rank."""
        if not self.pieces:
            return _EMPTY, _EMPTY, _EMPTY
        keys = np.concatenate(self.pieces)
        keys.sort()
        group = keys >> _TERM_SHIFT
        last = np.ones(len(keys), dtype=bool)
        last[:-1] = group[1:] != group[:-1]
        keys = keys[last]
        return keys >> _ASSET_SHIFT, (keys >> _TERM_SHIFT) & _LOW_32, keys & 31


class BatchTermExtractor:
    """Turns batches of asset rows (`BATCH_COLUMNS`, no NULLs) into postings, as `TermExtractor.terms` would one by one."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        synonyms = lexicon.synonyms
        singles: dict[int, tuple[int, ...]] = {}
        longer: dict[tuple[int, ...], tuple[int, ...]] = {}
        for key, targets in synonyms.phrases.items():
            ids = tuple(self.term_id(term) for term in key)
            if len(ids) == 1:
                singles[ids[0]] = self._ids(targets)
            else:
                longer[ids] = self._ids(targets)
        self.phrases = _Phrases(longer, synonyms.longest)
        # Variants with little words ("the pictures") always hold at least two words.
        self.stop_phrases = _Phrases(
            {tuple(self.term_id(t) for t in key): self._ids(targets) for key, targets in synonyms.stop_phrases.items()},
            synonyms.longest,
        )
        self.words = _Words(self.term_id, singles)
        self._joined: dict[int, int] = {}
        self._facts: dict[tuple[str, str], tuple[int, ...]] = {}

    def term_id(self, term: str) -> int:
        """The number of a term (given out the first time it is asked for)."""
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.names)
            self.names.append(term)
        return found

    def _ids(self, terms: set[str]) -> tuple[int, ...]:
        return tuple(self.term_id(term) for term in sorted(terms))

    def spellings(self, words: np.ndarray) -> set[tuple[str, str]]:
        """(word as written without hyphens, its term) for each of these word numbers."""
        raws, terms, names = self.words.raws, self.words.term, self.names
        return {(raws[w].replace("-", ""), names[terms[w]]) for w in words.tolist()}

    # A batch ---------------------------------------------------------------------------------

    def terms(self, rows: Sequence[Sequence[str]]) -> BatchTerms:
        """The postings of every row, numbered from 0 in the order given."""
        if not rows:
            return BatchTerms(_EMPTY, _EMPTY, np.zeros(0, dtype=np.uint8), _EMPTY, _EMPTY)
        columns = list(zip(*rows, strict=True))
        postings = _Postings()
        written: list[np.ndarray] = [_EMPTY]
        spelled: list[np.ndarray] = [_EMPTY]
        schedule_guessed, domain_known = self._guesses(columns[_COLUMN["guessed"]])
        for rank, (attribute, field_no, join_neighbours) in enumerate(TEXTS):
            texts: Sequence[str] = columns[_FIRST_TEXT + rank]
            if attribute == "schedule" and schedule_guessed.any():
                texts = ["" if guessed else text for text, guessed in zip(texts, schedule_guessed.tolist())]
            kept = self._text_field(postings, texts, rank, field_no, join_neighbours)
            if field_no != DETAILS:
                written.append(np.unique(self.words.term[kept]))
                spelled.append(np.unique(kept[self.words.spelled[kept]]))
        self._add_facts(postings, columns, domain_known)
        assets, terms, codes = postings.best()
        return BatchTerms(assets, terms, codes.astype(np.uint8), np.unique(np.concatenate(written)), np.unique(np.concatenate(spelled)))

    def _text_field(self, postings: _Postings, texts: Sequence[str], rank: int, field_no: int, join_neighbours: bool) -> np.ndarray:
        """Add one text field's postings; returns its words that are kept (not little words)."""
        words, rows = self._words_of(texts)
        kept_mask = self.words.kept[words]
        kept, kept_rows = words[kept_mask], rows[kept_mask]
        kept_terms = self.words.term[kept]
        postings.add_found(kept_rows, kept_terms, rank, field_no, EXACT)
        postings.add_found(*self.words.parts.gather(kept, kept_rows), rank, field_no, PART)
        same_row = kept_rows[1:] == kept_rows[:-1]
        if join_neighbours:
            firsts = np.flatnonzero(same_row)
            postings.add_found(kept_rows[firsts], self._joined_terms(kept[firsts], kept[firsts + 1]), rank, field_no, JOINED)
        if field_no in EXPANDED_FIELDS:
            matched = self.phrases.add(postings, kept_terms, kept_rows, same_row, (rank, field_no))
            single = np.flatnonzero(~matched)  # where no longer phrase starts, a word's own synonyms count
            postings.add_found(*self.words.synonyms.gather(kept[single], kept_rows[single]), rank, field_no, SYNONYM)
            self.stop_phrases.add(postings, self.words.term[words], rows, rows[1:] == rows[:-1], (rank, field_no))
        return kept

    def _words_of(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The word number of every word in `texts`, and the number of the text it is in."""
        tokens, separators = split_words(texts)
        if separators != len(texts) - 1:  # a text held the separator: it parts words, as a space does
            tokens, _ = split_words([text.replace(_SEPARATOR, " ") for text in texts])
        numbers = self.words.numbers(tokens)
        between = numbers == 0
        rows = np.cumsum(between)
        return numbers[~between], rows[~between]

    def _joined_terms(self, firsts: np.ndarray, seconds: np.ndarray) -> np.ndarray:
        """The term of each pair of neighbouring words written as one ("kick boxing" -> "kickboxing")."""
        if not len(firsts):
            return _EMPTY
        pairs, where = np.unique(firsts << 32 | seconds, return_inverse=True)
        known, raws = self._joined, self.words.raws
        ids = []
        for pair in pairs.tolist():
            found = known.get(pair)
            if found is None:
                first, second = raws[pair >> 32], raws[pair & _LOW_32]
                found = known[pair] = self.term_id(stem(first.replace("-", "") + second.replace("-", "")))
            ids.append(found)
        return np.asarray(ids, dtype=np.int64)[where]

    # Facts the filters use --------------------------------------------------------------------

    def _guesses(self, guessed: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Whether each row's schedule is a guess, and whether its domain is known (not a guess)."""
        fields = [_GUESSED.get(text) or _read_guessed(text) for text in dict.fromkeys(guessed)]
        which = _distinct_numbers(guessed)
        return (np.asarray(["schedule" in f for f in fields], dtype=bool)[which],
                np.asarray(["domain" not in f for f in fields], dtype=bool)[which])

    def _add_facts(self, postings: _Postings, columns: list[tuple[str, ...]], domain_known: np.ndarray) -> None:
        """The "@..." terms of every row (code 0), and the domain term of those whose domain is not a guess."""
        readers: tuple[tuple[str, Callable[[str], tuple[str, ...]]], ...] = (
            ("domain", lambda slug: (domain_fact(slug),)), ("kind", lambda kind: (kind_fact(kind or "mainstream"),)),
            ("schedule", day_facts), ("cost", cost_facts), ("accessibility", access_facts),
        )
        for name, read in readers:
            postings.add(*self._column_facts(name, columns[_COLUMN[name]], read), 0, 0)
        rows, facts = self._column_facts("area", columns[_COLUMN["area"]], area_facts)
        # A postcode district may also be one of the areas named: one posting each.
        keys = np.unique(np.concatenate([rows << 32 | facts, self._postcode_districts(columns[_COLUMN["address"]])]))
        postings.add(keys >> 32, keys & _LOW_32, 0, 0)
        rows, terms = self._column_facts("@is", columns[_COLUMN["domain"]], lambda slug: (domain_term(slug),))
        postings.add(rows[domain_known], terms[domain_known], 0, DOMAIN_CODE)

    def _column_facts(self, name: str, values: Sequence[str], read: Callable[[str], tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray]:
        """(row, term) for the terms each row's value in one column gives, each distinct value read once."""
        lists = [self._cached_facts(name, value, read) for value in dict.fromkeys(values)]
        return _Lists(lists).gather(_distinct_numbers(values), np.arange(len(values)))

    def _cached_facts(self, name: str, text: str, read: Callable[[str], tuple[str, ...]]) -> tuple[int, ...]:
        key = (name, text)
        found = self._facts.get(key)
        if found is None:
            if len(self._facts) > 400_000:
                self._facts.clear()
            found = self._facts[key] = tuple(self.term_id(fact) for fact in read(text))
        return found

    def _postcode_districts(self, addresses: Sequence[str]) -> np.ndarray:
        """(row << 32 | area fact) for each postcode district written in an address ('NG7')."""
        lowered = [address.lower() for address in addresses]
        matches = list(POSTCODE_DISTRICT.finditer(_SEPARATOR.join(lowered)))  # no district holds the separator
        if not matches:
            return _EMPTY
        starts = np.cumsum([0, *(len(address) + 1 for address in lowered[:-1])])
        rows = np.searchsorted(starts, [m.start() for m in matches], side="right") - 1
        facts = np.asarray([self.term_id(area_fact(m.group(1))) for m in matches], dtype=np.int64)
        return rows << 32 | facts


def _distinct_numbers(values: Sequence[str]) -> np.ndarray:
    """For each value, the number of its first appearance among the distinct values (in order of appearance)."""
    numbers = {value: number for number, value in enumerate(dict.fromkeys(values))}
    return np.fromiter(map(numbers.__getitem__, values), dtype=np.int64, count=len(values))


_GUESSED: dict[str, frozenset[str]] = {}


def _read_guessed(text: str) -> frozenset[str]:
    """The fields an asset's `guessed` column names (remembered: they repeat)."""
    found = _GUESSED[text] = frozenset(split_tags(text))
    return found
