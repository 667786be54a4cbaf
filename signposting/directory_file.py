"""The directory as a file: a JSON list of full HSDS 3.0 services, to export and to import.

Each item is what GET /api/v1/services/{id} gives (valid against the standard's
compiled/service.json), plus one extension, `directory_record`, holding what HSDS has no
field for and what the public API leaves out: who the service helps in the visitor's
words, every contact (web, chat, email, and lines still being checked), weekly times
whose sources disagree, dated changes to hours, and staff's notes on sources. HSDS
allows additional properties; importing a file without the extension (our API's own
answer, or another publisher's) takes what the standard fields say.

Reading a file gives one plain record per service (`record_from_item`); a service in the
database is read the same way from its own export, so what an import would change is the
difference of two records, per field (`changes`), and nothing is written until it is
applied (`apply_records`).
"""

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from . import taxonomy
from .interpreters import interpreters_from_hsds
from .models import Contact, HoursException, OpeningTime, Organisation, Service
from .serializers import hsds

EXTENSION = "directory_record"
STATUS_FROM_HSDS = {value: key for key, value in hsds.STATUS.items()}
KIND_FROM_PHONE_TYPE = {value: key for key, value in hsds.PHONE_TYPES.items()}
SERVICE_FIELDS = (
    "slug", "name", "short_description", "who_it_helps", "category", "role", "status",
    "alert", "alert_until", "self_referral", "url", "genders", "min_age", "max_age",
    "relationship", "area", "always_open", "bank_holidays", "hours_confirmed", "verified",
    "last_verified", "source", "confidence_note", "sort_order", "interpreters",
)  # fmt: skip
ORGANISATION_FIELDS = ("id", "slug", "name", "description", "url")
CONTACT_FIELDS = ("kind", "label", "value", "instructions", "for_gender", "verified", "note")
SCHEMA = Path("schema") / "compiled" / "service.json"


class DirectoryFileError(Exception):
    """A file that cannot be imported; `problems` says which record and field, one a line."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


# --- Export ---------------------------------------------------------------------------


def _time(value):
    return value.strftime("%H:%M") if value else None


def _extension(service):
    organisation = service.organisation
    return {
        "who_it_helps": service.who_it_helps,
        "self_referral": service.self_referral,
        "url": service.url,
        "alert": service.alert,
        "alert_until": service.alert_until.isoformat() if service.alert_until else None,
        "always_open": service.always_open,
        "hours_confirmed": service.hours_confirmed,
        "interpreters": service.interpreters,
        "source": service.source,
        "confidence_note": service.confidence_note,
        "sort_order": service.sort_order,
        "organisation": (
            {"slug": organisation.slug, "description": organisation.description}
            if organisation
            else None
        ),
        "contacts": [
            {"id": str(c.hsds_id), **{name: getattr(c, name) for name in CONTACT_FIELDS}}
            for c in service.contacts.all()
        ],
        "opening_times": [
            {
                "id": str(t.hsds_id),
                "weekday": t.weekday,
                "opens": _time(t.opens),
                "closes": _time(t.closes),
            }
            for t in service.opening_times.all()
        ],  # fmt: skip
        "exceptions": [
            {
                "date": e.date.isoformat(),
                "closed": e.closed,
                "opens": _time(e.opens),
                "closes": _time(e.closes),
                "note": e.note,
            }
            for e in service.hours_exceptions.all()
        ],  # fmt: skip
    }


def file_item(service, pub):
    return {**hsds.service_full(service, pub), EXTENSION: _extension(service)}


def export_items(now):
    pub = hsds.publication(now)
    return [file_item(service, pub) for service in pub.services]


def dumps(items):
    """The file's bytes: stable, so the same directory always gives the same file."""
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


# --- Reading a file -------------------------------------------------------------------


