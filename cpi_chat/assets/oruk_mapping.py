"""One Open Referral UK service (ORUK 1.0 or HSDS 3.0) as the fields of an asset: what is kept, and what is guessed.

docs/assets.md says field by field what is kept. Nothing here is scored as a fact unless the
feed said it: a domain, a kind or a schedule cpi-chat had to work out is listed in `guessed`.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

from cpi_chat.assets.facts import DAY_NAMES
from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import KINDS
from cpi_chat.assets.normalise import terms
from cpi_chat.assets.oruk_models import Address, Schedule, Service

DOMAIN_TAXONOMY = "CPI asset-mapping domains"
KIND_TAXONOMY = "CPI service kind"
TAG_TAXONOMY = "CPI tags"
LOCAL_ID_TAXONOMY = "CPI directory id"  # an attribute whose value is the asset's own id, when that is not a UUID
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ORDINALS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}
ATTENDING_TYPE_WORDS = {"venue": "In person", "phone": "By phone", "online": "Online", "home visit": "Home visits",
                        "in person": "In person", "in-person": "In person"}
ATTENDING_ACCESS_WORDS = {"drop-in": "Drop in, no need to book", "drop in": "Drop in, no need to book",
                          "appointment": "By appointment", "referral": "By referral", "membership": "For members",
                          "self-referral": "You can refer yourself", "self referral": "You can refer yourself"}
# Words that say a service is run by professionals for people with particular needs (a guess, marked as one).
_SPECIALIST = re.compile(
    r"\b(nhs|clinic|clinical|therapy|therapies|therapist|counselling|counsellor|psycholog\w*|psychiatr\w*|talking therap\w*"
    r"|referral|assessment|social worker|nurse|gp practice|hospital|treatment|iapt)\b", re.IGNORECASE,
)
# Words that point to one of the ten domains when a feed names none (read from names and tags first).
DOMAIN_HINTS: dict[str, tuple[str, ...]] = {
    "sport": ("sport", "football", "cricket", "swim", "gym", "fitness", "exercise", "walking", "running", "cycling", "bowls",
              "tennis", "badminton", "netball", "boxing", "dance", "yoga", "pilates", "golf", "rugby", "athletic", "leisure centre"),
    "arts-crafts": ("art", "craft", "knit", "crochet", "sew", "paint", "draw", "pottery", "choir", "sing", "music", "band",
                    "drama", "theatre", "photograph", "creative", "ukulele"),
    "education": ("course", "learn", "class", "lesson", "tuition", "esol", "english", "maths", "literacy", "digital skills",
                  "computer", "library", "college", "training", "qualification"),
    "religious-cultural": ("church", "mosque", "temple", "synagogue", "gurdwara", "faith", "worship", "prayer", "chapel",
                           "parish", "culture", "heritage"),
    "alternative-therapies": ("meditation", "mindfulness", "tai chi", "reflexology", "massage", "reiki", "aromatherapy",
                              "acupuncture", "relaxation"),
    "non-commissioned": ("peer support", "support group", "self help", "self-help", "recovery", "bereavement",
                         "carers", "mental health", "wellbeing", "befriending service"),
    "neighbourhood": ("community centre", "coffee morning", "lunch club", "social club", "cafe", "quiz", "bingo", "residents",
                      "neighbour", "community group", "friendship", "social", "tea"),
    "horticulture": ("garden", "allotment", "growing", "horticult", "plant", "orchard", "green space", "conservation"),
    "volunteering": ("volunteer", "volunteering", "charity shop", "food bank"),
}


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


_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac]")


def plain_text(text: str | None) -> str:
    """Text with HTML tags removed, entities decoded, mojibake ('â€™') repaired and spaces tidied."""
    if not text:
        return ""
    if _MOJIBAKE.search(text):
        try:
            text = text.encode("cp1252").decode("utf-8")
        except UnicodeError:
            pass
    if "<" in text:
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return " ".join(unescape(text).split())


def asset_fields(service: Service, lexicon: Lexicon) -> dict[str, Any]:
    """The asset fields one service gives, with `guessed` naming those cpi-chat worked out itself."""
    domain, kind, tags, local_id = _from_taxonomies(service, lexicon)
    tags += _audience(service)
    description = plain_text(service.description)
    locations = [sal.location for sal in service.service_at_locations if sal.location]
    guessed: list[str] = []
    if domain is None:
        domain = guess_domain(service.name, tags, description, lexicon)
        guessed.append("domain")
    if kind is None:
        kind = "specialist" if _SPECIALIST.search(f"{service.name} {service.attending_access or ''} {description}") else "mainstream"
        guessed.append("kind")
    schedule = _all_schedules(service)
    if not schedule:
        schedule = times_in_prose(description)
        if schedule:
            guessed.append("schedule")
    organisation = plain_text(service.organization.name) if service.organization else ""
    return {
        "id": local_id or service.id,
        "name": plain_text(service.name),
        "domain": domain,
        "description": description,
        "tags": list(dict.fromkeys(t for t in tags if t)),
        "area": "; ".join(dict.fromkeys(a for a in (_area(addr) for loc in locations for addr in loc.addresses) if a)),
        "address": "; ".join(dict.fromkeys(t for t in (_place(loc.name, addr) for loc in locations for addr in loc.addresses) if t)),
        "schedule": schedule,
        "cost": _cost_text(service),
        "contact": _contact_text(service),
        "accessibility": _access_text(service, locations),
        "kind": kind,
        "source": organisation if organisation != plain_text(service.name) else "",
        "last_verified": _date(service.assured_date) or _date(service.last_modified),
        "guessed": guessed,
    }


def _from_taxonomies(service: Service, lexicon: Lexicon) -> tuple[str | None, str | None, list[str], str]:
    domain: str | None = None
    kind: str | None = None
    tags: list[str] = []
    local_id = ""
    for attribute in service.attributes:
        term = attribute.taxonomy_term
        if term is None or not term.name:
            continue
        taxonomy = (term.taxonomy or "").strip()
        name = plain_text(term.name)
        if taxonomy == LOCAL_ID_TAXONOMY:
            local_id = attribute.value or local_id
        elif taxonomy == KIND_TAXONOMY and (term.code or name).lower() in KINDS:
            kind = (term.code or name).lower()
        elif taxonomy == DOMAIN_TAXONOMY and domain is None:
            domain = lexicon.resolve_domain(term.code or "") or lexicon.resolve_domain(name)
        else:
            tags.append(name)
    return domain, kind, tags, local_id


def _audience(service: Service) -> list[str]:
    """Who a service is for, as tags: eligibility, ages, languages besides English and the areas served."""
    found = [plain_text(e.eligibility) for e in service.eligibilitys]
    if service.eligibility_description and len(service.eligibility_description) <= 60:
        found.append(plain_text(service.eligibility_description))
    ages = [(e.minimum_age, e.maximum_age) for e in service.eligibilitys] + [(service.minimum_age, service.maximum_age)]
    for low, high in ages:
        low, high = _age(low), _age(high)
        if low and high:
            found.append(f"Ages {low} to {high}")
        elif low:
            found.append(f"Ages {low} and over")
        elif high:
            found.append(f"Ages up to {high}")
    found += [plain_text(l.language) for l in service.languages if (l.language or "").strip().lower() not in ("", "english")]
    return found


def _age(value: str | None) -> str:
    text = (value or "").strip().split(".")[0]
    return text if text.isdigit() and 0 < int(text) < 120 else ""


def guess_domain(name: str, tags: list[str], description: str, lexicon: Lexicon) -> str:
    """The domain whose hint words a service's name and tags (then description) use most; 'other' when none do."""
    scores: dict[str, float] = {}
    for text, weight in ((name, 3.0), (" ".join(tags), 2.0), (description, 1.0)):
        words = " " + " ".join(terms(text)) + " "
        for slug, hints in DOMAIN_HINTS.items():
            hits = sum(1 for hint in hints if f" {' '.join(terms(hint))}" in words)
            if hits:
                scores[slug] = scores.get(slug, 0.0) + weight * hits
    known = {d.slug for d in lexicon.domains}
    ranked = sorted(((score, slug) for slug, score in scores.items() if slug in known), reverse=True)
    return ranked[0][1] if ranked else ("other" if "other" in known else next(iter(known)))


