"""schema: the OParl 1.1 objects import-oparl reads, checked before they are used.

Only the properties ratsinfo uses are checked, strictly (a number where a string belongs is
an error, not converted); every other property passes as the server sent it. A server's
object of the wrong shape fails alone, with a reason naming the property, and the walk goes
on (pipeline.oparl.importer). The objects stay the dicts the server sent: these models only
say whether they may be used.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError


class _Object(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class File(_Object):
    id: str | None = None
    name: str | None = None
    fileName: str | None = None
    mimeType: str | None = None
    accessUrl: str | None = None
    downloadUrl: str | None = None
    modified: str | None = None


class Consultation(_Object):
    id: str | None = None
    meeting: str | None = None
    organization: list[str] | None = None
    role: str | None = None


class Paper(_Object):
    id: str
    name: str | None = None
    reference: str | None = None
    date: str | None = None
    paperType: str | None = None
    modified: str | None = None
    deleted: bool | None = None
    mainFile: File | str | None = None
    auxiliaryFile: list[File | str] | None = None
    consultation: list[Consultation | str] | None = None
    underDirectionOf: list[str] | None = None


class Body(_Object):
    id: str
    name: str | None = None
    shortName: str | None = None
    paper: str
    organization: str | None = None


class Links(_Object):
    next: str | None = None


class Page(_Object):
    """One page of an OParl list: its objects are checked one by one, by their own type."""

    data: list[Any]
    links: Links | None = None


_ADAPTERS: dict[type[_Object], TypeAdapter[_Object]] = {
    model: TypeAdapter(model) for model in (File, Paper, Body, Page)
}


class InvalidObject(ValueError):
    """An object that is not the OParl type it should be; the message names the property."""


def check(model: type[_Object], data: Any) -> dict[str, Any]:
    """`data`, the dict the server sent, if it is a valid `model`; else InvalidObject."""
    if not isinstance(data, dict):
        raise InvalidObject(f"not an OParl {model.__name__}: a {_kind(data)}, not an object")
    try:
        _ADAPTERS[model].validate_python(data)
    except ValidationError as e:
        raise InvalidObject(f"not an OParl {model.__name__}: {_reason(e, data)}") from None
    return data


def _reason(error: ValidationError, data: Any) -> str:
    """The first problem as "property: what is wrong (got a list)"."""
    first = error.errors()[0]
    path = [str(p) for p in first["loc"] if isinstance(p, int) or p in _FIELDS]
    value = data
    for part in first["loc"]:
        inside_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if inside_list or (isinstance(value, dict) and part in value):
            value = value[part]
    name = ".".join(path) or "object"
    if first["type"] == "missing":
        return f"{name} is missing"
    return f"{name} may not be a {_kind(value)}"


_FIELDS = {
    name for model in (File, Consultation, Paper, Body, Links, Page) for name in model.model_fields
}


def _kind(value: Any) -> str:
    return {
        dict: "JSON object",
        list: "JSON list",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
