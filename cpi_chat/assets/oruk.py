"""Open Referral UK: reading services (ORUK 1.0 `/services` arrays and pages, HSDS 3.0) and writing HSDS 3.0."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cpi_chat.assets.csv_io import ParsedFile, RowProblem
from cpi_chat.assets.facts import schedule_days
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import Asset
from cpi_chat.assets.oruk_mapping import (
    DOMAIN_TAXONOMY,
    KIND_TAXONOMY,
    LOCAL_ID_TAXONOMY,
    TAG_TAXONOMY,
    asset_fields,
)
from cpi_chat.assets.oruk_models import Service
from cpi_chat.assets.rows import validate_record
from cpi_chat.errors import AssetImportError

ID_NAMESPACE = uuid.UUID("5b0c3f8e-7a57-4c2e-9d1e-1f6c0a9e2c41")  # stable UUIDs for ids that are not UUIDs
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_LIST_KEYS = ("content", "contents", "services", "items", "data", "results")


def read_documents(text: str, name: str = "the file") -> Iterator[object]:
    """Every JSON document in a text: one, several pages joined one after another, or one per line."""
    decoder = json.JSONDecoder()
    position, length = 0, len(text)
    found = False
    while True:
        while position < length and text[position] in " \t\r\n,":
            position += 1
        if position >= length:
            break
        try:
            document, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise AssetImportError(f"{name[:1].upper()}{name[1:]} is not valid JSON (line {error.lineno}: {error.msg}).") from None
        except RecursionError:
            raise AssetImportError(f"{name[:1].upper()}{name[1:]} is nested too deeply to be an Open Referral file.") from None
        except ValueError:  # e.g. a number with thousands of digits
            raise AssetImportError(f"{name[:1].upper()}{name[1:]} holds a value too large to read (a number with thousands of digits).") from None
        found = True
        yield document
    if not found:
        raise AssetImportError(f"{name[:1].upper()}{name[1:]} is empty.")


def service_list(data: object) -> list[Any]:
    """The services in one document: a list, a page (`content`, `contents`, `items`...) or one service."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
        if "id" in data and "name" in data:
            return [data]
    raise AssetImportError("The file does not hold Open Referral services (a list, or a page with 'content').")


def page_count(document: object) -> int | None:
    """How many pages a paged response says there are (ORUK 1.0 `totalPages`, HSDS 3.0 `total_pages`), if it says."""
    if not isinstance(document, dict):
        return None
    for holder in (document, document.get("meta"), document.get("pagination")):
        if isinstance(holder, dict):
            for key in ("totalPages", "total_pages"):
                value = holder.get(key)
                if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
                    return int(value)
    return None


def parse_oruk(
    text: str, lexicon: Lexicon, name: str = "the file", progress: Callable[[int, int], None] | None = None,
    known_ids: dict[str, str] | None = None,
) -> ParsedFile:
    """Every service in ORUK JSON (one or several pages) as an asset; unreadable services become numbered problems."""
    services: list[Any] = []
    for document in read_documents(text, f"the file {name}"):
        services.extend(service_list(document))
    if not services:
        raise AssetImportError(f"The file {name} holds no services.")
    return parse_services(services, lexicon, progress, known_ids)


def parse_services(
    services: list[Any], lexicon: Lexicon, progress: Callable[[int, int], None] | None = None,
    known_ids: dict[str, str] | None = None,
) -> ParsedFile:
    """Services already read from JSON or assembled from CSV tables, as assets and problems."""
    parsed = ParsedFile()
    seen: dict[str, int] = {}
    guessed = inactive = 0
    for number, raw in enumerate(services, start=1):
        if progress is not None and (number % 500 == 0 or number == len(services)):
            progress(number, len(services))
        try:
            service = Service.model_validate(raw)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            parsed.problems.append(RowProblem(number, f"the {where} {first['msg'].lower()}", "service"))
            continue
        if service.status and service.status.strip().lower() not in ("active", ""):
            inactive += 1
            parsed.inactive_ids.append(service.id)
            continue
        fields = asset_fields(service, lexicon)
        if known_ids and fields["id"] in known_ids:
            fields["id"] = known_ids[fields["id"]]
        try:
            asset = validate_record(fields, lexicon)
        except ValueError as error:
            parsed.problems.append(RowProblem(number, f"{error} (id {service.id[:40]})", "service"))
            continue
        if asset.id in seen:
            parsed.problems.append(RowProblem(number, f"the id '{asset.id[:40]}' is already used by service {seen[asset.id]}", "service"))
            continue
        seen[asset.id] = number
        guessed += "domain" in asset.guessed
        parsed.assets.append(asset)
    if guessed:
        parsed.notes.append(f"{guessed} services had no CPI domain, so one was guessed from their words (shown as a guess).")
    if inactive:
        parsed.notes.append(f"{inactive} services are not active and were left out.")
    return parsed


