"""Plain factory functions for directory rows and entries."""

import datetime as dt
import itertools

from signposting import entries, opening
from signposting.models import Contact, OpeningTime, Service
from signposting.starter import read_starter

_numbers = itertools.count(1)
# An entry named like a starter service fills that service's role, as the rules expect.
STARTER_ROLES = {service["slug"]: service.get("role", "") for service in read_starter()["services"]}


def make_service(slug=None, *, phone="0808 802 0300", weekly=True, **fields):
    n = next(_numbers)
    defaults = {
        "name": f"Test service {n}",
        "slug": slug or f"test-service-{n}",
        "short_description": "A test service.",
        "who_it_helps": "Anyone.",
        "category": Service.Category.HELPLINE,
    }
    service = Service.objects.create(**{**defaults, **fields})
    if phone:
        Contact.objects.create(service=service, kind=Contact.Kind.VOICE, value=phone)
        Contact.objects.create(service=service, kind=Contact.Kind.WEB, value="https://example.org")
    if weekly:
        for day in range(5):
            OpeningTime.objects.create(
                service=service, weekday=day, opens=dt.time(9, 30), closes=dt.time(16)
            )
    return service


def make_entry(slug="entry", *, hours=None, channels=None, **fields):
    defaults = {
        "name": slug.replace("-", " ").title(),
        "category": "helpline",
        "short_description": "A test line.",
        "who_it_helps": "Anyone.",
        "role": STARTER_ROLES.get(slug, ""),
    }
    return entries.Entry(
        slug=slug,
        hours=hours or opening.Hours(always_open=True),
        channels=channels
        if channels is not None
        else (entries.Channel("voice", "", "0808 802 0300", "tel:+448088020300"),),
        **{**defaults, **fields},
    )
