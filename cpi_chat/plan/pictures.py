"""Simple pictures for the easy-read plan, from Mulberry Symbols (CC BY-SA 4.0), shipped in the package with words for each."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SYMBOLS = Path(__file__).parent / "symbols"
# CC BY-SA 4.0 asks for the creator, the licence and a link on every copy handed on, printed pages included.
ATTRIBUTION = ("Pictures: Mulberry Symbols by Steve Lee, licensed under Creative Commons "
               "Attribution-ShareAlike 4.0 (CC BY-SA 4.0).")
ATTRIBUTION_LINKS = "mulberrysymbols.org · creativecommons.org/licenses/by-sa/4.0"


@dataclass(frozen=True)
class Picture:
    """One symbol: its file in `symbols/` (without .svg) and what it shows, in words (its text alternative)."""

    name: str
    words: str

    @property
    def alt(self) -> str:
        """The text alternative a screen reader says, and a printer without pictures leaves in its place."""
        return f"Picture: {self.words}"


SECTION_PICTURES = {
    "meeting": Picture("meet", "two people meeting"),
    "dates": Picture("calendar", "a calendar"),
    "goals": Picture("target", "a target"),
    "contact": Picture("telephone", "a telephone"),
    "going": Picture("thumbs-up", "a person with a thumb up"),
    "done": Picture("stairs", "steps going up"),
    "barriers": Picture("helping", "two hands helping"),
    "circles": Picture("circle-of-people", "a group of people close together"),
}

# The goal's own words first ("run 5 km"), then its group's domain, then its kind.
WORD_PICTURES: tuple[tuple[str, Picture], ...] = (
    (r"run|jog|5 ?k|parkrun|couch to", Picture("run", "a person running")),
    (r"walk|ramble|hike", Picture("walk", "a person walking")),
    (r"swim|pool|aqua", Picture("swim", "a person swimming")),
    (r"football|footy|soccer", Picture("football", "a football")),
    (r"sing|choir", Picture("sing", "someone singing")),
    (r"music|guitar|piano|band|ukulele|drum", Picture("music", "musical notes")),
    (r"danc", Picture("dance", "a person dancing")),
    (r"cook|bak|kitchen", Picture("cook", "a person cooking")),
    (r"paint|draw|art|craft|knit|sew|pottery", Picture("painting", "a painter's palette")),
    (r"read|book|library|writ", Picture("reading", "a person reading a book")),
    (r"garden|allotment|grow|plant", Picture("gardening", "a person watering a plant")),
    (r"volunteer|help out", Picture("helping", "two hands helping")),
    (r"yoga|tai chi|meditat|relax|massage", Picture("relaxing", "a person relaxing in a chair")),
    (r"cafe|café|coffee|tea|lunch", Picture("cafe", "people at a cafe table")),
    (r"box|gym|exercise|fitness|sport|class|keep fit|pilates|badminton|tennis", Picture("exercise", "a person exercising")),
)
DOMAIN_PICTURES = {
    "sport": Picture("exercise", "a person exercising"),
    "arts-crafts": Picture("painting", "a painter's palette"),
    "education": Picture("reading", "a person reading a book"),
    "horticulture": Picture("gardening", "a person watering a plant"),
    "volunteering": Picture("helping", "two hands helping"),
    "alternative-therapies": Picture("relaxing", "a person relaxing in a chair"),
    "neighbourhood": Picture("cafe", "people at a cafe table"),
    "non-commissioned": Picture("talking", "a person talking"),
    "religious-cultural": Picture("group", "people sitting together at a table"),
    "other": Picture("group", "people sitting together at a table"),
}
KIND_PICTURES = {
    "commitment": Picture("calendar", "a calendar"),
    "target": Picture("stairs", "steps going up"),
}


def goal_picture(what: str, kind: str, domain: str = "") -> Picture:
    """The picture for one goal: from its words ("run 5 km"), else its group's domain, else its kind."""
    words = what.casefold()
    for pattern, picture in WORD_PICTURES:
        if re.search(rf"\b(?:{pattern})", words):
            return picture
    slug = re.sub(r"[^a-z]+", "-", domain.casefold().replace(" and ", "-")).strip("-")
    for key, picture in DOMAIN_PICTURES.items():
        if slug == key or slug.startswith(key):
            return picture
    return KIND_PICTURES.get(kind, SECTION_PICTURES["goals"])


@cache
def picture_source(name: str) -> str:
    """The symbol as a data: address, so the page stays one file that prints anywhere with nothing fetched."""
    svg = (SYMBOLS / f"{name}.svg").read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def every_picture() -> list[Picture]:
    """Every picture the plan can show, for tests and for the licence notes."""
    pictures = [*SECTION_PICTURES.values(), *(p for _, p in WORD_PICTURES), *DOMAIN_PICTURES.values(), *KIND_PICTURES.values()]
    return list({p.name: p for p in pictures}.values())
