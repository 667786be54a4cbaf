"""The directory as Open Referral HSDS 3.0-shaped JSON, for partner agencies.

A subset of HSDS: service, organization, phones, schedules, service_areas and
eligibility. Ids are stable UUIDs derived from our slugs, so partners can keep
references across exports.
"""

import uuid

from django.conf import settings
from django.utils import timezone

from ..entries import visible_alert
from ..opening import DAY_NAMES
from ..unverified import unverified_note

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://stalkinghelp.nottinghamshire/hsds")
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PHONE_TYPES = {"voice": "voice", "sms": "text", "textphone": "textphone"}
STATUS = {"active": "active", "temporarily_closed": "temporarily closed"}
AREAS = {
    "national": "United Kingdom (national service)",
    "notts": "Nottinghamshire police area: Nottingham city and Nottinghamshire county",
}


def stable_id(kind, key):
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def _time(value):
    return value.strftime("%H:%M")


def _schedules(service):
    if service.always_open:
        return [
            {
                "id": stable_id("schedule", f"{service.slug}:always"),
                "freq": "WEEKLY",
                "byday": ",".join(BYDAY),
                "opens_at": "00:00",
                "closes_at": "24:00",
                "timezone": "Europe/London",
                "description": "Open 24 hours, every day",
            }
        ]
    return [
        {
            "id": stable_id("schedule", f"{service.slug}:{t.weekday}:{t.opens}"),
            "freq": "WEEKLY",
            "byday": BYDAY[t.weekday],
            "opens_at": _time(t.opens),
            "closes_at": "24:00" if _time(t.closes) == "00:00" else _time(t.closes),
            "timezone": "Europe/London",
            "description": f"{DAY_NAMES[t.weekday]}s",
        }
        for t in service.opening_times.all()
    ]


def _contacts(service):
    phones, urls, emails = [], [], []
    for contact in service.public_contacts():
        if contact.kind in PHONE_TYPES:
            phones.append(
                {
                    "id": stable_id("phone", f"{service.slug}:{contact.dial}:{contact.kind}"),
                    "number": contact.value,
                    "type": PHONE_TYPES[contact.kind],
                    "description": " ".join(filter(None, [contact.label, contact.instructions])),
                }
            )
        elif contact.kind == "email":
            emails.append(contact.value)
        else:
            urls.append(contact.value)
    return phones, urls, emails


def service_to_hsds(service):
    phones, urls, emails = _contacts(service)
    organisation = service.organisation
    eligibility = [service.who_it_helps]
    if service.relationship != "any":
        eligibility.append(service.get_relationship_display() + ".")
    return {
        "id": stable_id("service", service.slug),
        "slug": service.slug,
        "name": service.name,
        "description": service.short_description,
        "url": service.url or (urls[0] if urls else None),
        "email": emails[0] if emails else None,
        "status": STATUS.get(service.status, service.status),
        "alert": visible_alert(service, timezone.now()) or None,
        # Our own field: what we are still checking (details, or hours sources disagree on).
        "unverified_note": unverified_note(service),
        "eligibility_description": " ".join(eligibility),
        "minimum_age": service.min_age,
        "maximum_age": service.max_age,
        "assured_date": service.last_verified.isoformat() if service.last_verified else None,
        "attributes": [
            {"taxonomy": "stalkinghelp:category", "value": service.category},
            {"taxonomy": "stalkinghelp:genders", "value": service.genders},
            {"taxonomy": "stalkinghelp:relationship", "value": service.relationship},
            {"taxonomy": "stalkinghelp:verified", "value": "yes" if service.verified else "no"},
            {"taxonomy": "stalkinghelp:bank_holidays", "value": service.bank_holidays},
        ],
        "organization": (
            {
                "id": stable_id("organization", organisation.slug),
                "name": organisation.name,
                "url": organisation.url or None,
            }
            if organisation
            else None
        ),
        "phones": phones,
        "schedules": _schedules(service),
        "service_areas": [
            {
                "id": stable_id("area", service.area),
                "name": AREAS.get(service.area, service.area),
                "extent_type": "name",
            }
        ],
        "links": {"self": f"{settings.SITE_URL}{service.get_absolute_url()}"},
    }


def directory_to_hsds(services):
    contents = [service_to_hsds(service) for service in services]
    return {
        "total_items": len(contents),
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
