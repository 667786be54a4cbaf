"""Grow the starter data twentyfold: nineteen more of every page and every service."""

import uuid

from content.models import Page
from signposting.models import Contact, HoursException, OpeningTime, Service
from signposting.taxonomy import EXCLUSIVE_ROLES

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
            clone.easy_read_of = None  # paired below, with this round's copy of its page
            clones.append(clone)
        Page.objects.bulk_create(clones)
        copy_of = {page.pk: clone for page, clone in zip(originals, clones, strict=True)}
        paired = []
        for page, clone in zip(originals, clones, strict=True):
            if page.easy_read_of_id:
                clone.easy_read_of = copy_of[page.easy_read_of_id]
                paired.append(clone)
        Page.objects.bulk_update(paired, ["easy_read_of"])


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
            if clone.role in EXCLUSIVE_ROLES:
                clone.role = ""  # one service per such role: the copies fill none
            clone.save()
            Contact.objects.bulk_create(_copies(contacts, service=clone))
            OpeningTime.objects.bulk_create(_copies(times, service=clone))
            HoursException.objects.bulk_create(_copies(exceptions, service=clone))


def grow_twentyfold():
    grow_pages()
    grow_services()