_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}\b", re.IGNORECASE)


def _area(address: Address) -> str:
    """The town or district of an address; its postcode district ('NG7') when it names none."""
    for part in (address.city, address.address_4, address.address_3):
        if part and part.strip() and not _POSTCODE.fullmatch(part.strip()):
            return plain_text(part)
    postcode = _POSTCODE.search(address.postal_code or "")
    return postcode.group(1).upper() if postcode else ""


def _place(location_name: str | None, address: Address) -> str:
    """A place as people write it: the building's name (unless the address starts with it), the street, the postcode."""
    parts = [plain_text(p) for p in (address.address_1, address.address_2, address.address_3) if p]
    name = plain_text(location_name)
    if name and not any(p.lower().startswith(name.lower()) for p in parts):
        parts.insert(0, name)
    text = ", ".join(dict.fromkeys(p for p in parts if p))
    postcode = (address.postal_code or "").strip()
    if postcode and postcode.replace(" ", "").lower() not in text.replace(" ", "").lower():
        text = f"{text}, {postcode.upper()}" if text else postcode.upper()
    return text


def _all_schedules(service: Service) -> str:
    texts: list[str] = []
    for schedule in service.schedules:
        _add(texts, schedule_in_words(schedule))
    for sal in service.service_at_locations:
        where = plain_text(sal.location.name) if sal.location and sal.location.name else ""
        for schedule in sal.schedules + (sal.location.schedules if sal.location else []):
            text = schedule_in_words(schedule)
            _add(texts, f"{text} ({where})" if text and where and where not in text else text)
    return "; ".join(texts)


