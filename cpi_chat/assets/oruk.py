"""Open Referral UK (HSDS 3.0 UK profile) JSON: services, organisations, locations, schedules, taxonomy."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cpi_chat.assets.csv_io import ParsedFile, RowProblem
from cpi_chat.assets.facts import DAY_NAMES, schedule_days
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import KINDS, Asset
from cpi_chat.assets.normalise import terms
from cpi_chat.assets.oruk_models import Address, Schedule, Service
from cpi_chat.assets.rows import validate_record
from cpi_chat.errors import AssetImportError

DOMAIN_TAXONOMY = "CPI asset-mapping domains"
KIND_TAXONOMY = "CPI service kind"
TAG_TAXONOMY = "CPI tags"
LOCAL_ID_TAXONOMY = "CPI directory id"  # an attribute whose value is the asset's own id, when that is not a UUID
ID_NAMESPACE = uuid.UUID("5b0c3f8e-7a57-4c2e-9d1e-1f6c0a9e2c41")  # stable UUIDs for ids that are not UUIDs
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class _TextOnly(HTMLParser):
    _BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "td"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(text: str | None) -> str:
    """Text with HTML tags removed, entities decoded and spaces tidied."""
    if not text:
        return ""
    if "<" not in text and "&" not in text:
        return text.strip()
    if "<" in text:
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return " ".join(unescape(text).split())


def service_list(data: object) -> list[object]:
    """The services in an ORUK document: a list, a page with `contents`, `{services: [...]}` or one service."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("contents", "services", "items", "data"):
            if isinstance(data.get(key), list):
                return data[key]
        if "id" in data and "name" in data:
            return [data]
    raise AssetImportError("The file does not hold Open Referral services (a list, or a page with 'contents').")


