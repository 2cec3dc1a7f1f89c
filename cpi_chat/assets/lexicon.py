"""The words search knows about: the ten CPI domains and the team's synonyms, read from assets_db/."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cpi_chat.assets.model import Domain
from cpi_chat.assets.normalise import fold, full_terms, raw_words, stem, terms
from cpi_chat.errors import CpiChatError

DOMAINS_FILE = "domains.yaml"
SYNONYMS_FILE = "synonyms.yaml"


@dataclass(frozen=True, slots=True)
class SynonymSpan:
    """Words start..end of a text that mean `canonical` (a search term), written as `surface`."""

    start: int
    end: int
    canonical: str
    surface: str


@dataclass
class Synonyms:
    """Colloquial, British and misspelt words mapped to the canonical search term they mean."""

    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    canonical_words: dict[str, str] = field(default_factory=dict)  # canonical term -> how it is written
    stop_phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    longest: int = 1
    _longest_from: dict[str, int] = field(default_factory=dict)  # first term of a phrase -> its longest length
    _stop_longest_from: dict[str, int] = field(default_factory=dict)
    _triggers: set[str] = field(default_factory=set)  # the meaningful terms of the variants with little words

    @classmethod
    def from_mapping(cls, mapping: dict[str, list[str]]) -> Synonyms:
        """Build from `{canonical: [variant, ...]}`, as in synonyms.yaml."""
        synonyms = cls()
        for canonical, variants in mapping.items():
            canonical_text = str(canonical)
            target = _solid_term(canonical_text)
            if not target:
                continue
            synonyms.canonical_words[target] = canonical_text
            if len(terms(canonical_text)) > 1:
                synonyms._add(canonical_text, target)
            for variant in variants or []:
                synonyms._add(str(variant), target)
        return synonyms

    def _add(self, variant: str, target: str) -> None:
        for form in {variant, variant.replace("-", " ")}:
            full, where = full_terms(form)
            content = tuple(t for t, i in zip(full, where) if i >= 0)
            if not content:
                continue
            if len(content) == len(full):
                self._add_key(self.phrases, self._longest_from, content, target)
            else:
                # "the pictures", "on my own": the little words matter, so match them word for word.
                self._add_key(self.stop_phrases, self._stop_longest_from, tuple(full), target)
                self._triggers.update(content)
        solid = _solid_term(variant)
        if solid:
            self._add_key(self.phrases, self._longest_from, (solid,), target)

    def _add_key(self, table: dict[tuple[str, ...], set[str]], longest_from: dict[str, int], key: tuple[str, ...], target: str) -> None:
        if key != (target,):
            table.setdefault(key, set()).add(target)
            self.longest = max(self.longest, len(key))
            longest_from[key[0]] = max(longest_from.get(key[0], 0), len(key))

    def spans(self, sequence: list[str], surfaces: list[str] | None = None) -> list[SynonymSpan]:
        """Every run of terms in `sequence` that is a known variant, longest first at each start."""
        return self._spans(sequence, surfaces, self.phrases, self._longest_from)

    def stop_spans(self, full: list[str], surfaces: list[str] | None = None) -> list[SynonymSpan]:
        """Like `spans`, for variants with little words ("the pictures"), over `full_terms` of a text."""
        return self._spans(full, surfaces, self.stop_phrases, self._stop_longest_from)

    def might_hold_stop_phrase(self, sequence: list[str]) -> bool:
        """False when a text's terms rule out every variant with little words (the usual case)."""
        return not self._triggers.isdisjoint(sequence)

    def _spans(
        self, sequence: list[str], surfaces: list[str] | None,
        table: dict[tuple[str, ...], set[str]], longest_from: dict[str, int],
    ) -> list[SynonymSpan]:
        found: list[SynonymSpan] = []
        count = len(sequence)
        for start in range(count):
            longest = longest_from.get(sequence[start])
            if longest is None:
                continue
            for end in range(min(count, start + longest), start, -1):
                targets = table.get(tuple(sequence[start:end]))
                if targets:
                    surface = " ".join((surfaces or sequence)[start:end])
                    found.extend(SynonymSpan(start, end, t, surface) for t in sorted(targets))
                    break
        return found

    def canonicals(self, sequence: list[str]) -> list[str]:
        """The canonical terms of every variant in `sequence` (what `spans` finds, without positions)."""
        found: list[str] = []
        count = len(sequence)
        longest_from = self._longest_from
        phrases = self.phrases
        for start, term in enumerate(sequence):
            longest = longest_from.get(term)
            if longest is None:
                continue
            for end in range(min(count, start + longest), start, -1):
                targets = phrases.get(tuple(sequence[start:end]))
                if targets:
                    found.extend(targets)
                    break
        return found

    def phrase_starts(self) -> frozenset[str]:
        """Every term a known variant begins with (most texts contain none, and are skipped)."""
        return frozenset(self._longest_from)

    def variant_terms(self) -> dict[str, set[str]]:
        """Single-term variants and the canonical terms they mean (for typo matching)."""
        return {key[0]: targets for key, targets in self.phrases.items() if len(key) == 1}


