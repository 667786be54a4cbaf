"""Load the starter directory (starter/directory.yaml) into an empty or partial database.

Only what is missing is created, matched by slug. A service that already exists
is left exactly as it is, including every contact and opening time, because
staff may have corrected it: the file is a starting point, never an override.
"""

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction

from .models import Contact, HoursException, OpeningTime, Organisation, Service

STARTER_FILE = Path(__file__).resolve().parent / "starter" / "directory.yaml"
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

SERVICE_FIELDS = (
    "name", "short_description", "who_it_helps", "category", "role", "status", "alert",
    "url", "genders", "min_age", "max_age", "relationship", "area", "always_open",
    "bank_holidays", "hours_confirmed", "verified", "last_verified", "source", "confidence_note",
    "sort_order", "interpreters",
)  # fmt: skip
CONTACT_FIELDS = ("kind", "label", "value", "instructions", "for_gender", "verified", "note")


def read_starter(path=STARTER_FILE):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _time(text):
    return dt.time.fromisoformat(text)


def _create_service(data, organisations):
    fields = {name: data[name] for name in SERVICE_FIELDS if name in data}
    service = Service(
        slug=data["slug"],
        organisation=organisations.get(data.get("organisation")),
        self_referral=data.get("self_referral", True),
        **fields,
    )
    service.full_clean()
    service.save()
    for order, item in enumerate(data.get("contacts", [])):
        contact = Contact(
            service=service,
            order=order,
            **{name: item[name] for name in CONTACT_FIELDS if name in item},
        )
        contact.full_clean()
        contact.save()
    for span in data.get("hours", []):
        for day in span["days"]:
            time = OpeningTime(
                service=service,
                weekday=DAYS[day],
                opens=_time(span["opens"]),
                closes=_time(span["closes"]),
            )
            time.full_clean()
            time.save()
    for item in data.get("exceptions", []):
        exception = HoursException(service=service, **item)
        exception.full_clean()
        exception.save()
    return service


def load_directory(data=None):
    """Create missing organisations and services. Returns the slugs of services created."""
    data = data if data is not None else read_starter()
    created = []
    with transaction.atomic():
        organisations = {}
        for item in data.get("organisations", []):
            organisation, _ = Organisation.objects.get_or_create(
                slug=item["slug"],
                defaults={key: item[key] for key in ("name", "description", "url") if key in item},
            )
            organisations[organisation.slug] = organisation
        existing = set(Service.objects.values_list("slug", flat=True))
        for item in data.get("services", []):
            if item["slug"] in existing:
                continue
            _create_service(item, organisations)
            created.append(item["slug"])
    return created
