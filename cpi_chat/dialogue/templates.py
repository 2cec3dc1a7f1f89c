"""Fills `{name}` and `{earlier_answer}` into flow text, in one pass so answers are never re-read as templates."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}")
BUILT_IN_NAMES = frozenset({"name", "worker", "today"})


def render(text: str, values: Mapping[str, object]) -> str:
    """`text` with each `{key}` replaced by its value; unknown or empty keys become empty, `{{`/`}}` become braces."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = values.get(match.group(1))
        return "" if value is None else str(value)

    return PLACEHOLDER.sub(replace, text)


def names_in(text: str) -> list[str]:
    """The answer names a template uses, in order."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1)]
