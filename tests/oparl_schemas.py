"""JSON Schemas of the OParl 1.1 object types the export writes, after the specification
(https://oparl.org/spezifikation/, chapter "Schema"): property names and types as the spec
gives them, `type` the 1.1 type URL, and no property the spec does not define."""

from __future__ import annotations

from typing import Any

URL = {"type": "string", "pattern": r"^https?://\S+$"}
URLS = {"type": "array", "items": URL}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?$",
}
STRING = {"type": "string"}
BOOL = {"type": "boolean"}
COMMON = {
    "id": URL,
    "license": URL,
    "keyword": {"type": "array", "items": STRING},
    "web": URL,
    "created": DATETIME,
    "modified": DATETIME,
    "deleted": BOOL,
}


def _schema(
    kind: str, properties: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "type", *required],
        "properties": {
            **COMMON,
            "type": {"const": f"https://schema.oparl.org/1.1/{kind}"},
            **properties,
        },
        "additionalProperties": False,
    }


FILE = _schema(
    "File",
    {
        "name": STRING,
        "fileName": STRING,
        "mimeType": STRING,
        "date": DATE,
        "size": {"type": "integer"},
        "sha1Checksum": STRING,
        "sha512Checksum": STRING,
        "text": STRING,
        "accessUrl": URL,
        "downloadUrl": URL,
        "externalServiceUrl": URL,
        "masterFile": URL,
        "derivativeFile": URLS,
        "fileLicense": URL,
        "meeting": URLS,
        "agendaItem": URLS,
        "paper": URLS,
    },
    required=("accessUrl",),
)
CONSULTATION = _schema(
    "Consultation",
    {
        "paper": URL,
        "agendaItem": URL,
        "meeting": URL,
        "organization": URLS,
        "authoritative": BOOL,
        "role": STRING,
    },
)
AGENDA_ITEM = _schema(
    "AgendaItem",
    {
        "meeting": URL,
        "number": STRING,
        "order": {"type": "integer"},
        "name": STRING,
        "public": BOOL,
        "consultation": URL,
        "result": STRING,
        "resolutionText": STRING,
        "resolutionFile": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "start": DATETIME,
        "end": DATETIME,
    },
)
MEETING = _schema(
    "Meeting",
    {
        "name": STRING,
        "meetingState": STRING,
        "cancelled": BOOL,
        "start": DATETIME,
        "end": DATETIME,
        "location": {"type": "object"},
        "organization": URLS,
        "participant": URLS,
        "invitation": FILE,
        "resultsProtocol": FILE,
        "verbatimProtocol": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "agendaItem": {"type": "array", "items": AGENDA_ITEM},
    },
)
ORGANIZATION = _schema(
    "Organization",
    {
        "body": URL,
        "name": STRING,
        "membership": URLS,
        "meeting": URL,
        "consultation": URL,
        "shortName": STRING,
        "post": {"type": "array", "items": STRING},
        "subOrganizationOf": URL,
        "organizationType": STRING,
        "classification": STRING,
        "startDate": DATE,
        "endDate": DATE,
        "website": URL,
        "location": {"type": "object"},
        "externalBody": URL,
    },
)
PAPER = _schema(
    "Paper",
    {
        "body": URL,
        "name": STRING,
        "reference": STRING,
        "date": DATE,
        "paperType": STRING,
        "relatedPaper": URLS,
        "superordinatedPaper": URLS,
        "subordinatedPaper": URLS,
        "mainFile": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "location": {"type": "array", "items": {"type": "object"}},
        "originatorPerson": URLS,
        "underDirectionOf": URLS,
        "originatorOrganization": URLS,
        "consultation": {"type": "array", "items": CONSULTATION},
    },
)
PERSON = _schema(
    "Person",
    {
        "body": URL,
        "name": STRING,
        "familyName": STRING,
        "givenName": STRING,
        "formOfAddress": STRING,
        "affix": STRING,
        "title": {"type": "array", "items": STRING},
        "gender": STRING,
        "phone": {"type": "array", "items": STRING},
        "email": {"type": "array", "items": STRING},
        "location": URL,
        "status": {"type": "array", "items": STRING},
        "membership": {"type": "array", "items": {"type": "object"}},
        "life": STRING,
        "lifeSource": STRING,
    },
)
BODY = _schema(
    "Body",
    {
        "system": URL,
        "shortName": STRING,
        "name": STRING,
        "website": URL,
        "licenseValidSince": DATETIME,
        "oparlSince": DATETIME,
        "ags": STRING,
        "rgs": STRING,
        "equivalent": URLS,
        "contactEmail": STRING,
        "contactName": STRING,
        "organization": URL,
        "person": URL,
        "meeting": URL,
        "paper": URL,
        "legislativeTerm": {"type": "array", "items": {"type": "object"}},
        "agendaItem": URL,
        "consultation": URL,
        "file": URL,
        "locationList": URL,
        "legislativeTermList": URL,
        "membership": URL,
        "classification": STRING,
        "location": {"type": "object"},
    },
    required=(
        "name",
        "organization",
        "person",
        "meeting",
        "paper",
        "legislativeTerm",
    ),
)
SYSTEM = _schema(
    "System",
    {
        "oparlVersion": URL,
        "otherOparlVersions": URLS,
        "body": URL,
        "name": STRING,
        "contactEmail": STRING,
        "contactName": STRING,
        "website": URL,
        "vendor": URL,
        "product": URL,
    },
    required=("oparlVersion", "body"),
)
BY_TYPE = {
    f"https://schema.oparl.org/1.1/{name}": schema
    for name, schema in {
        "File": FILE,
        "Consultation": CONSULTATION,
        "Meeting": MEETING,
        "Organization": ORGANIZATION,
        "Paper": PAPER,
        "Person": PERSON,
        "Body": BODY,
        "System": SYSTEM,
    }.items()
}