def parse_oruk(
    text: str, lexicon: Lexicon, name: str = "the file", progress: Callable[[int, int], None] | None = None,
    known_ids: dict[str, str] | None = None,
) -> ParsedFile:
    """Every service in ORUK JSON as an asset; unreadable services become numbered problems."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AssetImportError(f"The file {name} is not valid JSON (line {error.lineno}: {error.msg}).") from None
    except RecursionError:
        raise AssetImportError(f"The file {name} is nested too deeply to be an Open Referral file.") from None
    except ValueError:  # e.g. a number with thousands of digits
        raise AssetImportError(f"The file {name} holds a value too large to read (a number with thousands of digits).") from None
    services = service_list(data)
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
        if service.status and service.status.lower() not in ("active", ""):
            inactive += 1
            continue
        fields, was_guessed = _asset_fields(service, lexicon)
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
        guessed += was_guessed
        parsed.assets.append(asset)
    if not services:
        raise AssetImportError(f"The file {name} holds no services.")
    if guessed:
        parsed.notes.append(f"{guessed} services had no CPI domain, so one was chosen from their words.")
    if inactive:
        parsed.notes.append(f"{inactive} services are not active and were left out.")
    return parsed


def _asset_fields(service: Service, lexicon: Lexicon) -> tuple[dict[str, Any], bool]:
    domain, kind, tags, local_id = None, "mainstream", [], ""
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term is None or not term.name:
            continue
        taxonomy = (term.taxonomy or "").strip()
        if taxonomy == LOCAL_ID_TAXONOMY:
            local_id = attribute.value or local_id
        elif taxonomy == TAG_TAXONOMY:
            if term.name not in tags:
                tags.append(term.name)
        elif taxonomy == KIND_TAXONOMY and (term.code or term.name).lower() in KINDS:
            kind = (term.code or term.name).lower()
        elif domain is None and (taxonomy == DOMAIN_TAXONOMY or lexicon.resolve_domain(term.code or "") or lexicon.resolve_domain(term.name)):
            domain = lexicon.resolve_domain(term.code or "") or lexicon.resolve_domain(term.name)
        elif term.name not in tags:
            tags.append(term.name)
    description = plain_text(service.description)
    guessed = domain is None
    if domain is None:
        domain = guess_domain(" ".join([service.name, description, *tags]), lexicon)
    locations = [sal.location for sal in service.service_at_locations if sal.location]
    address = next((a for loc in locations for a in loc.addresses), None)
    schedules = service.schedules + [s for sal in service.service_at_locations for s in sal.schedules]
    schedules += [s for loc in locations for s in loc.schedules]
    organisation = service.organization.name if service.organization else ""
    fields = {
        "id": local_id or service.id,
        "name": plain_text(service.name),
        "domain": domain,
        "description": description,
        "tags": tags,
        "area": (address.city or "") if address else "",
        "address": _address_text(address),
        "schedule": _schedule_text(schedules) or _times_in_prose(description),
        "cost": _cost_text(service),
        "contact": _contact_text(service),
        "accessibility": " ".join(
            plain_text(f"{a.description or ''} {a.details or ''}") for loc in locations for a in loc.accessibility
        ).strip(),
        "kind": kind,
        "source": organisation if organisation != service.name else "",
        "last_verified": (service.assured_date or "")[:10],
    }
    return fields, guessed


def guess_domain(text: str, lexicon: Lexicon) -> str:
    """The domain whose label and description share most words with `text` ('other' if none do)."""
    found = set(terms(text))
    best, best_score = "other", 0
    for domain in lexicon.domains:
        score = len(found & set(terms(f"{domain.label} {domain.description}")))
        if score > best_score:
            best, best_score = domain.slug, score
    return best


def _address_text(address: Address | None) -> str:
    if address is None:
        return ""
    parts = [p.strip() for p in (address.address_1, address.address_2) if p and p.strip()]
    text = ", ".join(parts)
    postcode = (address.postal_code or "").strip()
    if postcode and postcode.replace(" ", "").lower() not in text.replace(" ", "").lower():
        text = f"{text}, {postcode}" if text else postcode
    return text


def _schedule_text(schedules: list[Schedule]) -> str:
    texts: list[str] = []
    for schedule in schedules:
        text = plain_text(schedule.description)
        if not text:
            days = [DAY_NAMES[_BYDAY.index(d.strip()[-2:])].title() + "s" for d in (schedule.byday or "").split(",") if d.strip()[-2:] in _BYDAY]
            if schedule.weekday:
                days.append(schedule.weekday.title())
            times = " to ".join(t[:5] for t in (schedule.opens_at, schedule.closes_at) if t)
            text = " ".join(p for p in (" and ".join(days), times) if p)
            if schedule.notes:
                text = f"{text} ({plain_text(schedule.notes)})" if text else plain_text(schedule.notes)
        if text and text not in texts:
            texts.append(text)
    return "; ".join(texts)


_TIME_IN_PROSE = re.compile(r"\b(\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2})\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*day", re.IGNORECASE)


def _times_in_prose(description: str) -> str:
    """Sentences of a description that say when something happens, used when there is no schedule."""
    sentences = re.split(r"(?<=[.!?])\s+", description)
    return " ".join(s for s in sentences if _TIME_IN_PROSE.search(s) or schedule_days(s))


def _cost_text(service: Service) -> str:
    if service.fees_description:
        return plain_text(service.fees_description)
    texts = []
    for option in service.cost_options:
        amount = "Free" if option.amount == 0 else (f"\u00a3{option.amount:g}" if option.amount is not None else "")
        text = " ".join(p for p in (amount, plain_text(option.amount_description)) if p)
        if option.option:
            text = f"{text} ({plain_text(option.option)})" if text else plain_text(option.option)
        texts.append(text)
    return "; ".join(t for t in texts if t)


def _contact_text(service: Service) -> str:
    parts = [plain_text(service.application_process)] if service.application_process else []
    for extra in [service.email, *(p.number.strip().strip('"') for p in service.phones), service.url]:
        if extra and not any(extra in p for p in parts):
            parts.append(extra)
    return "; ".join(p for p in parts if p)


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
    if asset.schedule:
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
    terms_: list[tuple[str, str, str, str]] = [
        (DOMAIN_TAXONOMY, asset.domain, domain.label if domain else asset.domain, domain.description if domain else ""),
        (KIND_TAXONOMY, asset.kind, asset.kind.title(), "Mainstream community group or specialist service"),
    ] + [(TAG_TAXONOMY, tag.lower(), tag, "A word the team uses to find this asset") for tag in asset.tags]
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


