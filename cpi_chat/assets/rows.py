"""Validation of one asset record read from a file, with reasons a person can act on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import ASSET_FIELDS, KINDS, STATUSES, Asset, shape, split_tags
from cpi_chat.errors import CpiChatError
from cpi_chat.wording import CONTROL, safe

MAX_FIELD_CHARACTERS = 10_000
LIST_FIELDS = tuple(f.name for f in ASSET_FIELDS if shape(f) == "list")
DATE_FIELDS = tuple(f.name for f in ASSET_FIELDS if shape(f) == "date")
_EMPTY: dict[str, object] = {
    f.name: [] if shape(f) == "list" else None if shape(f) == "date" else f.default for f in ASSET_FIELDS
}


def _without_control_characters(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the fields: None as empty, and escape sequences and control characters gone whole."""
    try:  # the usual row: only text, nothing to clean (one scan of the whole row, not one per field)
        if not CONTROL.search("".join(data.values())):
            return dict(data)
    except TypeError:  # something not text (None, a list from a feed): field by field below
        pass
    cleaned = {}
    for key, value in data.items():
        if value is None:
            value = _EMPTY.get(key, "")
        elif isinstance(value, str) and CONTROL.search(value):  # "\x1bc" goes whole, never leaving its "c"
            value = safe(value)
        cleaned[key] = value
    return cleaned


class _RecordRules(BaseModel):
    """The checks every imported asset record passes; its fields are added from `Asset` by `AssetRecord`."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        """Nothing given is empty, escape sequences and control characters go whole, and "a; b" is the list [a, b]."""
        if not isinstance(data, Mapping):
            return data
        cleaned = _without_control_characters(data)
        for key in LIST_FIELDS:  # here rather than a validator per field: imports are big
            if isinstance(cleaned.get(key), str):
                cleaned[key] = split_tags(cleaned[key])
        return cleaned

    @field_validator("id", "name", check_fields=False)
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("is empty")
        return value

    @field_validator("domain", check_fields=False)
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

    @field_validator("kind", check_fields=False)
    @classmethod
    def _known_kind(cls, value: str) -> str:
        kind = value.lower() or "mainstream"
        if kind not in KINDS:
            raise ValueError(f"'{value[:40]}' should be mainstream or specialist")
        return kind

    @field_validator("status", check_fields=False)
    @classmethod
    def _known_status(cls, value: str) -> str:
        status = value.lower() or "active"
        if status not in STATUSES:
            raise ValueError(f"'{value[:40]}' should be active or retired")
        return status

    @field_validator(*DATE_FIELDS, mode="before", check_fields=False)
    @classmethod
    def _flexible_date(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            if len(text) == 10 and text[4] == "-":
                try:
                    return date.fromisoformat(text)
                except ValueError:
                    pass
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
        return Asset(**self.__dict__)  # the validated fields themselves (model_dump would copy each one again)


_LONG_TEXT = Annotated[str, Field(max_length=MAX_FIELD_CHARACTERS)]
_TYPES: dict[str, tuple[Any, Any]] = {"text": (_LONG_TEXT, ""), "list": (list[_LONG_TEXT], []), "date": (date | None, None)}
# An asset as read from a CSV row or an Open Referral service, before it joins the directory.
AssetRecord: type[_RecordRules] = create_model(  # type: ignore[call-overload]
    "AssetRecord",
    __base__=_RecordRules,
    **{
        f.name: (_TYPES[shape(f)][0], ... if f.name in ("id", "name", "domain") else (f.default if shape(f) == "text" else _TYPES[shape(f)][1]))
        for f in ASSET_FIELDS
    },
)


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
        elif first["type"] == "string_too_long":
            message = f"is {len(first['input']):,} characters long; the most allowed is {MAX_FIELD_CHARACTERS:,}"
        raise ValueError(f"the {where} {message}") from None


def validate_asset(asset: Asset, lexicon: Lexicon) -> Asset:
    """The asset checked like an imported row (domain label or slug, kind, lengths), or CpiChatError."""
    try:
        return validate_record(asset.to_row(), lexicon)
    except ValueError as error:
        raise CpiChatError(f"The asset '{asset.id[:40]}' cannot be saved: {error}.") from None
