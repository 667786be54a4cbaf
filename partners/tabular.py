"""The directory in HSDS's tabular form: one CSV per object and a datapackage.json, zipped.

HSDS 3.0 serialises to a Frictionless Tabular Data Package: services.csv,
organizations.csv, phones.csv, schedules.csv, ... where child rows point at their
parent by id (`service_id`, `link_id`). Each table has every column the standard gives
that object, in its order (tests check them against the standard's schemas), with
empty cells where we have nothing. It is made from the same full services as the JSON,
so the two always agree. Values are as published: unlike the friendly spreadsheet CSV,
nothing is changed to stop a spreadsheet running a formula, because tools read these.
"""

import csv
import datetime as dt
import io
import json
import zipfile

from django.conf import settings

from signposting import taxonomy
from signposting.serializers import hsds
from stalkinghelp.open_data import OPEN_GOVERNMENT_LICENCE

FILE_NAME = "stalking-help-nottinghamshire-directory-hsds.zip"

S, N, D, DT, T = "string", "number", "date", "datetime", "time"
UUID = (S, "uuid")
URI = (S, "uri")
EMAIL = (S, "email")

# Each table (file name without .csv) and its columns, with their Frictionless types.
TABLES = {
    "services": [
        ("id", UUID), ("organization_id", UUID), ("program_id", UUID), ("name", S),
        ("alternate_name", S), ("description", S), ("url", URI), ("email", EMAIL),
        ("status", S), ("interpretation_services", S), ("application_process", S),
        ("fees_description", S), ("wait_time", S), ("fees", S), ("accreditations", S),
        ("eligibility_description", S), ("minimum_age", N), ("maximum_age", N),
        ("assured_date", D), ("assurer_email", EMAIL), ("licenses", S), ("alert", S),
        ("last_modified", DT),
    ],
    "organizations": [
        ("id", UUID), ("name", S), ("alternate_name", S), ("description", S),
        ("email", EMAIL), ("website", URI), ("tax_status", S), ("tax_id", S),
        ("year_incorporated", N), ("legal_status", S), ("logo", S), ("uri", URI),
        ("parent_organization_id", UUID),
    ],
    "phones": [
        ("id", UUID), ("location_id", UUID), ("service_id", UUID), ("organization_id", UUID),
        ("contact_id", UUID), ("service_at_location_id", UUID), ("number", S),
        ("extension", N), ("type", S), ("description", S),
    ],
    "schedules": [
        ("id", UUID), ("service_id", UUID), ("location_id", UUID),
        ("service_at_location_id", UUID), ("valid_from", D), ("valid_to", D), ("dtstart", D),
        ("timezone", N), ("until", D), ("count", N), ("wkst", S), ("freq", S),
        ("interval", N), ("byday", S), ("byweekno", S), ("bymonthday", S), ("byyearday", S),
        ("description", S), ("opens_at", T), ("closes_at", T), ("schedule_link", URI),
        ("attending_type", S), ("notes", S),
    ],
    "service_areas": [
        ("id", UUID), ("service_id", UUID), ("name", S), ("description", S), ("extent", S),
        ("extent_type", S), ("uri", S),
    ],
    "attributes": [
        ("id", UUID), ("link_id", UUID), ("taxonomy_term_id", UUID), ("link_type", S),
        ("link_entity", S), ("value", S),
    ],
    "taxonomy_terms": [
        ("id", UUID), ("code", S), ("name", S), ("description", S), ("parent_id", UUID),
        ("taxonomy", S), ("language", S), ("taxonomy_id", UUID), ("term_uri", URI),
    ],
    "taxonomies": [
        ("id", UUID), ("name", S), ("description", S), ("uri", URI), ("version", S),
    ],
}  # fmt: skip
FOREIGN_KEYS = {
    "services": [("organization_id", "organizations")],
    "phones": [("service_id", "services")],
    "schedules": [("service_id", "services")],
    "service_areas": [("service_id", "services")],
    "attributes": [("link_id", "services"), ("taxonomy_term_id", "taxonomy_terms")],
    "taxonomy_terms": [("taxonomy_id", "taxonomies")],
}


def rows_from_services(services):
    """{table: [row dicts]} from full HSDS services (as GET /services/{id} gives them)."""
    tables = {name: {} for name in TABLES}

    def add(table, row):
        tables[table].setdefault(row["id"], row)

    for service in services:
        for key in ("organization",):
            if key in service:
                add("organizations", service[key])
        add("services", service)
        for phone in service.get("phones", []):
            add("phones", {**phone, "service_id": service["id"]})
        for schedule in service.get("schedules", []):
            add("schedules", {**schedule, "service_id": service["id"]})
        for area in service.get("service_areas", []):
            add("service_areas", {**area, "service_id": service["id"]})
        for attribute in service.get("attributes", []):
            add("attributes", {**attribute, "link_id": service["id"]})
            term = attribute["taxonomy_term"]
            add("taxonomy_terms", term)
            add("taxonomies", hsds.taxonomy_json(taxonomy.TAXONOMY_BY_ID[term["taxonomy_id"]]))
    return {name: list(rows.values()) for name, rows in tables.items()}


def table_csv(name, rows):
    out = io.StringIO()
    columns = [column for column, _type in TABLES[name]]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _field(column, kind):
    kind, fmt = kind if isinstance(kind, tuple) else (kind, None)
    field = {"name": column, "type": kind}
    if fmt:
        field["format"] = fmt
    if kind == T:
        field["format"] = "any"  # HH:MM with an offset from UTC, e.g. 09:30+01:00
    if column == "id":
        field["constraints"] = {"required": True, "unique": True}
    return field


def datapackage(present):
    return {
        "profile": "tabular-data-package",
        "name": "stalking-help-nottinghamshire-directory",
        "title": f"{settings.SITE_NAME}: service directory (HSDS 3.0)",
        "homepage": settings.SITE_URL + "/partners/#open-data",
        "licenses": [
            {
                "name": "OGL-UK-3.0",
                "title": OPEN_GOVERNMENT_LICENCE["name"],
                "path": OPEN_GOVERNMENT_LICENCE["url"],
            }
        ],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field(column, kind) for column, kind in TABLES[name]],
                    "primaryKey": "id",
                    "foreignKeys": [
                        {"fields": column, "reference": {"resource": other, "fields": "id"}}
                        for column, other in FOREIGN_KEYS.get(name, [])
                        if other in present
                    ],
                },
            }
            for name in TABLES
            if name in present
        ],
    }


def tabular_zip(pub):
    services = [hsds.service_full(service, pub) for service in pub.services]
    tables = {name: rows for name, rows in rows_from_services(services).items() if rows}
    # The same bytes for the same directory (zip entries carry a date), so the ETag holds.
    moment = (pub.modified.overall or pub.now).astimezone(dt.UTC)
    stamp = max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        files = {"datapackage.json": json.dumps(datapackage(tables), indent=2).encode()}
        files.update({f"{name}.csv": table_csv(name, rows) for name, rows in tables.items()})
        for file_name, content in files.items():
            entry = zipfile.ZipInfo(file_name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    return out.getvalue()
