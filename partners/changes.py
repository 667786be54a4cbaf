"""Every change a partner can see, oldest first, for the Atom feed and its archive.

Directory changes come from simple-history's records of services, contacts, opening
times and dated changes to hours; page changes from the pages' history while published.
Only what a visitor (or a partner's copy) can see counts: an edit to a staff note, a
source or the sort order is not news to a partner.

Each directory change names the HSDS record it touched (`resource_type`, its id as the
API gives it, and its service's id) and each field that changed, with the old and new
value, in the words of HSDS's metadata object (field_name, previous_value,
replacement_value). History only grows, so the list only grows at its newest end: that
is what lets the feed's archive pages (RFC 5005) stay the same once full.
"""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from content.models import Page
from signposting.models import Contact, HoursException, OpeningTime, Service
from signposting.opening import DAY_NAMES, format_time
from signposting.serializers.hsds import BYDAY, PHONE_TYPES

# Model field: (HSDS field it is published as, plain words for the summary).
SERVICE_FIELDS = {
    "name": ("name", "name"),
    "slug": ("slug", "address"),
    "status": ("status", "status"),
    "alert": ("alert", "short-term alert"),
    "short_description": ("description", "description"),
    "who_it_helps": ("eligibility_description", "who it helps"),
    "url": ("url", "website"),
    "self_referral": ("self_referral", "whether people can contact it themselves"),
    "genders": ("attributes/gender", "who it is for"),
    "min_age": ("minimum_age", "minimum age"),
    "max_age": ("maximum_age", "maximum age"),
    "relationship": ("attributes/relationship", "who it helps with"),
    "area": ("service_areas", "area"),
    "always_open": ("schedules", "24-hour opening"),
    "bank_holidays": ("attributes/bank_holidays", "bank holiday opening"),
    "verified": ("attributes/verified", "checked with the provider"),
    "last_verified": ("assured_date", "date last checked"),
}
CONTACT_FIELDS = ("kind", "label", "value", "instructions", "for_gender", "verified")
OPENING_FIELDS = ("weekday", "opens", "closes")
EXCEPTION_FIELDS = ("date", "closed", "opens", "closes", "note")
PAGE_FIELDS = ("title", "slug", "summary", "body", "status", "publish_from")

ACTIONS = {"+": "create", "~": "update", "-": "delete"}


@dataclass(frozen=True)
class FieldChange:
    field_name: str
    previous_value: str
    replacement_value: str


@dataclass(frozen=True)
class Change:
    key: str  # unique and stable for the feed's entry ids
    title: str
    summary: str
    link: str
    when: datetime
    resource_type: str = ""  # the HSDS object: service, phone, schedule
    resource_id: str = ""  # its HSDS id
    service_id: str = ""  # the HSDS id of its service
    action: str = ""  # create, update or delete
    fields: tuple = field(default=())


def _tag(key):
    # RFC 4151 tag URIs: stable ids that do not pretend to be fetchable addresses.
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{domain},2026:{key}"


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _with_previous(history_model):
    """Every history record, oldest first, each with the record before it (or None)."""
    latest = {}
    pairs = []
    for record in history_model.objects.order_by("history_date", "history_id"):
        pairs.append((record, latest.get(record.id)))
        latest[record.id] = record
    return pairs


def _changed(old, new, fields):
    return [f for f in fields if old is None or getattr(old, f) != getattr(new, f)]


def _time(value):
    return format_time(value) if value else ""


# --- Directory --------------------------------------------------------------------------


@dataclass(frozen=True)
class Described:
    summary: str
    resource_type: str
    resource_id: str
    action: str
    fields: tuple = ()


def _describe_service(row, old):
    action = ACTIONS[row.history_type]
    if action == "create":
        return Described(f"New service: {row.name}", "service", str(row.hsds_id), action)
    if action == "delete":
        return Described(f"Service removed: {row.name}", "service", str(row.hsds_id), action)
    changed = _changed(old, row, SERVICE_FIELDS)
    if not changed:
        return None
    fields = tuple(
        FieldChange(SERVICE_FIELDS[f][0], _text(getattr(old, f)), _text(getattr(row, f)))
        for f in changed
    )
    words = ", ".join(SERVICE_FIELDS[f][1] for f in changed)
    return Described(f"Changed: {words}", "service", str(row.hsds_id), action, fields)


def _contact_resource(row):
    if row.kind in PHONE_TYPES:
        return "phone", str(row.hsds_id)
    return "service", ""  # a web address or an email is a field of the service in HSDS


def _contact_fields(row):
    if row.kind in PHONE_TYPES:
        description = " ".join(filter(None, [row.label, row.instructions]))
        return {"number": row.value, "type": PHONE_TYPES[row.kind], "description": description}
    return {"email" if row.kind == "email" else "url": row.value}


def _field_changes(before, after):
    return tuple(
        FieldChange(name, before.get(name, ""), after.get(name, ""))
        for name in dict.fromkeys([*before, *after])
        if before.get(name, "") != after.get(name, "")
    )


