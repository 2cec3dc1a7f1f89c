"""Validation of one asset record read from a file, with reasons a person can act on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import KINDS, Asset, split_tags
from cpi_chat.errors import CpiChatError

MAX_FIELD_CHARACTERS = 10_000
_EMPTY: dict[str, object] = {"tags": [], "kind": "mainstream", "last_verified": None}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class AssetRecord(BaseModel):
    """An asset as read from a CSV row or an Open Referral service, before it joins the directory."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    id: str
    name: str
    domain: str
    description: str = ""
    tags: list[str] = []
    area: str = ""
    address: str = ""
    schedule: str = ""
    cost: str = ""
    contact: str = ""
    accessibility: str = ""
    kind: str = "mainstream"
    source: str = ""
    last_verified: date | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _plain_text(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            return _EMPTY.get(info.field_name or "", "")
        if isinstance(value, str):
            if len(value) > MAX_FIELD_CHARACTERS:
                raise ValueError(f"is {len(value):,} characters long; the most allowed is {MAX_FIELD_CHARACTERS:,}")
            value = _CONTROL.sub("", value)
        return value

    @field_validator("id", "name")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("is empty")
        return value

    @field_validator("domain")
    @classmethod
    def _known_domain(cls, value: str, info: ValidationInfo) -> str:
        lexicon: Lexicon | None = (info.context or {}).get("lexicon")
        if lexicon is None:
            return value
        slug = lexicon.resolve_domain(value)
        if slug is None:
            if not value:
                raise ValueError("is empty; use one of the ten domain labels")
            raise ValueError(f"'{value[:60]}' is not one of the ten domains (for example 'Sport' or 'Horticulture')")
        return slug

    @field_validator("tags", mode="before")
    @classmethod
    def _split_tags(cls, value: object) -> object:
        if isinstance(value, str):
            return split_tags(value)
        return value

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        kind = value.lower() or "mainstream"
        if kind not in KINDS:
            raise ValueError(f"'{value[:40]}' should be mainstream or specialist")
        return kind

    @field_validator("last_verified", mode="before")
    @classmethod
    def _flexible_date(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
                try:
                    return datetime.strptime(text, pattern).date()
                except ValueError:
                    continue
            if "T" in text:
                try:
                    return datetime.fromisoformat(text).date()
                except ValueError:
                    pass
            raise ValueError(f"'{text[:30]}' is not a date like 2025-03-31")
        return value

    def to_asset(self) -> Asset:
        """The validated record as a directory asset."""
        return Asset(**self.model_dump())


def validate_record(data: Mapping[str, object], lexicon: Lexicon) -> Asset:
    """An Asset from raw fields, or ValueError with one sentence saying what is wrong."""
    try:
        return AssetRecord.model_validate(data, context={"lexicon": lexicon}).to_asset()
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "row"
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "is missing"
        raise ValueError(f"the {where} {message}") from None


def validate_asset(asset: Asset, lexicon: Lexicon) -> Asset:
    """The asset checked like an imported row (domain label or slug, kind, lengths), or CpiChatError."""
    try:
        return validate_record(asset.to_row(), lexicon)
    except ValueError as error:
        raise CpiChatError(f"The asset '{asset.id[:40]}' cannot be saved: {error}.") from None
