"""The Open Referral UK CSV format: a folder or .zip of tables (services.csv, locations.csv, ...) joined into services.

Both the ORUK 1.0 table names (physical_addresses, regular_schedules, service_taxonomy, eligibility,
accessibility_for_disabilities) and the HSDS 3.0 ones (addresses, schedules, attributes,
taxonomy_terms, accessibility) are read; each service is assembled into the same shape as a JSON
service, so one mapping serves both.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from cpi_chat.errors import AssetImportError

# The table each file holds, by its name without ".csv" (ORUK 1.0 and HSDS 3.0 spellings).
TABLES = {
    "services": "service", "service": "service",
    "organizations": "organization", "organization": "organization", "organisations": "organization",
    "locations": "location", "location": "location",
    "service_at_location": "service_at_location", "service_at_locations": "service_at_location",
    "services_at_location": "service_at_location", "services_at_locations": "service_at_location",
    "physical_addresses": "address", "physical_address": "address", "addresses": "address", "address": "address",
    "regular_schedules": "schedule", "regular_schedule": "schedule", "schedules": "schedule", "schedule": "schedule",
    "accessibility_for_disabilities": "accessibility", "accessibility": "accessibility",
    "eligibility": "eligibility", "eligibilitys": "eligibility", "eligibilities": "eligibility",
    "service_taxonomy": "service_taxonomy", "services_taxonomy": "service_taxonomy", "service_taxonomys": "service_taxonomy",
    "taxonomy": "taxonomy", "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy", "taxonomy_term": "taxonomy",
    "attributes": "attribute", "attribute": "attribute",
    "cost_option": "cost_option", "cost_options": "cost_option",
    "phones": "phone", "phone": "phone", "contacts": "contact", "contact": "contact",
    "languages": "language", "language": "language", "service_areas": "service_area", "service_area": "service_area",
}
MAX_TABLE_BYTES = 200_000_000


def is_oruk_csv(path: Path) -> bool:
    """True for a folder or .zip holding a services table, or a services.csv whose columns are ORUK's."""
    if path.is_dir():
        return any((path / f"{name}.csv").exists() for name in ("services", "service"))
    if path.suffix.lower() == ".zip":
        return True
    if path.suffix.lower() == ".csv":
        try:
            with path.open(encoding="utf-8-sig", errors="replace") as handle:
                header = {c.strip().lower() for c in next(csv.reader(handle), [])}
        except OSError:
            return False
        return "organization_id" in header and "domain" not in header
    return False


def read_tables(path: Path) -> dict[str, list[dict[str, str]]]:
    """Every known table in a folder or .zip (a lone services.csv brings its folder), as rows by table."""
    files: dict[str, bytes] = {}
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    stem = Path(info.filename).stem.lower()
                    if info.filename.lower().endswith(".csv") and stem in TABLES and info.file_size <= MAX_TABLE_BYTES:
                        files[stem] = archive.read(info)
        else:
            folder = path if path.is_dir() else path.parent
            for file in folder.glob("*.csv"):
                if file.stem.lower() in TABLES:
                    files[file.stem.lower()] = file.read_bytes()
    except (OSError, zipfile.BadZipFile) as error:
        raise AssetImportError(f"The Open Referral tables in {path.name} could not be read ({error}).") from None
    tables: dict[str, list[dict[str, str]]] = defaultdict(list)
    for stem, data in files.items():
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # spreadsheets on Windows save this way
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]
        tables[TABLES[stem]].extend(rows)
    if not tables.get("service"):
        raise AssetImportError(f"{path.name} holds no services.csv table, so it is not an Open Referral CSV directory.")
    return tables


def assemble_services(tables: dict[str, list[dict[str, str]]]) -> list[dict[str, Any]]:
    """Each service row with its organisation, locations, addresses, schedules, terms, costs and contacts."""
    by: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for table, rows in tables.items():
        for row in rows:
            for key in ("service_id", "location_id", "service_at_location_id", "link_id", "contact_id", "organization_id"):
                if row.get(key):
                    by[(table, f"{key}={row[key]}")].append(row)
    ids = {table: {row.get("id", ""): row for row in rows} for table, rows in tables.items()}
    terms = ids.get("taxonomy", {})

    def location(location_id: str) -> dict[str, Any]:
        found: dict[str, Any] = dict(ids.get("location", {}).get(location_id, {"id": location_id}))
        found["addresses"] = by[("address", f"location_id={location_id}")]
        found["accessibility"] = by[("accessibility", f"location_id={location_id}")]
        found["schedules"] = by[("schedule", f"location_id={location_id}")]
        return found

    services = []
    for row in tables["service"]:
        sid = row.get("id", "")
        service: dict[str, Any] = dict(row)
        organisation = ids.get("organization", {}).get(row.get("organization_id", ""))
        if organisation:
            service["organization"] = organisation
        service["service_at_locations"] = [
            {**link, "location": location(link.get("location_id", "")),
             "schedules": by[("schedule", f"service_at_location_id={link.get('id', '')}")]}
            for link in by[("service_at_location", f"service_id={sid}")]
        ]
        service["schedules"] = [s for s in by[("schedule", f"service_id={sid}")] if not s.get("location_id")]
        service["attributes"] = [
            {"taxonomy_term": terms.get(link.get("taxonomy_id") or link.get("taxonomy_term_id", ""), {})}
            for link in by[("service_taxonomy", f"service_id={sid}")] + by[("attribute", f"link_id={sid}")]
        ]
        service["eligibilitys"] = by[("eligibility", f"service_id={sid}")]
        service["cost_options"] = by[("cost_option", f"service_id={sid}")]
        service["phones"] = by[("phone", f"service_id={sid}")]
        service["contacts"] = [
            {**contact, "phones": by[("phone", f"contact_id={contact.get('id', '')}")]}
            for contact in by[("contact", f"service_id={sid}")]
        ]
        service["languages"] = by[("language", f"service_id={sid}")]
        service["service_areas"] = by[("service_area", f"service_id={sid}")]
        services.append(service)
    return services
