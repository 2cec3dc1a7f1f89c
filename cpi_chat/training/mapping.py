"""The mapping community assets exercise: a grid of the ten domains by the team's areas, its gaps, and the directory it makes."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from cpi_chat.assets.csv_io import FORMULA_STARTS, ParsedFile, neutralise
from cpi_chat.assets.directory import AssetDirectory, ImportReport
from cpi_chat.assets.model import Asset, Domain
from cpi_chat.assets.normalise import fold
from cpi_chat.assets.rows import validate_asset
from cpi_chat.training import TrainingError

SOURCE = "Team asset-mapping exercise"
GRID_COLUMNS = ("area", "domain", "name", "details")
NOTHING = "-"


@dataclass(frozen=True)
class MappedAsset:
    """One asset the group knows: its name, domain (slug), area and any details they remember."""

    name: str
    domain: str
    area: str
    details: str = ""


@dataclass(frozen=True)
class Gap:
    """A domain with nothing in an area."""

    area: str
    domain: Domain


@dataclass
class AssetGrid:
    """The exercise so far: the ten domains, the team's areas, and the assets added."""

    domains: tuple[Domain, ...]
    areas: list[str]
    assets: list[MappedAsset] = field(default_factory=list)


def counted(number: int, word: str) -> str:
    """'1 asset', '2 assets', '0 assets'."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def directory_words(report: ImportReport, in_all: int) -> str:
    """What importing the grid did to the team's directory, in one sentence with right plurals."""
    return f"The team's directory: {counted(report.added, 'asset')} added, {report.updated} updated ({in_all} in all)."


def not_kept_words(count: int, exported_to: str = "", changed_since: bool = False) -> str:
    """What became of the grid when training ends without keeping it (the folder is deleted)."""
    if exported_to and not changed_since:
        return (f"The grid's {counted(count, 'asset')} {'was' if count == 1 else 'were'} exported to {exported_to}; "
                "the training folder has been deleted.")
    if exported_to:
        return (f"{exported_to} has the grid as it was when you exported it; later changes were not kept: "
                "the training folder has been deleted.")
    return (f"{counted(count, 'asset')} {'was' if count == 1 else 'were'} not kept: the training folder has been deleted. "
            "Next time, export with F7, or start with --csv FILE, --oruk FILE or --save FILE.")


def new_grid(domains: list[Domain] | tuple[Domain, ...], areas: list[str]) -> AssetGrid:
    """An empty grid for these areas (blank and repeated names dropped); TrainingError when none are left."""
    kept: list[str] = []
    for area in areas:
        cleaned = " ".join(area.split())
        if cleaned and fold(cleaned) not in {fold(a) for a in kept}:
            kept.append(cleaned)
    if not kept:
        raise TrainingError("The grid needs at least one area, such as a part of town or a village.")
    return AssetGrid(tuple(domains), kept)


def split_areas(text: str) -> list[str]:
    """Areas typed on one line, separated by commas or semicolons."""
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def find_domain(text: str, domains: tuple[Domain, ...] | list[Domain], list_domains: bool = True) -> Domain:
    """The domain meant by a number (1-10), a slug, a label or the start of one ('sport', 'arts', 'relig').

    The error lists the domains, unless `list_domains` is False (a screen that shows them numbered already).
    """
    wanted = fold(text.strip())
    if wanted.isdecimal() and 1 <= int(wanted) <= len(domains):
        return domains[int(wanted) - 1]
    for domain in domains:
        if wanted in {fold(domain.slug), fold(domain.label)}:
            return domain
    starts = [d for d in domains if wanted and any(w.startswith(wanted) for w in fold(d.label).replace(",", "").split())]
    if len(starts) == 1:
        return starts[0]
    if not list_domains:
        raise TrainingError(f"'{text.strip()[:40]}' is not one of the ten domains; type its number (1 to {len(domains)}) "
                            "or the start of its name, such as 4 or sport.")
    names = "; ".join(f"{n}. {d.label}" for n, d in enumerate(domains, start=1))
    raise TrainingError(f"'{text.strip()[:40]}' is not one of the ten domains; type a number or a name: {names}.")


def find_area(text: str, areas: list[str]) -> str:
    """The team area meant by a number, a name (any case) or the start of one."""
    wanted = fold(text.strip())
    if wanted.isdecimal() and 1 <= int(wanted) <= len(areas):
        return areas[int(wanted) - 1]
    exact = [a for a in areas if fold(a) == wanted]
    starts = [a for a in areas if wanted and fold(a).startswith(wanted)]
    if exact or len(starts) == 1:
        return (exact or starts)[0]
    raise TrainingError(f"'{text.strip()[:40]}' is not one of the team's areas: {', '.join(areas)}.")


def parse_line(line: str, grid: AssetGrid, list_domains: bool = True) -> MappedAsset:
    """An asset from one typed line: 'name; domain; area; details' (commas work too when the name has none)."""
    separator = ";" if ";" in line else ","
    parts = [p.strip() for p in line.split(separator)]
    if len(parts) < 3 or not parts[0]:
        raise TrainingError("Type the name, the domain and the area, separated by semicolons, e.g. 'Park run; sport; Riverside'.")
    details = f"{separator} ".join(p for p in parts[3:] if p)
    return MappedAsset(parts[0], find_domain(parts[1], grid.domains, list_domains).slug, find_area(parts[2], grid.areas), details)


def add_area(grid: AssetGrid, area: str) -> str:
    """Add an area to the grid unless it is there already (any case); returns its name as kept."""
    cleaned = " ".join(area.split())
    known = {fold(a): a for a in grid.areas}
    if fold(cleaned) in known:
        return known[fold(cleaned)]
    if cleaned:
        grid.areas.append(cleaned)
    return cleaned