def export_id(asset_id: str) -> str:
    """The ORUK id of an asset: its own id if that is a UUID, else a stable UUID made from it."""
    try:
        return str(uuid.UUID(asset_id))
    except ValueError:
        return str(uuid.uuid5(ID_NAMESPACE, asset_id))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)\d(?:[\s-]?\d){8,10}")
_URL = re.compile(r"https?://\S+|www\.\S+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)


def service_json(asset: Asset, lexicon: Lexicon) -> dict[str, Any]:
    """One asset as an HSDS 3.0 service, empty optional fields left out."""
    sid = export_id(asset.id)
    made = lambda part: str(uuid.uuid5(ID_NAMESPACE, f"{asset.id}/{part}"))
    organisation = asset.source or asset.name
    domain = lexicon.domain(asset.domain)
    service: dict[str, Any] = {
        "id": sid, "name": asset.name, "status": "active",
        "organization_id": str(uuid.uuid5(ID_NAMESPACE, f"organisation/{organisation}")),
        "organization": {"id": str(uuid.uuid5(ID_NAMESPACE, f"organisation/{organisation}")), "name": organisation, "description": ""},
    }
    if asset.description:
        service["description"] = asset.description
    if email := _EMAIL.search(asset.contact):
        service["email"] = email.group(0)
    if url := _URL.search(asset.contact):
        service["url"] = url.group(0).rstrip(".,;")
    if asset.contact:
        service["application_process"] = asset.contact
        phones = _PHONE.findall(asset.contact)
        if phones:
            service["phones"] = [{"id": made(f"phone{i}"), "number": p} for i, p in enumerate(phones)]
    if asset.cost:
        service["fees_description"] = asset.cost
    if asset.last_verified:
        service["assured_date"] = asset.last_verified.isoformat()
    if asset.schedule and "schedule" not in asset.guessed:
        schedule: dict[str, Any] = {"id": made("schedule"), "description": asset.schedule}
        days = schedule_days(asset.schedule)
        if days:
            schedule.update(freq="WEEKLY", byday=",".join(code for i, code in enumerate(_BYDAY) if days >> i & 1))
        service["schedules"] = [schedule]
    if asset.address or asset.area or asset.accessibility:
        location: dict[str, Any] = {"id": made("location"), "location_type": "physical", "name": asset.address.split(",")[0] or asset.area}
        if asset.address or asset.area:
            postcode = _POSTCODE.search(asset.address)
            location["addresses"] = [{
                "id": made("address"), "address_1": asset.address, "city": asset.area, "state_province": "",
                "postal_code": postcode.group(0) if postcode else "", "country": "GB", "address_type": "physical",
            }]
        if asset.accessibility:
            location["accessibility"] = [{"id": made("access"), "description": asset.accessibility}]
        service["service_at_locations"] = [{"id": made("at"), "location": location}]
    # A guessed domain or kind is left out, so whoever reads the file guesses again rather than trusting ours.
    terms_: list[tuple[str, str, str, str]] = [
        (DOMAIN_TAXONOMY, asset.domain, domain.label if domain else asset.domain, domain.description if domain else ""),
        (KIND_TAXONOMY, asset.kind, asset.kind.title(), "Mainstream community group or specialist service"),
    ]
    terms_ = [t for t, name in zip(terms_, ("domain", "kind")) if name not in asset.guessed]
    terms_ += [(TAG_TAXONOMY, tag.lower(), tag, "A word the team uses to find this asset") for tag in asset.tags]
    service["attributes"] = [
        {"id": made(f"attr/{taxonomy}/{code}"), "taxonomy_term": {
            "id": str(uuid.uuid5(ID_NAMESPACE, f"term/{taxonomy}/{code}")), "code": code, "name": name,
            "description": note, "taxonomy": taxonomy}}
        for taxonomy, code, name, note in terms_
    ]
    if sid != asset.id:
        service["attributes"].append({"id": made("attr/local-id"), "value": asset.id, "taxonomy_term": {
            "id": str(uuid.uuid5(ID_NAMESPACE, f"term/{LOCAL_ID_TAXONOMY}")), "code": "asset-id",
            "name": "Asset id in the team's directory", "description": "The id a cpi-chat directory gives this asset",
            "taxonomy": LOCAL_ID_TAXONOMY}})
    return service


def write_oruk(assets: list[Asset], lexicon: Lexicon, path: Path) -> int:
    """Write assets as one ORUK page of services (the shape of the /services endpoint)."""
    services = [service_json(a, lexicon) for a in assets]
    page = {"total_items": len(services), "total_pages": 1, "page_number": 1, "size": len(services),
            "first_page": True, "last_page": True, "empty": not services, "contents": services}
    try:
        path.write_text(json.dumps(page, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as error:
        raise AssetImportError(f"Could not write {path} ({error.strerror}).") from None
    return len(services)


def export_ids(asset_ids: set[str]) -> dict[str, str]:
    """The ORUK ids our export gives these assets, mapped back to the assets' own ids."""
    return {export_id(i): i for i in asset_ids}


