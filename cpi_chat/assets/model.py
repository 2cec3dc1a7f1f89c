"""The community asset and domain records that the directory stores, searches and exchanges."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

KINDS = ("mainstream", "specialist")

# The columns of the CSV format, in the order we write them.
CSV_COLUMNS = (
    "id", "name", "domain", "description", "tags", "area", "address", "schedule",
    "cost", "contact", "accessibility", "kind", "source", "last_verified",
)
# design.md's original header: the last three columns may be missing.
REQUIRED_COLUMNS = CSV_COLUMNS[:11]


@dataclass(slots=True)
class Asset:
    """One community group, class, place or service that a person could go to."""

    id: str
    name: str
    domain: str  # a domain slug, e.g. "sport"
    description: str = ""
    tags: list[str] = field(default_factory=list)
    area: str = ""
    address: str = ""
    schedule: str = ""
    cost: str = ""
    contact: str = ""
    accessibility: str = ""
    kind: str = "mainstream"  # "mainstream" or "specialist"
    source: str = ""
    last_verified: date | None = None

    def to_row(self) -> dict[str, str | None]:
        """The asset as a flat row of text, as stored in assets.db and written to CSV."""
        row: dict[str, str | None] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "tags":
                row["tags"] = "; ".join(value)
            elif f.name == "last_verified":
                row["last_verified"] = value.isoformat() if value else None
            else:
                row[f.name] = value
        return row

    @classmethod
    def from_row(cls, row: dict[str, object]) -> Asset:
        """Rebuild an asset from a row written by `to_row` (trusted data, no validation)."""
        verified = row.get("last_verified")
        return cls(
            id=str(row["id"]),
            name=str(row["name"]),
            domain=str(row["domain"]),
            description=str(row.get("description") or ""),
            tags=split_tags(str(row.get("tags") or "")),
            area=str(row.get("area") or ""),
            address=str(row.get("address") or ""),
            schedule=str(row.get("schedule") or ""),
            cost=str(row.get("cost") or ""),
            contact=str(row.get("contact") or ""),
            accessibility=str(row.get("accessibility") or ""),
            kind=str(row.get("kind") or "mainstream"),
            source=str(row.get("source") or ""),
            last_verified=date.fromisoformat(str(verified)) if verified else None,
        )


def split_tags(text: str) -> list[str]:
    """Tags from their `;`-separated form, trimmed, empty ones dropped, order and case kept."""
    return [tag.strip() for tag in text.split(";") if tag.strip()]


@dataclass(frozen=True, slots=True)
class Domain:
    """One of the ten CPI asset-mapping domains, e.g. Sport or Horticulture."""

    slug: str
    label: str
    description: str = ""
