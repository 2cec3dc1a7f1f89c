"""Why an asset matched, in its own words: the index's (field, term) reasons made into `MatchReason`s."""

from __future__ import annotations

import itertools

from cpi_chat.assets.index import Reason
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import full_terms, joined, raw_words, words
from cpi_chat.assets.why import MatchReason


def match_reasons(asset: Asset, reasons: tuple[Reason, ...], lexicon: Lexicon) -> tuple[MatchReason, ...]:
    """Each reason with the field named and the words the asset itself uses for the term found."""
    found: dict[tuple[str, str], MatchReason] = {}
    for reason in reasons:
        field_name, surface = _surface(asset, reason, lexicon)
        found.setdefault((field_name, surface), MatchReason(field_name, surface, reason.typed))
    return tuple(found.values())


def _surface(asset: Asset, reason: Reason, lexicon: Lexicon) -> tuple[str, str]:
    """The field name and the words in it that `reason.term` stands for, as the asset writes them."""
    if reason.field == "domain":
        domain = lexicon.domain(asset.domain)
        return "domain", domain.label if domain else asset.domain
    if reason.field == "details":
        candidates = [(n, getattr(asset, n)) for n in ("schedule", "cost", "accessibility", "address")]
    elif reason.field == "tags":
        candidates = [("tags", tag) for tag in asset.tags]
    else:
        candidates = [(reason.field, getattr(asset, reason.field))]
    for field_name, text in candidates:
        surface = _find_term(text, reason.term, lexicon)
        if surface:
            return field_name, surface
    return candidates[0][0] if candidates else reason.field, reason.term


def _find_term(text: str, term: str, lexicon: Lexicon) -> str:
    found = words(text)
    for w in found:
        if w.term == term or term in w.parts:
            return w.surface
    for first, second in itertools.pairwise(found):
        if joined(first, second) == term:
            return f"{first.surface} {second.surface}"
    spans = lexicon.synonyms.spans([w.term for w in found], [w.surface for w in found])
    spans += lexicon.synonyms.stop_spans(full_terms(text)[0], raw_words(text))
    return next((span.surface for span in spans if span.canonical == term), "")
