"""Which words are real English words, so search never 'corrects' one real word into another."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

# pyspellchecker's English list counts how often each word is used; rarer entries are mostly
# common misspellings ("ukelele") and names, which a person may well mean as a typo.
REAL_WORD_MIN_COUNT = 60


@cache
def real_words() -> frozenset[str]:
    """Every English word common enough to be meant as written (read once, when a typo is first considered)."""
    try:
        data = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
        counts: dict[str, int] = json.loads(gzip.decompress(data))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset()  # without the list every unknown word may be a typo, as before
    return frozenset(word for word, count in counts.items() if count >= REAL_WORD_MIN_COUNT)


def is_real_word(word: str) -> bool:
    """True when `word` (folded, one word) is an English word a person would type on purpose."""
    return word in real_words()
