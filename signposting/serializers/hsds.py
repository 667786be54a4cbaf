"""The directory as Open Referral HSDS 3.0 JSON, valid against the standard's own schemas.

- Ids are the UUIDs stored on each record (`hsds_id`), so they survive a rename, a new
  number or a move to another database. Objects we make up from a record (the 24-hour
  schedule, the service area, each attribute) take a uuid5 of their record's id.
- An optional field with no value is left out, never sent as null or "" (HSDS mapping
  guidance). Two extensions, where HSDS has no term: `slug` (the service's address on
  this site) and `links.self` (its page).
- Times carry the UK's offset from UTC in force now, and each schedule says (with
  valid_from and valid_to) the dates that offset holds: see signposting.uk_offset.

`service_full` is one fully nested service (compiled/service.json, GET /services/{id});
`service_brief` is a list item (compiled/service_list.json): its own fields and its
organisation, without child arrays.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings

from .. import entries, taxonomy
from ..emergency import emergency_contacts
from ..entries import visible_alert
from ..interpreters import interpreters_in_english
from ..modified import last_modified
from ..opening import DAY_NAMES, MIDNIGHT, format_time
from ..selectors import listed_services
from ..uk_offset import OffsetPeriod, offset_period
from ..unverified import unverified_note

HSDS_VERSION = "3.0"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PHONE_TYPES = {"voice": "voice", "sms": "text", "textphone": "textphone"}
STATUS = {"active": "active", "temporarily_closed": "temporarily closed"}
# HSDS's advice for the end of the day (and for 24-hour opening): 23:59, not 24:00.
END_OF_DAY = "23:59"


def derived_id(parent_id, kind):
    """The id of an object made from a record: stable while the record is."""
    return str(uuid.uuid5(uuid.UUID(str(parent_id)), kind))


def timestamp(moment):
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def omit_empty(fields):
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}


@dataclass(frozen=True)
class Publication:
    """Everything one response is made from, read once: the services and the moment."""

    services: list
    now: datetime
    offset: OffsetPeriod
    modified: object  # signposting.modified.Modified
    provides: dict  # organisation pk -> names of its services, in directory order
    helpline: object  # signposting.emergency.StripNumber: the number unverified notes name

    def last_modified(self, service):
        return self.modified.by_service.get(service.pk)


def publication(now):
    services = list(listed_services())
    provides = {}
    for service in services:
        if service.organisation_id:
            provides.setdefault(service.organisation_id, []).append(service.name)
    return Publication(
        services=services,
        now=now,
        offset=offset_period(now),
        modified=last_modified(services, now),
        provides=provides,
        # Read once for every response, whether or not a service on this page needs it,
        # so what one answer costs does not depend on which services it lists.
        helpline=emergency_contacts()["helpline"],
    )


def organisation_description(organisation, provides):
    # HSDS requires a description; where staff wrote none, say only what we know.
    if organisation.description:
        return organisation.description
    names = provides.get(organisation.pk) or []
    return f"Runs {', '.join(names)}." if names else f"{organisation.name}."


def organisation_json(organisation, pub):
    return omit_empty(
        {
            "id": str(organisation.hsds_id),
            "name": organisation.name,
            "description": organisation_description(organisation, pub.provides),
            "website": organisation.url,
        }
    )


def _local(value):
    return END_OF_DAY if value == MIDNIGHT else value.strftime("%H:%M")


def _schedule(schedule_id, days, opens, closes, description, offset):
    return {
        "id": str(schedule_id),
        "freq": "WEEKLY",
        "byday": ",".join(BYDAY[day] for day in days),
        "opens_at": opens + offset.suffix,
        "closes_at": closes + offset.suffix,
        "timezone": offset.hours,
        "valid_from": offset.valid_from.isoformat(),
        "valid_to": offset.valid_to.isoformat(),
        "description": description,
    }


def schedules_json(service, offset):
    if not service.hours_confirmed:
        # Sources disagree: publishing either timetable would state it as fact. The
        # service's unverified_note says the hours are not confirmed instead.
        return []
    if service.always_open:
        return [
            _schedule(
                derived_id(service.hsds_id, "schedule:always-open"),
                range(7),
                "00:00",
                END_OF_DAY,
                "Open 24 hours, every day (UK time)",
                offset,
            )
        ]
    return [
        _schedule(
            t.hsds_id,
            [t.weekday],
            _local(t.opens),
            _local(t.closes),
            f"{DAY_NAMES[t.weekday]}s, {format_time(t.opens)} to {format_time(t.closes)} (UK time)",
            offset,
        )
        for t in service.opening_times.all()
    ]


def phones_json(service):
    return [
        omit_empty(
            {
                "id": str(contact.hsds_id),
                "number": contact.value,
                "type": PHONE_TYPES[contact.kind],
                "description": " ".join(filter(None, [contact.label, contact.instructions])),
            }
        )
        for contact in service.public_contacts()
        if contact.kind in PHONE_TYPES
    ]


def _first_contact(service, kinds):
    return next((c.value for c in service.public_contacts() if c.kind in kinds), "")


def term_json(term, *, detail=False):
    of = taxonomy.TAXONOMY_BY_CODE[term.taxonomy]
    fields = {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": of.name,
        "taxonomy_id": of.id,
        "term_uri": f"{settings.SITE_URL}/api/v1/taxonomy_terms/{term.id}",
    }
    if detail:
        fields["taxonomy_detail"] = taxonomy_json(of)
    return fields


def taxonomy_json(of):
    return {
        "id": of.id,
        "name": of.name,
        "description": of.description,
        "uri": f"{settings.SITE_URL}/api/v1/taxonomies/{of.id}",
        "version": taxonomy.VERSION,
    }


def attributes_json(service):
    return [
        {
            "id": derived_id(service.hsds_id, f"attribute:{term.id}"),
            "taxonomy_term_id": term.id,
            "link_type": taxonomy.TAXONOMY_BY_CODE[term.taxonomy].link_type,
            "link_entity": "service",
            "taxonomy_term": term_json(term),
        }
        for term in taxonomy.service_terms(service)
    ]


def service_area_name(area):
    """A service's area as the open data names it; the local one is configured (settings.AREA)."""
    if area == entries.AREA_LOCAL:
        return settings.AREA["service_area"]
    return "United Kingdom (national service)"