def _solid_term(text: str) -> str:
    """The single search term for a phrase written without spaces ("tai chi" -> "taichi")."""
    pieces = [w.replace("-", "") for w in raw_words(text)]
    return stem("".join(pieces)) if pieces else ""


@dataclass
class Lexicon:
    """Domains and synonyms together: everything search needs besides the assets."""

    domains: list[Domain]
    synonyms: Synonyms
    _resolved: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, assets_dir: Path | None = None) -> Lexicon:
        """Read domains.yaml and synonyms.yaml from `assets_dir` (default: the shipped assets_db/)."""
        if assets_dir is None:
            from cpi_chat.paths import shipped_assets_dir

            assets_dir = shipped_assets_dir()
        return cls(load_domains(assets_dir / DOMAINS_FILE), load_synonyms(assets_dir / SYNONYMS_FILE))

    def resolve_domain(self, text: str) -> str | None:
        """The slug of the domain named by `text` (its slug or label, any case), or None."""
        if text not in self._resolved:
            if len(self._resolved) > 10_000:
                self._resolved.clear()
            self._resolved[text] = self._resolve_domain(text)
        return self._resolved[text]

    def _resolve_domain(self, text: str) -> str | None:
        wanted = _plain(text)
        if not wanted:
            return None
        for domain in self.domains:
            if wanted in (_plain(domain.slug), _plain(domain.label)):
                return domain.slug
        return self._close_domain(text)

    def _close_domain(self, text: str) -> str | None:
        """A domain named loosely ("Sports", "Religious & Cultural", "Horticultural"), if only one fits."""
        given = set(terms(text)) - _GENERIC_TERMS
        if not given:
            return None
        by_words = [
            d.slug for d in self.domains
            if given <= (own := set(terms(f"{d.label} {d.slug.replace('-', ' ')}")) - _GENERIC_TERMS) or own <= given
        ]
        if len(by_words) == 1:
            return by_words[0]
        if by_words:
            return None
        # Loaded here, for a misspelt domain only: reading domains.yaml needs none of it.
        from rapidfuzz import fuzz, process

        names = {_plain(d.label): d.slug for d in self.domains} | {_plain(d.slug): d.slug for d in self.domains}
        close = process.extract(_plain(text), list(names), scorer=fuzz.ratio, score_cutoff=85, limit=2)
        slugs = {names[name] for name, _, _ in close}
        return slugs.pop() if len(slugs) == 1 else None

    def domain(self, slug: str) -> Domain | None:
        """The domain with this slug, if there is one."""
        return next((d for d in self.domains if d.slug == slug), None)

    @property
    def fingerprint(self) -> str:
        """A digest of the domains and synonyms: an index built with other ones must be rebuilt."""
        if "fingerprint" not in self._resolved:
            synonyms = self.synonyms
            data = [
                [(d.slug, d.label) for d in self.domains],
                sorted((list(key), sorted(targets)) for key, targets in synonyms.phrases.items()),
                sorted((list(key), sorted(targets)) for key, targets in synonyms.stop_phrases.items()),
            ]
            self._resolved["fingerprint"] = hashlib.sha256(json.dumps(data).encode("utf-8")).hexdigest()[:24]
        return str(self._resolved["fingerprint"])


# Words in several domain labels, or in none in particular: they never decide a domain alone.
_GENERIC_TERMS = frozenset(terms("group groups service services activity activities event events association associations"))


def _plain(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def load_domains(path: Path) -> list[Domain]:
    """The domains listed in a domains.yaml file."""
    data = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise CpiChatError(f"The domains file {path.name} should be a list of slug, label and description.")
    domains: list[Domain] = []
    for entry in data:
        if not isinstance(entry, dict) or not entry.get("slug") or not entry.get("label"):
            raise CpiChatError(f"Every domain in {path.name} needs a slug and a label.")
        domains.append(Domain(str(entry["slug"]), str(entry["label"]), str(entry.get("description") or "")))
    return domains


def load_synonyms(path: Path) -> Synonyms:
    """The synonyms in a synonyms.yaml file; an absent file means no synonyms."""
    if not path.exists():
        return Synonyms()
    data = _read_yaml(path) or {}
    if not isinstance(data, dict):
        raise CpiChatError(f"The synonyms file {path.name} should map each word to a list of other words.")
    mapping: dict[str, list[str]] = {}
    for canonical, variants in data.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list):
            raise CpiChatError(f"In {path.name}, the words for '{canonical}' should be a list.")
        mapping[str(canonical)] = [str(v) for v in variants if v is not None]
    return Synonyms.from_mapping(mapping)


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A YAML loader that refuses a key written twice in one mapping (the second would silently win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise CpiChatError(f"'{key}' is written twice (line {key_node.start_mark.line + 1}); keep one and merge their words.")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise CpiChatError(f"The file {path} is missing.") from None
    except CpiChatError as error:
        raise CpiChatError(f"In {path.name}, {error}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise CpiChatError(f"The file {path.name} is not valid YAML ({type(error).__name__}).") from None
