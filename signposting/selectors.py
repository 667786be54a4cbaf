"""Reads from the directory. Every function prefetches, so pages make a fixed number of queries."""

from django.db.models import Prefetch

from .models import Contact, HoursException, OpeningTime, Service


def _with_related(queryset):
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.order_by("order", "id")),
        Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens")),
        Prefetch("hours_exceptions", queryset=HoursException.objects.order_by("date")),
    )


def listed_services():
    """Every service visitors may see, in directory order, with its contacts and hours."""
    return _with_related(Service.objects.all()).order_by("sort_order", "name")


def service_by_slug(slug):
    return _with_related(Service.objects.filter(slug=slug)).first()


def services_by_slugs(slugs):
    """{slug: Service} for the slugs that exist, with contacts and hours prefetched.

    For pages that insert services by token, e.g. [[service:national-stalking-helpline]].
    """
    slugs = list(dict.fromkeys(slugs))
    if not slugs:
        return {}
    return {
        service.slug: service for service in _with_related(Service.objects.filter(slug__in=slugs))
    }


def directory_entries():
    """The directory as plain Entry values, for the triage rules."""
    return [service.as_entry() for service in listed_services()]
