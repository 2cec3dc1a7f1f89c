"""Why a search result came up, in everyday words, from the 'field: words (note)' reasons the search gives."""

from __future__ import annotations

import re

# How each field's match is said: "{}" is the words found in it.
SAID = {
    "name": "its name says {}",
    "tags": "it is about {}",
    "description": "it mentions {}",
    "domain": "it is a kind of {}",
    "schedule": "it is on {}",
    "cost": "it is {}",
    "accessibility": "access: {}",
    "address": "it is at {}",
    "area": "it is in {}",
}
PART = re.compile(r"^(?P<field>[a-z_]+): (?P<words>.+?)(?: \(from '(?P<typed>.*)'\))?$")


def why_in_words(why: str) -> str:
    """'name: football (from 'footy')' -> "its name says football (you typed 'footy')"; other text is kept as it is."""
    said = []
    for part in why.split("; "):
        found = PART.match(part)
        if found is None or found["field"] not in SAID:
            said.append(part)
            continue
        words = SAID[found["field"]].format(found["words"].lower() if found["field"] == "domain" else found["words"])
        said.append(words + (f" (you typed '{found['typed']}')" if found["typed"] else ""))
    text = "; ".join(part for part in said if part)
    return text[:1].upper() + text[1:]
