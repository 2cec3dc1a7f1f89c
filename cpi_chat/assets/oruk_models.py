"""Pydantic models for the parts of an Open Referral UK service cpi-chat reads: ORUK 1.0 and HSDS 3.0 names both.

Real feeds are messy: a list may be null or hold stray strings, a number may be text, a field may
carry either name. Every list here reads null as empty and skips items that are not objects.
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)

    @field_validator("*", mode="before")
    @classmethod
    def _lists_of_objects(cls, value: Any, info: Any) -> Any:
        annotation = str(cls.model_fields[info.field_name].annotation) if info.field_name else ""
        if annotation.startswith("list["):
            if value is None:
                return []
            if isinstance(value, dict):
                value = [value]
            if isinstance(value, list):
                return [item for item in value if isinstance(item, dict)]
        elif isinstance(value, (list, dict)) and annotation in ("str | None", "str"):
            return None  # a field that should be text but holds a structure: left out, not a failure
        return value


def _names(*names: str) -> Any:
    return AliasChoices(*names)


class TaxonomyTerm(_Model):
    id: str | None = None
    code: str | None = None
    name: str = ""
    description: str | None = None
    taxonomy: str | None = Field(default=None, validation_alias=_names("taxonomy", "vocabulary"))


class Attribute(_Model):
    value: str | None = None
    taxonomy_term: TaxonomyTerm | None = Field(default=None, validation_alias=_names("taxonomy_term", "taxonomy"))


class Schedule(_Model):
    description: str | None = None
    byday: str | None = None
    bymonthday: str | None = None
    weekday: str | None = None  # older ORUK regular_schedules
    opens_at: str | None = None
    closes_at: str | None = None
    freq: str | None = None
    interval: str | None = None
    notes: str | None = None
    attending_type: str | None = None


class Address(_Model):
    address_1: str | None = None
    address_2: str | None = None
    address_3: str | None = None
    address_4: str | None = None
    city: str | None = None
    region: str | None = None
    state_province: str | None = None
    postal_code: str | None = None


class Accessibility(_Model):
    description: str | None = Field(default=None, validation_alias=_names("description", "accessibility"))
    details: str | None = None


class Location(_Model):
    name: str | None = None
    location_type: str | None = None
    addresses: list[Address] = Field(default=[], validation_alias=_names("addresses", "physical_addresses", "address"))
    accessibility: list[Accessibility] = Field(
        default=[], validation_alias=_names("accessibility", "accessibility_for_disabilities")
    )
    schedules: list[Schedule] = Field(default=[], validation_alias=_names("schedules", "regular_schedules", "regular_schedule"))


class ServiceAtLocation(_Model):
    location: Location | None = None
    schedules: list[Schedule] = Field(default=[], validation_alias=_names("schedules", "regular_schedules", "regular_schedule"))


class Phone(_Model):
    number: str = ""


class Contact(_Model):
    email: str | None = None
    phones: list[Phone] = []


class CostOption(_Model):
    option: str | None = None
    amount: float | None = None
    amount_description: str | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return float(value.replace("\u00a3", "").strip() or "nan")
            except ValueError:
                return None
        return value


class Eligibility(_Model):
    eligibility: str | None = None
    minimum_age: str | None = None
    maximum_age: str | None = None


class Language(_Model):
    language: str | None = Field(default=None, validation_alias=_names("language", "name"))


class ServiceArea(_Model):
    service_area: str | None = Field(default=None, validation_alias=_names("service_area", "name"))


class Organization(_Model):
    id: str | None = None
    name: str = ""


class Service(_Model):
    """The parts of an ORUK 1.0 or HSDS 3.0 service that cpi-chat keeps (docs/assets.md lists them)."""

    id: str
    name: str
    description: str | None = None
    status: str | None = None
    email: str | None = None
    url: str | None = None
    application_process: str | None = None
    fees_description: str | None = Field(default=None, validation_alias=_names("fees_description", "fees"))
    assured_date: str | None = None
    last_modified: str | None = None
    attending_type: str | None = None
    attending_access: str | None = None
    eligibility_description: str | None = None
    minimum_age: str | None = None
    maximum_age: str | None = None
    phones: list[Phone] = []
    contacts: list[Contact] = []
    schedules: list[Schedule] = Field(default=[], validation_alias=_names("schedules", "regular_schedules"))
    service_at_locations: list[ServiceAtLocation] = []
    organization: Organization | None = None
    attributes: list[Attribute] = Field(default=[], validation_alias=_names("attributes", "service_taxonomys"))
    cost_options: list[CostOption] = []
    eligibilitys: list[Eligibility] = Field(default=[], validation_alias=_names("eligibilitys", "eligibility", "eligibilities"))
    languages: list[Language] = []
    service_areas: list[ServiceArea] = []

    @field_validator("id", "name", mode="before")
    @classmethod
    def _text_id(cls, value: Any) -> Any:
        if isinstance(value, int | float):
            return str(value)
        return value
