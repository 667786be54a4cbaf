"""Grow the starter data twentyfold: nineteen more of every page and every service."""

import uuid

from content.models import Page
from signposting.models import Contact, HoursException, OpeningTime, Service

COPIES = 19  # with the originals, twenty of everything


def _copies(rows, **changes):
    made = []
    for row in rows:
        row.pk = None
        row.id = None
        row.hsds_id = uuid.uuid4()  # a copy is a new record, with an open-data id of its own
        for field, value in changes.items():
            setattr(row, field, value)
        made.append(row)
    return made


def grow_pages():
    originals = list(Page.objects.all())
    for n in range(COPIES):
        clones = []
        for page in originals:
            clone = Page.objects.get(pk=page.pk)
            clone.pk = clone.id = None
            clone.slug = f"{page.slug}-{n}"[:100]
            clones.append(clone)
        Page.objects.bulk_create(clones)


def grow_services():
    for service in list(Service.objects.all()):
        contacts = list(Contact.objects.filter(service=service))
        times = list(OpeningTime.objects.filter(service=service))
        exceptions = list(HoursException.objects.filter(service=service))
        for n in range(COPIES):
            clone = Service.objects.get(pk=service.pk)
            clone.pk = clone.id = None
            clone.slug = f"{service.slug}-{n}"[:100]
            clone.hsds_id = uuid.uuid4()
            clone.save()
            Contact.objects.bulk_create(_copies(contacts, service=clone))
            OpeningTime.objects.bulk_create(_copies(times, service=clone))
            HoursException.objects.bulk_create(_copies(exceptions, service=clone))


def grow_twentyfold():
    grow_pages()
    grow_services()
