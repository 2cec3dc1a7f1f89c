"""Bringing a directory in line with a published feed: new services added, changed ones updated, gone ones retired.

The team's own notes on an asset are never changed by a sync, and a retired asset is kept (with
its notes) but never suggested; if the feed lists it again it comes back. Everything a sync does
is one transaction, with the index updated in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cpi_chat.assets.csv_io import ParsedFile, RowProblem
from cpi_chat.assets.model import Asset


@dataclass
class FeedReport:
    """What a sync from a feed changed, for the person who ran it."""

    origin: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    retired: list[str] = field(default_factory=list)
    back: list[str] = field(default_factory=list)
    skipped: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One or two sentences saying what changed."""
        text = (
            f"From the feed: {len(self.added)} new, {len(self.updated)} changed, {self.unchanged} unchanged, "
            f"{len(self.retired)} retired"
        )
        if self.retired:
            text += " (kept with the team's notes, but no longer suggested)"
        if self.back:
            text += f", {len(self.back)} listed again"
        text += "."
        if self.skipped:
            text += f" Skipped {len(self.skipped)} service{'s' if len(self.skipped) != 1 else ''} that could not be read."
        return text

    def changed_names(self, limit: int = 10) -> list[str]:
        """A line for each change, the first `limit` of each kind, for the person to look over."""
        lines = [f"  new: {name}" for name in self.added[:limit]]
        lines += [f"  changed: {name}" for name in self.updated[:limit]]
        lines += [f"  retired: {name}" for name in self.retired[:limit]]
        lines += [f"  listed again: {name}" for name in self.back[:limit]]
        return lines


def _same(old: Asset, new: Asset) -> bool:
    """True when a feed's version says nothing new (the team's notes and status aside)."""
    return replace(old, notes="", status="active") == replace(new, notes="", status="active")


def plan_sync(origin: str, parsed: ParsedFile, current: dict[str, Asset], from_origin: list[Asset]) -> tuple[list[Asset], FeedReport]:
    """The assets to save for a sync and its report; `current` holds the directory's assets with the feed's ids."""
    report = FeedReport(origin, skipped=list(parsed.problems), notes=list(parsed.notes))
    to_save: list[Asset] = []
    seen: set[str] = set()
    for asset in parsed.assets:
        seen.add(asset.id)
        old = current.get(asset.id)
        new = replace(asset, origin=origin, status="active", notes=old.notes if old else "")
        if old is None:
            report.added.append(new.name)
        elif old.is_retired:
            report.back.append(new.name)
        elif _same(old, new):
            report.unchanged += 1
            continue
        else:
            report.updated.append(new.name)
        to_save.append(new)
    for old in from_origin:
        if old.id not in seen and not old.is_retired:
            report.retired.append(old.name)
            to_save.append(replace(old, status="retired"))
    return to_save, report
