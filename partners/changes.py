"""What changed, newest first, for the Atom feed: published pages and directory details.

Directory changes come from simple-history's records of services, contacts, opening
times and dated changes to hours. Only what a visitor (or a partner's copy) can see
counts: an edit to a staff note, a source or the sort order is not news to a partner.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings

from content.selectors import live_pages
from signposting.models import Contact, HoursException, OpeningTime, Service
from signposting.opening import DAY_NAMES, format_time

FEED_LENGTH = 50

SERVICE_FIELDS = {
    "name": "name",
    "slug": "address",
    "status": "status",
    "alert": "short-term alert",
    "short_description": "description",
    "who_it_helps": "who it helps",
    "url": "website",
    "self_referral": "whether people can contact it themselves",
    "genders": "who it is for",
    "min_age": "minimum age",
    "max_age": "maximum age",
    "relationship": "who it helps with",
    "area": "area",
    "always_open": "24-hour opening",
    "bank_holidays": "bank holiday opening",
    "verified": "checked with the provider",
    "last_verified": "date last checked",
}
CONTACT_FIELDS = ("kind", "label", "value", "instructions", "for_gender", "verified")
OPENING_FIELDS = ("weekday", "opens", "closes")
EXCEPTION_FIELDS = ("date", "closed", "opens", "closes", "note")


@dataclass(frozen=True)
class Change:
    key: str  # unique and stable for the feed's entry ids
    title: str
    summary: str
    link: str
    when: datetime


def _tag(key):
    # RFC 4151 tag URIs: stable ids that do not pretend to be fetchable addresses.
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{domain},2026:{key}"


def page_changes(limit=FEED_LENGTH):
    changes = []
    for page in live_pages().order_by("-updated_at")[:limit]:
        when = max(filter(None, [page.updated_at, page.publish_from]))
        changes.append(
            Change(
                key=_tag(f"page:{page.pk}:{when.timestamp():.0f}"),
                title=f"Page updated: {page.title}",
                summary=page.summary,
                link=settings.SITE_URL + page.get_absolute_url(),
                when=when,
            )
        )
    return changes


def _previous_versions(history_model, rows):
    """{history_id: the record before it} for the rows, in one query."""
    ids = {row.id for row in rows}
    versions = {}
    previous = {}
    for record in history_model.objects.filter(id__in=ids).order_by("history_date", "history_id"):
        previous[record.history_id] = versions.get(record.id)
        versions[record.id] = record
    return previous


def _changed(old, new, fields):
    return [f for f in fields if old is None or getattr(old, f) != getattr(new, f)]


def _time(value):
    return format_time(value) if value else ""


def _describe_contact(row, old):
    # Hidden contacts (not yet checked) are not on the site: showing or hiding one is the
    # change a partner sees, so it reads as added or removed.
    was_shown = old is not None and old.history_type != "-" and old.verified
    shown = row.history_type != "-" and row.verified
    label = f"{row.label}: " if row.label else ""
    if was_shown and not shown:
        return f"Contact removed: {old.value}"
    if not shown:
        return None
    if not was_shown:
        return f"New contact: {label}{row.value}"
    if old.value != row.value:
        return f"Number or address changed: {label}{row.value} (was {old.value})"
    if _changed(old, row, CONTACT_FIELDS):
        return f"Contact details changed: {label}{row.value}"
    return None


def _session_text(row):
    return f"{DAY_NAMES[row.weekday]} {_time(row.opens)} to {_time(row.closes)}"


def _describe_opening(row, old):
    if row.history_type == "+":
        return f"Opening hours added: {_session_text(row)}"
    if row.history_type == "-":
        return f"Opening hours removed: {_session_text(row)}"
    if _changed(old, row, OPENING_FIELDS):
        return f"Opening hours changed: {_session_text(row)} (was {_session_text(old)})"
    return None


def _describe_exception(row, old):
    if row.history_type != "+" and not _changed(old, row, EXCEPTION_FIELDS):
        return None
    day = f"{row.date.day} {row.date:%B %Y}"
    if row.history_type == "-":
        return f"Dated change to hours withdrawn: {day}"
    what = "closed" if row.closed else f"open {_time(row.opens)} to {_time(row.closes)}"
    return f"Dated change to hours: {day}, {what}" + (f". {row.note}" if row.note else "")


def _describe_service(row, old):
    if row.history_type == "+":
        return f"New service: {row.name}"
    if row.history_type == "-":
        return f"Service removed: {row.name}"
    changed = _changed(old, row, SERVICE_FIELDS)
    if not changed:
        return None
    return "Changed: " + ", ".join(SERVICE_FIELDS[field] for field in changed)


TRACKED = (
    (Service, _describe_service),
    (Contact, _describe_contact),
    (OpeningTime, _describe_opening),
    (HoursException, _describe_exception),
)


def _service_of(row):
    return row.id if isinstance(row, Service.history.model) else row.service_id


def directory_changes(limit=FEED_LENGTH):
    """Visible directory changes, newest first: a fixed number of queries, whatever the size."""
    described = []
    for model, describe in TRACKED:
        rows = list(model.history.order_by("-history_date", "-history_id")[:limit])
        previous = _previous_versions(model.history.model, rows)
        for row in rows:
            if summary := describe(row, previous.get(row.history_id)):
                described.append((row, model, summary))
    described.sort(key=lambda item: item[0].history_date, reverse=True)
    described = described[:limit]

    service_ids = {_service_of(row) for row, _model, _summary in described}
    services = {s.pk: s for s in Service.objects.filter(pk__in=service_ids).only("name", "slug")}
    changes = []
    for row, model, summary in described:
        service = services.get(_service_of(row))
        name = service.name if service else getattr(row, "name", "A removed service")
        link = service.get_absolute_url() if service else "/services/"
        changes.append(
            Change(
                key=_tag(f"{model._meta.model_name}:{row.history_id}"),
                title=f"Directory: {name}",
                summary=summary,
                link=settings.SITE_URL + link,
                when=row.history_date,
            )
        )
    return changes


def recent_changes(limit=FEED_LENGTH):
    changes = page_changes(limit) + directory_changes(limit)
    return sorted(changes, key=lambda change: change.when, reverse=True)[:limit]
