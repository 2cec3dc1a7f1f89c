"""The community asset and domain records: each asset field is defined here once, with what it holds.

The CSV columns, the `assets.db` columns, the validation of imported records and the
documentation table all derive from the fields of `Asset` and their `about` text; a new
field needs only a line here and a migration in `assets/migrations.py`.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any, Literal

TABLE = "assets"  # the table in assets.db holding one row per asset
KINDS = ("mainstream", "specialist")
STATUSES = ("active", "retired")
FieldShape = Literal["text", "list", "date"]


def _text(about: str, default: str = "", *, first_release: bool = True, on_plan: str = "") -> Any:
    """A text field; `on_plan` is its label on the person's plan ('Cost'), where it is shown when the goal's group has it."""
    return field(default=default, metadata={"about": about, "shape": "text", "first_release": first_release,
                                            "on_plan": on_plan})


def _list(about: str, *, first_release: bool = True) -> Any:
    return field(default_factory=list, metadata={"about": about, "shape": "list", "first_release": first_release,
                                                 "on_plan": ""})


def _date(about: str) -> Any:
    return field(default=None, metadata={"about": about, "shape": "date", "first_release": True, "on_plan": ""})


@dataclass(slots=True)
class Asset:
    """One community group, class, place or service that a person could go to."""

    id: str = _text("any stable text, unique in the directory; keep it when you edit, so re-imports update")
    name: str = _text("what the group calls itself (searched first)")
    domain: str = _text("one of the ten CPI domains, by label (`Arts and Crafts`) or slug (`arts-crafts`)")
    description: str = _text("a few plain sentences")
    tags: list[str] = _list("words people might search for, separated by `;`")  # noqa: RUF009 - a field()
    area: str = _text("the village or part of town (several separated by `;`); used by the area filter")
    address: str = _text("where it meets, as you would tell a person (several places separated by `;`)", on_plan="Where")
    schedule: str = _text("when it runs, as you would tell a person (`Tuesdays 10:00-11:00`)", on_plan="When")
    cost: str = _text("what it costs (`Free`, `£3 per session`)", on_plan="Cost")
    contact: str = _text("phone, email or website, and how to join", on_plan="Contact")
    accessibility: str = _text("how people get in and take part: step-free, hearing loop, drop-in, by referral",
                               on_plan="Getting in")
    kind: str = _text("`mainstream` (a community group anyone can join) or `specialist` (a service)", "mainstream")
    source: str = _text("where the entry came from (a leaflet, a visit, the organisation running it)")
    last_verified: date | None = _date("the date someone last checked it: `2026-03-01` or `01/03/2026`")  # noqa: RUF009
    notes: str = _text("the team's own notes; a feed update never changes them", first_release=False)
    guessed: list[str] = _list(  # noqa: RUF009 - a field()
        "fields cpi-chat guessed when importing (`domain; kind`): shown as guesses, never scored", first_release=False
    )
    origin: str = _text("the address of the feed it was imported from; empty for the team's own entries", first_release=False)
    status: str = _text("`active`, or `retired` when its feed no longer lists it (kept, never suggested)", "active", first_release=False)

    def to_row(self) -> dict[str, str | None]:
        """The asset as a flat row of text, as stored in assets.db and written to CSV."""
        return dict(zip(CSV_COLUMNS, self.to_values(), strict=True))

    def to_values(self) -> tuple[str | None, ...]:
        """The asset's texts in the order of `CSV_COLUMNS` (quicker than `to_row` for saving many)."""
        values = list(_EVERY_FIELD(self))
        for at in _LISTS_AT:
            values[at] = "; ".join(values[at])
        for at in _DATES_AT:
            values[at] = values[at].isoformat() if isinstance(values[at], date) else None
        return tuple(values)

    @classmethod
    def from_row(cls, row: dict[str, object]) -> Asset:
        """Rebuild an asset from a row written by `to_row` (trusted data, no validation)."""
        return cls(**{f.name: _from_text(row.get(f.name), f) for f in ASSET_FIELDS})  # type: ignore[arg-type]

    @property
    def is_retired(self) -> bool:
        """True when the feed it came from no longer lists it."""
        return self.status == "retired"


ASSET_FIELDS: tuple[Field[Any], ...] = fields(Asset)
# The columns of the CSV format and of assets.db, in the order we write them.
CSV_COLUMNS = tuple(f.name for f in ASSET_FIELDS)
_EVERY_FIELD = attrgetter(*CSV_COLUMNS)
_LISTS_AT = tuple(at for at, f in enumerate(ASSET_FIELDS) if f.metadata["shape"] == "list")
_DATES_AT = tuple(at for at, f in enumerate(ASSET_FIELDS) if f.metadata["shape"] == "date")
# The fields a person's plan shows for the group a goal goes to, in order, each with its label there.
ON_PLAN: tuple[tuple[str, str], ...] = tuple((f.name, f.metadata["on_plan"]) for f in ASSET_FIELDS if f.metadata["on_plan"])
# design.md's original header: every later column may be missing.
REQUIRED_COLUMNS = CSV_COLUMNS[:11]
FIRST_RELEASE_COLUMNS = tuple(f.name for f in ASSET_FIELDS if f.metadata["first_release"])


def shape(asset_field: Field[Any]) -> FieldShape:
    """How a field is held: plain text, a `;`-separated list, or a date."""
    return asset_field.metadata["shape"]  # type: ignore[no-any-return]


def _from_text(value: object, asset_field: Field[Any]) -> object:
    how = shape(asset_field)
    if how == "list":
        return split_tags(str(value or ""))
    if how == "date":
        return date.fromisoformat(str(value)[:10]) if value else None
    return str(value) if value else asset_field.default


def row_reader() -> Any:
    """A fast function from a tuple of `CSV_COLUMNS` values (as stored) to an Asset."""
    converters = [(f, shape(f)) for f in ASSET_FIELDS]
    fromisoformat = date.fromisoformat

    def read(values: tuple[object, ...]) -> Asset:
        out: list[object] = []
        for (asset_field, how), value in zip(converters, values):
            if how == "text":
                out.append(value or asset_field.default)
            elif how == "list":
                out.append(split_tags(value) if value else [])  # type: ignore[arg-type]
            else:
                out.append(fromisoformat(value[:10]) if value else None)  # type: ignore[index]
        return Asset(*out)  # type: ignore[arg-type]

    return read


def split_tags(text: str) -> list[str]:
    """Tags from their `;`-separated form, trimmed, empty ones dropped, order and case kept."""
    return [tag.strip() for tag in text.split(";") if tag.strip()]


def split_areas(text: str) -> list[str]:
    """The areas an asset names (several are separated by `;`)."""
    return split_tags(text)


@dataclass(frozen=True, slots=True)
class Domain:
    """One of the ten CPI asset-mapping domains, e.g. Sport or Horticulture."""

    slug: str
    label: str
    description: str = ""
