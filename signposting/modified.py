"""When each service's open data last changed, from the directory's history.

HSDS `last_modified` is "when the service, or any related information about the
service, has changed": the service itself, its organisation, contacts, opening times
and dated changes, including rows deleted since. Two things change what we publish
without a save, so they count too: a short-term alert reaching its end time, and the
clocks changing (schedules carry the UK's offset from UTC, see uk_offset). A fixed
number of queries, whatever the size of the directory.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max

from .models import Contact, HoursException, OpeningTime, Organisation, Service
from .uk_offset import offset_period


@dataclass(frozen=True)
class Modified:
    by_service: dict  # Service pk -> aware datetime
    overall: datetime | None  # the newest change to anything, removed services included


def _latest(model, key):
    rows = model.history.values(key).annotate(latest=Max("history_date"))
    return {row[key]: row["latest"] for row in rows}


def _newest(*moments):
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def last_modified(services, now):
    """Modified times for `services` (rows with organisation_id, alert_until, hours loaded)."""
    own = _latest(Service, "id")
    organisations = _latest(Organisation, "id")
    related = [_latest(model, "service_id") for model in (Contact, OpeningTime, HoursException)]
    clocks_changed = offset_period(now).began
    by_service = {}
    for service in services:
        ended_alert = (
            service.alert_until
            if service.alert and service.alert_until and service.alert_until <= now
            else None
        )
        has_schedule = service.always_open or bool(service.opening_times.all())
        by_service[service.pk] = _newest(
            own.get(service.pk),
            organisations.get(service.organisation_id),
            *(times.get(service.pk) for times in related),
            ended_alert,
            clocks_changed if has_schedule else None,
        )
    overall = _newest(
        *by_service.values(),
        *own.values(),  # services since removed
        *(max(times.values(), default=None) for times in related),
    )
    return Modified(by_service=by_service, overall=overall)