def service_areas_json(service):
    # No boundary geometry, so no extent or extent_type: the name says where.
    return [
        {
            "id": derived_id(service.hsds_id, "service_area"),
            "name": service_area_name(service.area),
        }
    ]


def eligibility_description(service):
    eligibility = [service.who_it_helps]
    if service.relationship != "any":
        eligibility.append(service.get_relationship_display() + ".")
    return " ".join(eligibility)


def service_brief(service, pub):
    """The service's own fields and its organisation: an item of GET /services."""
    modified = pub.last_modified(service)
    organisation = service.organisation
    return omit_empty(
        {
            "id": str(service.hsds_id),
            "organization_id": str(organisation.hsds_id) if organisation else None,
            "name": service.name,
            "description": service.short_description,
            "url": service.url or _first_contact(service, ("web", "chat")),
            "email": _first_contact(service, ("email",)),
            "status": STATUS.get(service.status, service.status),
            "alert": visible_alert(service, pub.now),
            # Our own field: what we are still checking (details, or hours sources disagree on).
            "unverified_note": unverified_note(service, pub.helpline),
            "eligibility_description": eligibility_description(service),
            "interpretation_services": interpreters_in_english(service.interpreters),
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            "assured_date": service.last_verified.isoformat() if service.last_verified else None,
            "last_modified": timestamp(modified) if modified else None,
            "organization": organisation_json(organisation, pub) if organisation else None,
            "slug": service.slug,
            "links": {"self": f"{settings.SITE_URL}{service.get_absolute_url()}"},
        }
    )


def service_full(service, pub):
    """One fully nested service: GET /services/{id}."""
    return {
        **service_brief(service, pub),
        **omit_empty(
            {
                "phones": phones_json(service),
                "schedules": schedules_json(service, pub.offset),
                "service_areas": service_areas_json(service),
                "attributes": attributes_json(service),
            }
        ),
    }


def page_json(items, *, page_number, per_page, total_items):
    """The HSDS Page envelope around one page of items."""
    total_pages = -(-total_items // per_page) if total_items else 0
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(items),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not items,
        "contents": items,
    }


def directory_json(pub):
    """Every service, fully nested, on one page: the download."""
    items = [service_full(service, pub) for service in pub.services]
    return page_json(items, page_number=1, per_page=max(len(items), 1), total_items=len(items))
