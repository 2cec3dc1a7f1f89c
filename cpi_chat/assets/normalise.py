"""Turn free text into search terms: case, accents, punctuation, `&`, hyphens, light stemming, stopwords."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

# Each is replaced in turn (quicker than str.translate on long texts, and no replacement makes another).
_ODD_CHARACTERS = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u00b4", "'"),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"), ("\u2015", "-"),
    ("\u00df", "ss"), ("\u00e6", "ae"), ("\u0153", "oe"), ("\u00f8", "o"), ("\u0142", "l"),
)
_WORD = re.compile(r"[a-z0-9]+(?:-+[a-z0-9]+)*")

# Words that carry no meaning in a directory search; never indexed, dropped from queries.
HARD_STOPWORDS = frozenset(["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "as", "i", "im", "me", "my", "we", "our", "ours", "you", "your", "yours", "he", "she", "his", "her", "hers", "they", "them", "their", "theirs", "so", "but", "if", "then", "than", "do", "does", "did", "done", "am", "has", "have", "had", "there", "here", "which", "who", "whom", "whose", "its", "also", "any", "every", "per", "via"])

# Words that say how someone talks about an interest rather than what it is
# ("used to go fishing with my dad"): kept in queries, but they count for little.
SOFT_STOPWORDS = frozenset(["used", "use", "go", "going", "goes", "went", "gone", "like", "likes", "liked", "love", "loves", "loved", "loving", "enjoy", "enjoys", "enjoyed", "want", "wants", "wanted", "wanting", "would", "could", "should", "might", "maybe", "perhaps", "some", "something", "anything", "somewhere", "anywhere", "someone", "anyone", "thing", "things", "stuff", "really", "very", "lot", "lots", "bit", "little", "get", "gets", "got", "getting", "back", "again", "into", "interested", "interest", "interests", "keen", "fond", "dad", "mum", "father", "mother", "husband", "wife", "partner", "son", "daughter", "brother", "sister", "grandad", "grandma", "granddad", "nan", "him", "it", "what", "where", "when", "how", "near", "nearby", "local", "around", "about", "just", "still", "since", "ago", "years", "year", "find", "looking", "look", "try", "trying", "tried", "new", "start", "started", "more", "most", "once", "twice", "always", "never", "often", "sometimes", "day", "days", "week", "weeks", "enjoys", "person", "people", "someone", "help", "need", "needs", "able", "wish", "wishes", "fancy", "fancies", "could", "would", "kind", "sort", "type", "types", "bring", "brings", "take", "takes", "taking", "make", "doing", "done", "grew", "grow", "up", "out", "own", "able", "while", "fun", "nice", "good", "great", "lovely", "enjoyable", "happy"]) - {"grow"}


def fold(text: str) -> str:
    """Lower-case text with accents, curly quotes, dashes and `&` made plain, apostrophes removed.

    Each character is folded on its own, so folding texts joined by a separator is folding each.
    """
    text = text.lower()
    if not text.isascii():
        for odd, plain in _ODD_CHARACTERS:
            if odd in text:
                text = text.replace(odd, plain)
        # Only a-z and 0-9 make words, so dropping everything else after NFKD removes accents.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.replace("&", " and ").replace("+", " and ").replace("'", "").replace("`", "")


def raw_words(text: str) -> list[str]:
    """The folded words of a text; a hyphenated word stays one word with its hyphens."""
    return _WORD.findall(fold(text))


_STEM_CACHE: dict[str, str] = {}
_KEEP_DOUBLE = frozenset("lsz")
_VOWELS = frozenset("aeiou")
# Words whose usual stem means something else ("joiner" is a trade, not "join us"; "trainers"
# are shoes, not trains; "letters" are not "let"): each is kept as the word itself, or its singular.
_KEPT_WHOLE = (
    "joiner", "trainer", "career", "shower", "flower", "letter", "number", "matter", "summer", "winter", "dinner",
    "corner", "border", "butter", "litter", "order", "master", "finger", "ginger", "silver", "copper", "banner",
    "manner", "partner", "member", "hammer", "liver", "supporter",
)
STEM_EXCEPTIONS = {
    **{w: w for w in _KEPT_WHOLE}, **{w + "s": w for w in _KEPT_WHOLE},
    **{w: w for w in ("news", "series", "species", "physics", "always", "perhaps", "christmas", "lens")},
    "wives": "wife", "lives": "life", "knives": "knife", "quizzes": "quiz", "center": "centr", "centers": "centr",
    "theater": "theatr", "theaters": "theatr",
}


def stem(word: str) -> str:
    """A light English stem, so that knitting, knitted and knit meet (cached; pure)."""
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    result = STEM_EXCEPTIONS.get(word) or _stem(word)
    if len(_STEM_CACHE) < 200_000:
        _STEM_CACHE[word] = result
    return result


def _stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    ending = ""
    if w.endswith("ing") and len(w) - 3 >= 3:
        w, ending = w[:-3], "ing"
    elif w.endswith("ed") and not w.endswith("eed") and len(w) - 2 >= 3:
        w, ending = w[:-2], "ed"
    elif w.endswith("er") and not w.endswith("eer") and len(w) - 2 >= 4:
        w, ending = w[:-2], "er"
    if ending:
        if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in _KEEP_DOUBLE and w[-1] not in _VOWELS:
            return w[:-1]  # running -> run, knitted -> knit
        if ending != "er" and _short_syllable(w):
            return w + "e"  # hiking -> hike, caring -> care (never "car")
    if w.endswith("e") and not w.endswith("ee") and len(w) >= 5:
        w = w[:-1]  # dance, dancing -> danc; four-letter words keep their e (care, pete, cafe)
    return w


def _short_syllable(w: str) -> bool:
    """True for three letters consonant-vowel-consonant, as left by 'hik(ing)' or 'car(ed)'."""
    return len(w) == 3 and w[0] not in _VOWELS and w[1] in _VOWELS and w[2] not in _VOWELS and w[2] not in "wxy"


class Word(NamedTuple):
    """One word of a text: what was written, its search term, and its parts if it was hyphenated."""

    surface: str
    term: str
    parts: tuple[str, ...] = ()
    soft: bool = False


_WORD_CACHE: dict[str, Word | None] = {}


def read_word(raw: str) -> Word | None:
    """The Word for one folded word, or None for a hard stopword (cached: directories repeat words)."""
    if raw in _WORD_CACHE:
        return _WORD_CACHE[raw]
    word: Word | None
    if raw in HARD_STOPWORDS:
        word = None
    elif "-" in raw:
        pieces = [p for p in raw.split("-") if p]
        word = Word(raw, stem("".join(pieces)), tuple(stem(p) for p in pieces if p not in HARD_STOPWORDS))
    else:
        word = Word(raw, stem(raw), (), raw in SOFT_STOPWORDS)
    if len(_WORD_CACHE) < 300_000:
        _WORD_CACHE[raw] = word
    return word


def words_and_full_terms(text: str) -> tuple[list[Word], list[str]]:
    """`words(text)` and `full_terms(text)[0]` in one pass over the text."""
    found: list[Word] = []
    full: list[str] = []
    for raw in _WORD.findall(fold(text)):
        word = read_word(raw)
        if word is None:
            full.append(raw)
        else:
            found.append(word)
            full.append(word.term)
    return found, full


def full_terms(text: str) -> tuple[list[str], list[int]]:
    """Every word's term, little words included, and where each sits in `words(text)` (-1: dropped)."""
    full: list[str] = []
    where: list[int] = []
    kept = 0
    for raw in _WORD.findall(fold(text)):
        word = read_word(raw)
        if word is None:
            full.append(raw)
            where.append(-1)
        else:
            full.append(word.term)
            where.append(kept)
            kept += 1
    return full, where


def known_terms() -> set[str]:
    """The term of every word read so far (words as written, never two run together)."""
    return {word.term for word in list(_WORD_CACHE.values()) if word is not None}


def known_spellings() -> Iterator[tuple[str, str]]:
    """Every word read so far, as written (hyphens dropped), with the term it stands for."""
    for word in list(_WORD_CACHE.values()):
        if word is not None and word.surface != word.term:
            yield word.surface.replace("-", ""), word.term


def words(text: str) -> list[Word]:
    """The meaningful words of a text, each with its stemmed term (hard stopwords dropped)."""
    found = [read_word(raw) for raw in _WORD.findall(fold(text))]
    return [w for w in found if w is not None]


def terms(text: str) -> list[str]:
    """The stemmed search terms of a text, in order (hyphenated words joined)."""
    return [w.term for w in words(text)]


def joined(first: Word, second: Word) -> str:
    """The term two neighbouring words make when written as one ("kick boxing" -> "kickboxing")."""
    return stem(first.surface.replace("-", "") + second.surface.replace("-", ""))


