"""Pydantic models for the part of an Open Referral UK (HSDS 3.0) service that cpi-chat reads."""

from __future__ import annotations

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)


class TaxonomyTerm(_Model):
    id: str | None = None
    code: str | None = None
    name: str = ""
    description: str | None = None
    taxonomy: str | None = Field(default=None, validation_alias=AliasChoices("taxonomy", "vocabulary"))


class Attribute(_Model):
    value: str | None = None
    taxonomy_term: TaxonomyTerm | None = Field(default=None, validation_alias=AliasChoices("taxonomy_term", "taxonomy"))


class Schedule(_Model):
    description: str | None = None
    byday: str | None = None
    weekday: str | None = None  # older ORUK regular_schedules
    opens_at: str | None = None
    closes_at: str | None = None
    freq: str | None = None
    notes: str | None = None


class Address(_Model):
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    postal_code: str | None = None


class Accessibility(_Model):
    description: str | None = None
    details: str | None = None


class Location(_Model):
    name: str | None = None
    addresses: list[Address] = Field(default=[], validation_alias=AliasChoices("addresses", "physical_addresses"))
    accessibility: list[Accessibility] = Field(
        default=[], validation_alias=AliasChoices("accessibility", "accessibility_for_disabilities")
    )
    schedules: list[Schedule] = Field(default=[], validation_alias=AliasChoices("schedules", "regular_schedules"))


class ServiceAtLocation(_Model):
    location: Location | None = None
    schedules: list[Schedule] = Field(default=[], validation_alias=AliasChoices("schedules", "regular_schedules"))


class Phone(_Model):
    number: str = ""


class CostOption(_Model):
    option: str | None = None
    amount: float | None = None
    amount_description: str | None = None


class Organization(_Model):
    id: str | None = None
    name: str = ""


class Service(_Model):
    """The part of an HSDS 3.0 service that cpi-chat keeps."""

    id: str
    name: str
    description: str | None = None
    status: str | None = None
    email: str | None = None
    url: str | None = None
    application_process: str | None = None
    fees_description: str | None = Field(default=None, validation_alias=AliasChoices("fees_description", "fees"))
    assured_date: str | None = None
    phones: list[Phone] = []
    schedules: list[Schedule] = Field(default=[], validation_alias=AliasChoices("schedules", "regular_schedules"))
    service_at_locations: list[ServiceAtLocation] = []
    organization: Organization | None = None
    attributes: list[Attribute] = Field(default=[], validation_alias=AliasChoices("attributes", "service_taxonomys"))
    cost_options: list[CostOption] = []