def _describe_contact(row, old):
    # Hidden contacts (not yet checked) are not on the site: showing or hiding one is the
    # change a partner sees, so it reads as added or removed.
    was_shown = old is not None and old.history_type != "-" and old.verified
    shown = row.history_type != "-" and row.verified
    label = f"{row.label}: " if row.label else ""
    resource_type, resource_id = _contact_resource(row)
    before = _contact_fields(old) if was_shown else {}
    after = _contact_fields(row) if shown else {}
    fields = _field_changes(before, after)
    if was_shown and not shown:
        summary, action = f"Contact removed: {old.value}", "delete"
    elif not shown:
        return None
    elif not was_shown:
        summary, action = f"New contact: {label}{row.value}", "create"
    elif old.value != row.value:
        summary, action = (
            f"Number or address changed: {label}{row.value} (was {old.value})",
            "update",
        )
    elif _changed(old, row, CONTACT_FIELDS):
        summary, action = f"Contact details changed: {label}{row.value}", "update"
    else:
        return None
    if resource_type == "service":
        action = "update"  # the service's url or email changed
    return Described(summary, resource_type, resource_id, action, fields)


def _session_text(row):
    return f"{DAY_NAMES[row.weekday]} {_time(row.opens)} to {_time(row.closes)}"


def _session_fields(row):
    return {
        "byday": BYDAY[row.weekday],
        "opens_at": row.opens.strftime("%H:%M"),
        "closes_at": row.closes.strftime("%H:%M"),
    }


def _describe_opening(row, old):
    action = ACTIONS[row.history_type]
    if action == "create":
        summary, before, after = (
            f"Opening hours added: {_session_text(row)}",
            {},
            _session_fields(row),
        )
    elif action == "delete":
        summary, before, after = (
            f"Opening hours removed: {_session_text(row)}",
            _session_fields(row),
            {},
        )
    elif _changed(old, row, OPENING_FIELDS):
        summary = f"Opening hours changed: {_session_text(row)} (was {_session_text(old)})"
        before, after = _session_fields(old), _session_fields(row)
    else:
        return None
    return Described(summary, "schedule", str(row.hsds_id), action, _field_changes(before, after))


def _exception_text(row):
    what = "closed" if row.closed else f"open {_time(row.opens)} to {_time(row.closes)}"
    return f"{row.date.day} {row.date:%B %Y}, {what}" + (f". {row.note}" if row.note else "")


def _describe_exception(row, old):
    # HSDS has no object for a dated change to hours: it is news about the service.
    if row.history_type != "+" and not _changed(old, row, EXCEPTION_FIELDS):
        return None
    if row.history_type == "-":
        summary = f"Dated change to hours withdrawn: {row.date.day} {row.date:%B %Y}"
        fields = (FieldChange("dated_change_to_hours", _exception_text(row), ""),)
    else:
        summary = f"Dated change to hours: {_exception_text(row)}"
        previous = _exception_text(old) if old is not None and old.history_type != "-" else ""
        fields = (FieldChange("dated_change_to_hours", previous, _exception_text(row)),)
    return Described(summary, "service", "", "update", fields)


TRACKED = (
    (Service, _describe_service),
    (Contact, _describe_contact),
    (OpeningTime, _describe_opening),
    (HoursException, _describe_exception),
)


def directory_changes():
    """Visible directory changes, oldest first: a fixed number of queries, whatever the size."""
    described = []
    for model, describe in TRACKED:
        for row, old in _with_previous(model.history.model):
            if found := describe(row, old):
                described.append((row, model, found))
    # The service each change belongs to, from its history (a removed one still has it).
    services = {}
    for record in Service.history.order_by("history_date", "history_id"):
        services[record.id] = record
    live = set(Service.objects.values_list("pk", flat=True))
    changes = []
    for row, model, found in described:
        service_pk = row.id if model is Service else row.service_id
        service = services.get(service_pk)
        name = service.name if service else "A removed service"
        link = f"/services/{service.slug}/" if service and service_pk in live else "/services/"
        service_id = str(service.hsds_id) if service else ""
        changes.append(
            Change(
                key=_tag(f"{model._meta.model_name}:{row.history_id}"),
                title=f"Directory: {name}",
                summary=found.summary,
                link=settings.SITE_URL + link,
                when=row.history_date,
                resource_type=found.resource_type,
                resource_id=found.resource_id or service_id,
                service_id=service_id,
                action=found.action,
                fields=found.fields,
            )
        )
    return changes


# --- Pages ------------------------------------------------------------------------------


def _is_public(record, when):
    return record.status == Page.Status.PUBLISHED and (
        record.publish_until is None or record.publish_until > when
    )


def page_changes(now):
    """A page published, or changed while published, once visitors can see it."""
    changes = []
    for record, old in _with_previous(Page.history.model):
        if record.history_type == "-":
            continue
        when = max(filter(None, [record.history_date, record.publish_from]))
        if when > now or not _is_public(record, when):
            continue
        if old is not None and _is_public(old, when) and not _changed(old, record, PAGE_FIELDS):
            continue
        changes.append(
            Change(
                key=_tag(f"page:{record.history_id}"),
                title=f"Page updated: {record.title}",
                summary=record.summary,
                link=f"{settings.SITE_URL}/{record.slug}/",
                when=when,
            )
        )
    return changes


def all_changes(now=None):
    """Every change, oldest first. New changes are only ever added at the end."""
    now = now or timezone.now()
    changes = page_changes(now) + directory_changes()
    return sorted(changes, key=lambda change: (change.when, change.key))