def _add(texts: list[str], text: str) -> None:
    if text and text not in texts:
        texts.append(text)


def schedule_in_words(schedule: Schedule) -> str:
    """A schedule as people say it: its description, else its days and times ('First Mondays 10:00 to 12:00')."""
    text = plain_text(schedule.description)
    if text:
        return text
    days: list[str] = []
    monthly = (schedule.freq or "").upper() == "MONTHLY"
    for code in (schedule.byday or "").replace(" ", "").split(","):
        day = code[-2:].upper()
        if day in _BYDAY:
            name = DAY_NAMES[_BYDAY.index(day)].title()
            ordinal = _ORDINALS.get(code[:-2], "")
            days.append(f"{ordinal} {name} of the month" if ordinal else name + ("" if monthly else "s"))
    if schedule.weekday:
        weekday = schedule.weekday.strip()
        days.append(DAY_NAMES[int(weekday) - 1].title() + "s" if weekday.isdigit() and 1 <= int(weekday) <= 7 else weekday.title())
    times = " to ".join(t[:5] for t in (schedule.opens_at, schedule.closes_at) if t)
    text = " ".join(p for p in (" and ".join(days), times) if p)
    if schedule.notes:
        text = f"{text} ({plain_text(schedule.notes)})" if text else plain_text(schedule.notes)
    return text


_WEEKDAY_PHRASE = re.compile(
    r"\b(?:every|each|on)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b",
    re.IGNORECASE,
)


def times_in_prose(description: str) -> str:
    """Sentences of a description that name a weekday as a time ('every Tuesday', 'Mondays', 'Friday 10am'): a guess."""
    sentences = re.split(r"(?<=[.!?])\s+", description)
    return " ".join(s for s in sentences if _WEEKDAY_PHRASE.search(s))[:300]


def _cost_text(service: Service) -> str:
    if service.fees_description and plain_text(service.fees_description):
        return plain_text(service.fees_description)
    texts = []
    for option in service.cost_options:
        amount = "Free" if option.amount == 0 else (f"\u00a3{option.amount:g}" if option.amount is not None and option.amount == option.amount else "")
        text = " ".join(p for p in (amount, plain_text(option.amount_description)) if p)
        if option.option:
            text = f"{text} ({plain_text(option.option)})" if text else plain_text(option.option)
        texts.append(text)
    return "; ".join(t for t in texts if t)


def _contact_text(service: Service) -> str:
    parts = [plain_text(service.application_process)] if service.application_process else []
    numbers = [p.number for p in service.phones] + [p.number for c in service.contacts for p in c.phones]
    emails = [service.email] + [c.email for c in service.contacts]
    for extra in [*emails, *(n.strip().strip('"') for n in numbers), service.url]:
        if extra and extra.strip() and not any(extra.strip() in p for p in parts):
            parts.append(extra.strip())
    return "; ".join(p for p in parts if p)


def _access_text(service: Service, locations: list[Any]) -> str:
    parts = [ATTENDING_TYPE_WORDS.get((service.attending_type or "").strip().lower(), plain_text(service.attending_type))]
    parts.append(ATTENDING_ACCESS_WORDS.get((service.attending_access or "").strip().lower(), plain_text(service.attending_access)))
    parts += [plain_text(s.attending_type) for s in service.schedules]
    if service.eligibility_description and len(service.eligibility_description) > 60:
        parts.append("Who can go: " + plain_text(service.eligibility_description))
    parts += [_sentences(plain_text(a.description), plain_text(a.details)) for loc in locations for a in loc.accessibility]
    return "; ".join(dict.fromkeys(p for p in parts if p))


def _sentences(*texts: str) -> str:
    """Texts joined as sentences: a full stop added only where one is missing."""
    kept = [t for t in texts if t]
    return " ".join(t if t[-1] in ".!?" or t is kept[-1] else f"{t}." for t in kept)


def _date(text: str | None) -> str:
    """The date part of a feed's date ('2025-03-01T10:00:00Z' -> '2025-03-01'), or '' when it is not one."""
    found = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text or "")
    if found:
        return found.group(1)
    british = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\b", text or "")
    return f"{british.group(3)}-{int(british.group(2)):02d}-{int(british.group(1)):02d}" if british else ""