def schema_validator():
    """A validator from the standard's own compiled schema (settings.HSDS_STANDARD_DIR)."""
    from jsonschema import Draft202012Validator

    path = Path(settings.HSDS_STANDARD_DIR) / SCHEMA
    if not path.is_file():
        raise DirectoryFileError(
            [f"The HSDS 3.0 standard's {SCHEMA} is not at {path}: set HSDS_STANDARD_DIR."]
        )
    schema = json.loads(path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _label(index, item):
    if isinstance(item, dict):
        return f"service {index + 1} ({item.get('slug') or item.get('name') or item.get('id')})"
    return f"service {index + 1}"


def read_items(text):
    """The services in a file's text, each valid against the standard, or DirectoryFileError."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise DirectoryFileError([f"Not JSON: {error}"]) from None
    if not isinstance(items, list):
        raise DirectoryFileError(["The file must be a JSON list of HSDS 3.0 services."])
    validator = schema_validator()
    problems = []
    for index, item in enumerate(items):
        for error in sorted(validator.iter_errors(item), key=lambda e: list(e.absolute_path)):
            where = "/".join(map(str, error.absolute_path)) or "(the service)"
            problems.append(f"{_label(index, item)}: {where}: {error.message}")
    if problems:
        raise DirectoryFileError(problems)
    return items


def _terms(item):
    """{taxonomy code: [term codes]} of our taxonomies among the item's attributes."""
    found = {}
    for attribute in item.get("attributes", []):
        term = taxonomy.TERM_BY_ID.get(attribute.get("taxonomy_term_id"))
        if term:
            found.setdefault(term.taxonomy, []).append(term.code)
    return found


def _hsds_time(text):
    clock = text[:5]
    return "00:00" if clock == hsds.END_OF_DAY else clock


def _from_schedules(schedules):
    """(always_open, opening_times) from HSDS weekly schedules, for a file without our record."""
    times = []
    for schedule in schedules:
        if not (schedule.get("opens_at") and schedule.get("closes_at") and schedule.get("byday")):
            continue
        days = [hsds.BYDAY.index(day.strip()) for day in schedule["byday"].split(",")]
        for day in days:
            # One of our times per day; a schedule for several days gives each its own id.
            time_id = schedule["id"]
            if len(days) > 1:
                time_id = str(uuid.uuid5(uuid.UUID(schedule["id"]), str(day)))
            times.append(
                {"id": time_id, "weekday": day, "opens": _hsds_time(schedule["opens_at"]),
                 "closes": _hsds_time(schedule["closes_at"])}
            )  # fmt: skip
    every_day = sorted(t["weekday"] for t in times) == list(range(7))
    if every_day and all(t["opens"] == t["closes"] == "00:00" for t in times):
        return True, []
    return False, sorted(times, key=lambda t: (t["weekday"], t["opens"]))


def _contact(contact_id, kind, value, label=""):
    return {"id": contact_id, "kind": kind, "label": label, "value": value, "instructions": "",
            "for_gender": "any", "verified": True, "note": ""}  # fmt: skip


def _from_hsds_contacts(item):
    """Contacts from the standard fields: the phones, then the service's website and email."""
    contacts = [
        _contact(phone["id"], KIND_FROM_PHONE_TYPE.get(phone.get("type"), "voice"),
                 phone["number"], phone.get("description", ""))
        for phone in item.get("phones", [])
    ]  # fmt: skip
    for kind, key in (("web", "url"), ("email", "email")):
        if item.get(key):
            contacts.append(_contact(hsds.derived_id(item["id"], kind), kind, item[key]))
    return contacts


def record_from_item(item, position=0):
    """One plain record of our fields from an HSDS service (and our extension, if there)."""
    terms = _terms(item)
    ext = item.get(EXTENSION) or {}
    always_open, times = _from_schedules(item.get("schedules", []))
    organisation = item.get("organization")
    org_ext = ext.get("organisation") or {}
    return {
        "id": item["id"],
        "slug": item.get("slug") or slugify(item["name"])[:100],
        "name": item["name"],
        "short_description": item.get("description", ""),
        "who_it_helps": ext.get("who_it_helps", item.get("eligibility_description", "")),
        "category": terms.get("category", ["support"])[0],
        "role": terms.get("role", [""])[0],
        "status": STATUS_FROM_HSDS.get(item["status"], item["status"]),
        "alert": ext.get("alert", ""),
        "alert_until": ext.get("alert_until"),
        "self_referral": ext.get("self_referral", True),
        "url": ext.get("url", item.get("url", "")),
        "genders": terms.get("gender", ["any"])[0],
        "min_age": item.get("minimum_age"),
        "max_age": item.get("maximum_age"),
        "relationship": terms.get("relationship", ["any"])[0],
        "area": terms.get("area", ["national"])[0],
        "always_open": ext.get("always_open", always_open),
        "bank_holidays": terms.get("bank_holidays", ["unknown"])[0],
        "hours_confirmed": ext.get("hours_confirmed", True),
        "verified": terms.get("verified", ["no"])[0] == "yes",
        "last_verified": item.get("assured_date"),
        "source": ext.get("source", ""),
        "confidence_note": ext.get("confidence_note", ""),
        "sort_order": ext.get("sort_order", 100 + position),
        "interpreters": ext.get(
            "interpreters", interpreters_from_hsds(item.get("interpretation_services"))
        ),
        "organisation": (
            {
                "id": organisation["id"],
                "slug": org_ext.get("slug") or slugify(organisation["name"])[:100],
                "name": organisation["name"],
                "description": org_ext.get("description", organisation.get("description", "")),
                "url": organisation.get("website", ""),
            }
            if organisation
            else None
        ),
        "contacts": ext["contacts"] if "contacts" in ext else _from_hsds_contacts(item),
        "opening_times": ext.get("opening_times", times),
        "exceptions": ext.get("exceptions", []),
        "last_modified": item.get("last_modified"),
    }


# --- What an import would change ------------------------------------------------------


@dataclass
class Plan:
    """What importing a file would do, before anything is written."""

    records: list  # (record, existing Service or None), in the file's order
    changes: dict = field(default_factory=dict)  # slug -> ["field: old -> new", ...]
    created: list = field(default_factory=list)  # slugs
    untouched: list = field(default_factory=list)  # slugs in the database, not in the file

    @property
    def has_changes(self):
        return bool(self.created or self.changes)

    def report(self):
        lines = [f"new service {slug}" for slug in self.created]
        for slug, changed in self.changes.items():
            lines.append(f"{slug}:")
            lines += [f"  {line}" for line in changed]
        lines += [f"not in the file, left as it is: {slug}" for slug in self.untouched]
        return lines or ["No changes."]


def _show(value):
    return json.dumps(value, ensure_ascii=False)


def _list_changes(name, old, new):
    """Per-row changes of contacts or opening times, matched by id."""
    lines = []
    old_by_id = {row["id"]: row for row in old}
    new_ids = {row["id"] for row in new}
    for row in new:
        before = old_by_id.get(row["id"])
        if before is None:
            lines.append(f"{name}: added {_show(row)}")
            continue
        for key, value in row.items():
            if before.get(key) != value:
                was = _show(before.get(key))
                lines.append(f"{name}[{row['id']}].{key}: {was} -> {_show(value)}")
    lines += [f"{name}: removed {_show(row)}" for row in old if row["id"] not in new_ids]
    if not lines and [r["id"] for r in old] != [r["id"] for r in new]:
        lines.append(f"{name}: reordered")
    return lines


def changes(old, new):
    """Every difference between two records, as "field: old -> new" lines."""
    lines = []
    for key in ("id", *SERVICE_FIELDS):
        if old[key] != new[key]:
            lines.append(f"{key}: {_show(old[key])} -> {_show(new[key])}")
    before, after = old["organisation"] or {}, new["organisation"] or {}
    for key in ORGANISATION_FIELDS:
        if before.get(key) != after.get(key):
            lines.append(f"organisation.{key}: {_show(before.get(key))} -> {_show(after.get(key))}")
    for name in ("contacts", "opening_times"):
        lines += _list_changes(name, old[name], new[name])
    if old["exceptions"] != new["exceptions"]:
        lines.append(f"exceptions: {_show(old['exceptions'])} -> {_show(new['exceptions'])}")
    return lines


def _check_file(records):
    problems = []
    for key in ("id", "slug"):
        seen = set()
        for record in records:
            if record[key] in seen:
                problems.append(f"service {record['slug']}: {key} {record[key]} appears twice")
            seen.add(record[key])
    by_role = {}
    for record in records:
        if record["role"] in taxonomy.EXCLUSIVE_ROLES:
            by_role.setdefault(record["role"], []).append(record["slug"])
    problems += [
        f"services {', '.join(slugs)}: role {role} is for one service only"
        for role, slugs in by_role.items()
        if len(slugs) > 1
    ]
    return problems


def plan_import(items):
    """The Plan for importing `items` (already read_items) into the database."""
    from .selectors import listed_services

    records = [record_from_item(item, position) for position, item in enumerate(items)]
    problems = _check_file(records)
    if problems:
        raise DirectoryFileError(problems)
    services = list(listed_services())
    pub = hsds.publication(dt.datetime.now(dt.UTC))
    by_id = {str(s.hsds_id): s for s in services}
    by_slug = {s.slug: s for s in services}
    plan = Plan(records=[])
    matched = set()
    for record in records:
        existing = by_id.get(record["id"]) or by_slug.get(record["slug"])
        plan.records.append((record, existing))
        if existing is None:
            plan.created.append(record["slug"])
            continue
        matched.add(existing.pk)
        changed = changes(record_from_item(file_item(existing, pub)), record)
        if changed:
            plan.changes[existing.slug] = changed
    plan.untouched = [s.slug for s in services if s.pk not in matched]
    return plan


# --- Applying -------------------------------------------------------------------------


def _moment(record):
    """When the file says the service last changed: a new record's history keeps it."""
    return parse_datetime(record["last_modified"]) if record.get("last_modified") else None


def _save(instance, history_date, problems, where):
    try:
        instance.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            problems.append(f"{where}: {name}: {' '.join(messages)}")
        return False
    if history_date:
        instance._history_date = history_date
    instance.save()
    return True


def _organisation(data, history_date, problems, where):
    organisation = (
        Organisation.objects.filter(hsds_id=data["id"]).first()
        or Organisation.objects.filter(slug=data["slug"]).first()
    )
    fields = {key: data[key] for key in ORGANISATION_FIELDS if key != "id"}
    if organisation and all(getattr(organisation, k) == v for k, v in fields.items()):
        return organisation
    is_new = organisation is None
    organisation = organisation or Organisation(hsds_id=data["id"])
    for key, value in fields.items():
        setattr(organisation, key, value)
    _save(organisation, history_date if is_new else None, problems, f"{where}: organisation")
    return organisation


def _sync_rows(model, service, rows, build, history_date, problems, where):
    """Make the service's rows of `model` those in `rows`, matched by id."""
    existing = {str(row.hsds_id): row for row in model.objects.filter(service=service)}
    keep = {row["id"] for row in rows}
    for row_id, row in existing.items():
        if row_id not in keep:
            row.delete()
    for order, data in enumerate(rows):
        instance = existing.get(data["id"]) or model(service=service, hsds_id=data["id"])
        build(instance, data, order)
        _save(instance, history_date, problems, f"{where}: {model._meta.verbose_name} {data['id']}")


def _build_contact(contact, data, order):
    for name in CONTACT_FIELDS:
        setattr(contact, name, data[name])
    contact.order = order


def _clock(text):
    return dt.time.fromisoformat(text) if text else None


def _build_time(time, data, _order):
    time.weekday, time.opens, time.closes = (
        data["weekday"],
        _clock(data["opens"]),
        _clock(data["closes"]),
    )


def _apply_record(record, service, organisation_dates, problems):
    where = f"service {record['slug']}"
    history_date = None if service else _moment(record)
    organisation = None
    if record["organisation"]:
        organisation = _organisation(
            record["organisation"], organisation_dates.get(record["organisation"]["id"]),
            problems, where,
        )  # fmt: skip
    service = service or Service(hsds_id=record["id"])
    service.hsds_id = record["id"]
    service.organisation = organisation
    for name in SERVICE_FIELDS:
        value = record[name]
        if name == "alert_until" and value:
            value = parse_datetime(value)
        elif name == "last_verified" and value:
            value = dt.date.fromisoformat(value)
        setattr(service, name, value)
    if not _save(service, history_date, problems, where):
        return
    _sync_rows(Contact, service, record["contacts"], _build_contact, history_date, problems, where)
    _sync_rows(
        OpeningTime, service, record["opening_times"], _build_time, history_date, problems, where
    )
    wanted = [
        (e["date"], e["closed"], e["opens"], e["closes"], e["note"]) for e in record["exceptions"]
    ]
    current = [
        (e.date.isoformat(), e.closed, _time(e.opens), _time(e.closes), e.note)
        for e in service.hours_exceptions.all()
    ]
    if wanted != current:
        service.hours_exceptions.all().delete()
        for date, closed, opens, closes, note in wanted:
            exception = HoursException(
                service=service, date=dt.date.fromisoformat(date), closed=closed,
                opens=_clock(opens), closes=_clock(closes), note=note,
            )  # fmt: skip
            _save(exception, history_date, problems, f"{where}: dated change {date}")


def apply_plan(plan):
    """Write what the plan says, all or nothing. Saves go through the ORM, so every cached
    page and directory copy is invalidated as an admin save would (stalkinghelp.invalidation)."""
    problems = []
    # A new organisation's history starts when the first of its services in the file last
    # changed, so exporting again gives each service the same last_modified.
    organisation_dates = {}
    for record, _existing in plan.records:
        moment = _moment(record)
        if record["organisation"] and moment:
            key = record["organisation"]["id"]
            organisation_dates[key] = min(moment, organisation_dates.get(key, moment))
    with transaction.atomic():
        for record, existing in plan.records:
            if existing is None or existing.slug in plan.changes:
                _apply_record(record, existing, organisation_dates, problems)
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise DirectoryFileError(problems)