def add_asset(grid: AssetGrid, asset: MappedAsset) -> None:
    """Add an asset to the grid; a new area joins the grid's areas."""
    add_area(grid, asset.area)
    grid.assets.append(asset)


def counts(grid: AssetGrid) -> dict[tuple[str, str], int]:
    """How many assets each (domain slug, area) cell holds, every cell included."""
    cells = {(d.slug, a): 0 for d in grid.domains for a in grid.areas}
    for asset in grid.assets:
        key = (asset.domain, asset.area)
        if key in cells:
            cells[key] += 1
    return cells


def gaps(grid: AssetGrid) -> list[Gap]:
    """Every domain with nothing in an area, area by area in the grid's order."""
    cells = counts(grid)
    return [Gap(a, d) for a in grid.areas for d in grid.domains if cells[(d.slug, a)] == 0]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def gap_sentences(grid: AssetGrid) -> list[str]:
    """The gaps in words: domains nobody found anywhere, then each area's empty domains."""
    found = gaps(grid)
    if not found:
        return ["No gaps: every area has something in every domain."]
    if not grid.assets:
        return [f"Nothing yet: all ten domains are gaps in {_listed(grid.areas)}."]
    sentences = []
    everywhere = [d for d in grid.domains if all(Gap(a, d) in found for a in grid.areas)]
    if everywhere and grid.assets:
        sentences.append(f"Nothing yet in any area for {_listed([d.label for d in everywhere])}.")
    for area in grid.areas:
        empty = [g.domain.label for g in found if g.area == area and g.domain not in everywhere]
        if empty:
            also = "also " if everywhere and grid.assets else ""
            sentences.append(f"{area} {also}has nothing for {_listed(empty)}.")
        elif not any(g.area == area for g in found):
            sentences.append(f"{area} has something in every domain.")
    return sentences


def grid_text(grid: AssetGrid) -> str:
    """The grid as a text table: a row per domain, a column per area, counts in the cells ('-' for a gap)."""
    cells = counts(grid)
    label_width = max(len(d.label) for d in grid.domains)
    widths = [max(len(a), 3) for a in grid.areas]
    header = " " * label_width + " | " + " | ".join(a.ljust(w) for a, w in zip(grid.areas, widths))
    lines = [header, "-" * len(header)]
    for domain in grid.domains:
        row = [str(cells[(domain.slug, a)] or NOTHING).rjust(w) for a, w in zip(grid.areas, widths)]
        lines.append(domain.label.ljust(label_width) + " | " + " | ".join(row))
    totals = [str(sum(cells[(d.slug, a)] for d in grid.domains)).rjust(w) for a, w in zip(grid.areas, widths)]
    lines.append("Total".ljust(label_width) + " | " + " | ".join(totals))
    return "\n".join(lines)


def asset_id(asset: MappedAsset) -> str:
    """A stable id for a mapped asset from its name and area ('Park Run', 'Riverside' -> 'park-run-riverside')."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{asset.name} {asset.area}")).strip("-")
    return f"team-{slug[:80] or 'asset'}"


def to_assets(grid: AssetGrid) -> list[Asset]:
    """The grid's assets as directory entries; the same name in the same area is kept once."""
    seen: dict[str, Asset] = {}
    for mapped in grid.assets:
        seen[asset_id(mapped)] = Asset(
            id=asset_id(mapped), name=mapped.name, domain=mapped.domain, area=mapped.area,
            description=mapped.details, source=SOURCE,
        )
    return list(seen.values())


def import_grid(grid: AssetGrid, directory: AssetDirectory) -> ImportReport:
    """Put the grid's assets into the directory in one go; importing again updates them instead of doubling."""
    assets = [validate_asset(a, directory.lexicon) for a in to_assets(grid)]
    return directory.import_parsed(ParsedFile(assets=assets))


def save_grid(grid: AssetGrid, path: Path) -> int:
    """Write the grid to a CSV file (area, domain, name, details) so the team can carry on later; returns assets written."""
    labels = {d.slug: d.label for d in grid.domains}
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(GRID_COLUMNS)
            for area in grid.areas:
                here = [a for a in grid.assets if a.area == area]
                if not here:
                    writer.writerow([neutralise(area), "", "", ""])  # keeps an area that has nothing yet
                for asset in here:
                    writer.writerow([neutralise(v) for v in (asset.area, labels[asset.domain], asset.name, asset.details)])
    except OSError as error:
        raise TrainingError(f"Could not write the grid to {path} ({error.strerror}).") from None
    return len(grid.assets)


def load_grid(path: Path, domains: list[Domain] | tuple[Domain, ...], areas: list[str] | None = None) -> AssetGrid:
    """Read a grid saved by `save_grid`, adding any areas given; TrainingError names the first bad row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise TrainingError(f"Could not read the grid from {path} ({type(error).__name__}).") from None
    grid = new_grid(domains, (areas or []) + [_cell(row, "area") for row in rows])
    for number, row in enumerate(rows, start=2):
        name = _cell(row, "name")
        if not name:
            continue
        try:
            domain = find_domain(_cell(row, "domain"), grid.domains)
        except TrainingError:
            raise TrainingError(f"Row {number} of {path.name} has an unknown domain.") from None
        area = find_area(_cell(row, "area"), grid.areas)
        add_asset(grid, MappedAsset(name, domain.slug, area, _cell(row, "details")))
    return grid


def _cell(row: dict[str, str | None], column: str) -> str:
    value = (row.get(column) or "").strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]  # undo save_grid's protection against spreadsheet formulas
    return value
