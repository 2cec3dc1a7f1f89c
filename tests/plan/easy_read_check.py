"""An automated check of the easy-read rules a plan page must keep: headings, pictures and their words, text size, no italics."""

from __future__ import annotations

import re
from html.parser import HTMLParser

MIN_POINTS = 16.0
PX_PER_PT = 4 / 3
# Sub-lists under a section (the circles' "People", "Groups", "Places") need no picture of their own.
PICTURE_OPTIONAL = {"people", "groups", "places"}
ATTRIBUTION_WORDS = ("Mulberry Symbols", "Steve Lee", "CC BY-SA 4.0", "creativecommons.org/licenses/by-sa/4.0")


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.problems: list[str] = []
        self.css: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self._point_picture: str | None = None  # the alt of the picture opening the current point, if any
        self.points_without_picture: list[str] = []
        self.pictures: list[str] = []
        self._heading_level = 0
        self._heading_words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self._heading_level, self._heading_words = int(tag[1]), []
        if tag == "div" and "point" in (found.get("class") or "").split():
            self._point_picture = ""
        if tag == "img" and not (found.get("alt") or "").strip():
            self.problems.append("an <img> has no alt text")
        if tag == "img" and "picture" in (found.get("class") or "").split():
            self.pictures.append(found.get("alt") or "")
            if self._point_picture == "":
                self._point_picture = found.get("alt") or ""
        if tag == "svg" and not ((found.get("aria-label") or "").strip() or found.get("aria-labelledby")):
            self.problems.append("an <svg> has no aria-label")
        if tag in ("i", "em", "cite"):
            self.problems.append(f"<{tag}> is shown in italics by default")
        if "italic" in (found.get("style") or "") or "uppercase" in (found.get("style") or ""):
            self.problems.append("an inline style uses italics or capitals")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if re.fullmatch(r"h[23]", tag) and int(tag[1]) == self._heading_level:
            # Easy read: every section (h2) and every goal (h3 in a goal box) opens with a picture to its left.
            if not self._point_picture:
                self.points_without_picture.append(" ".join("".join(self._heading_words).split()))
            self._point_picture, self._heading_level = None, 0

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)
        else:
            self.text.append(data)
        if self._heading_level:
            self._heading_words.append(data)


def _points(value: str, base: float) -> float | None:
    match = re.fullmatch(r"\s*([\d.]+)\s*(pt|px|em|rem|%)\s*", value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    return {"pt": number, "px": number / PX_PER_PT, "em": number * base, "rem": number * base, "%": number / 100 * base}[unit]


def body_points(html: str) -> float:
    """The body text size in points, read from the page's CSS (0 when none is set)."""
    walker = _Walker()
    walker.feed(html)
    css = "".join(walker.css)
    match = re.search(r"body\s*\{[^}]*font-size:\s*([^;]+);", css)
    return (_points(match.group(1), 12.0) or 0.0) if match else 0.0


def picture_problems(walker: _Walker) -> list[str]:
    """Pictures: one to the left of each section and goal heading, each with words, and the symbols' licence printed."""
    problems = [f"the heading {words!r} has no picture to its left" for words in walker.points_without_picture
                if words.casefold() not in PICTURE_OPTIONAL]
    problems += [f"the picture {alt!r} does not say what it shows" for alt in walker.pictures if not alt.startswith("Picture: ")
                 or len(alt.split()) < 3]
    text = " ".join(" ".join(walker.text).split())
    if walker.pictures and not all(words in text for words in ATTRIBUTION_WORDS):
        problems.append("the pictures' licence is not printed on the page (Mulberry Symbols by Steve Lee, CC BY-SA 4.0)")
    return problems


def easy_read_problems(html: str, min_points: float = MIN_POINTS) -> list[str]:
    """Every broken rule, as a sentence; an empty list means the page passes."""
    walker = _Walker()
    walker.feed(html)
    problems = list(walker.problems) + picture_problems(walker)
    if not walker.headings or walker.headings[0] != 1:
        problems.append("the page does not start with an <h1>")
    if walker.headings.count(1) > 1:
        problems.append("the page has more than one <h1>")
    for before, after in zip(walker.headings, walker.headings[1:]):
        if after > before + 1:
            problems.append(f"a heading skips a level (h{before} then h{after})")
    css = "".join(walker.css)
    base = body_points(html)
    if base < min_points:
        problems.append(f"the body text is {base:g}pt, under {min_points:g}pt")
    for value in re.findall(r"font-size:\s*([^;}]+)", css):
        size = _points(value, base)
        if size is None or size < min_points:
            problems.append(f"a font-size of {value.strip()} is under {min_points:g}pt")
    if re.search(r"font-style:\s*(italic|oblique)", css):
        problems.append("the CSS uses italics")
    if re.search(r"text-transform:\s*uppercase", css):
        problems.append("the CSS uses capitals")
    if re.search(r"text-align:\s*(justify|center|right)", css):
        problems.append("text is not left-aligned")
    if not re.search(r"font-family:[^;]*sans-serif", css):
        problems.append("the text is not in a sans-serif font")
    if "@media print" not in css:
        problems.append("there are no print styles")
    return problems
