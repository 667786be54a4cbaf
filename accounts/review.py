"""What staff must look at: overdue reviews, stale or unverified directory entries,
expired alerts and the publications coming up.

Shared by the admin dashboard and `manage.py review_report`. Every selector takes `now`
from its caller, so tests can fix the clock.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from content.models import Page
from signposting.models import Contact, Service

# The "not verified for more than six months", counted as 183 days.
VERIFICATION_MAX_AGE = timedelta(days=183)
SCHEDULE_LOOKAHEAD = timedelta(days=14)
CHECK_LOOKAHEAD = timedelta(days=28)


@dataclass(frozen=True)
class ReviewItem:
    label: str
    detail: str
    admin_url: str


@dataclass(frozen=True)
class ReviewSection:
    key: str
    title: str
    # Overdue sections make review_report fail; upcoming ones are for information.
    overdue: bool
    items: tuple


def _admin_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _day(value):
    return f"{value:%-d %B %Y}"


def pages_past_review(now):
    """Pages never reviewed by a person (first), then pages whose review date has passed."""
    today = timezone.localdate(now)
    pages = Page.objects.order_by("title")
    never = [page for page in pages if page.review_due is None]
    overdue = [page for page in pages if page.review_due and page.review_overdue(today)]
    overdue.sort(key=lambda page: (page.review_due, page.title))
    items = [ReviewItem(page.title, "never reviewed", _admin_url(page)) for page in never]
    items += [
        ReviewItem(page.title, f"review was due {_day(page.review_due)}", _admin_url(page))
        for page in overdue
    ]
    return tuple(items)


def services_not_recently_verified(now):
    cutoff = timezone.localdate(now) - VERIFICATION_MAX_AGE
    stale = Service.objects.filter(last_verified__lt=cutoff).order_by("last_verified", "name")
    never = Service.objects.filter(last_verified__isnull=True).order_by("name")
    items = [
        ReviewItem(s.name, f"last verified {_day(s.last_verified)}", _admin_url(s)) for s in stale
    ]
    items += [ReviewItem(s.name, "never verified", _admin_url(s)) for s in never]
    return tuple(items)


def checks_due_soon(now):
    """Services whose six-monthly check falls due in the next four weeks, soonest first."""
    today = timezone.localdate(now)
    first, last = today - VERIFICATION_MAX_AGE, today - VERIFICATION_MAX_AGE + CHECK_LOOKAHEAD
    due = Service.objects.filter(last_verified__gte=first, last_verified__lt=last)
    return tuple(
        ReviewItem(
            s.name, f"check due {_day(s.last_verified + VERIFICATION_MAX_AGE)}", _admin_url(s)
        )
        for s in due.order_by("last_verified", "name")
    )


def unverified_entries(now):
    services = Service.objects.filter(verified=False).order_by("name")
    contacts = (
        Contact.objects.filter(verified=False)
        .select_related("service")
        .order_by("service__name", "order", "id")
    )
    unconfirmed_hours = Service.objects.filter(hours_confirmed=False).order_by("name")
    items = [ReviewItem(s.name, "service marked unverified", _admin_url(s)) for s in services]
    items += [
        ReviewItem(s.name, "opening hours not confirmed", _admin_url(s)) for s in unconfirmed_hours
    ]
    # A contact is edited on its service's page (inline), so link there.
    items += [
        ReviewItem(f"{c.service.name}: {c}", "contact marked unverified", _admin_url(c.service))
        for c in contacts
    ]
    return tuple(items)


def publications_coming_up(now):
    horizon = now + SCHEDULE_LOOKAHEAD
    published = Page.objects.filter(status=Page.Status.PUBLISHED)
    starts = published.filter(publish_from__gt=now, publish_from__lte=horizon)
    ends = published.filter(publish_until__gt=now, publish_until__lte=horizon)
    events = [(p.publish_from, p, "goes live") for p in starts]
    events += [(p.publish_until, p, "comes down") for p in ends]
    events.sort(key=lambda event: (event[0], event[1].title))
    return tuple(
        ReviewItem(
            page.title,
            f"{what} {_moment(when)}",
            _admin_url(page),
        )
        for when, page, what in events
    )


def expired_alerts(now):
    """Alerts past their end time: visitors no longer see them, so the text should be cleared."""
    expired = Service.objects.exclude(alert="").filter(alert_until__lte=now).order_by("name")
    return tuple(
        ReviewItem(s.name, f"alert “{s.alert}” ended {_moment(s.alert_until)}", _admin_url(s))
        for s in expired
    )


def _moment(value):
    return f"{timezone.localtime(value):%-d %B %Y at %H:%M}"


def review_sections(now):
    return (
        ReviewSection(
            "pages_past_review",
            "Pages never reviewed or past their review date",
            True,
            pages_past_review(now),
        ),
        ReviewSection(
            "services_not_verified",
            "Services not verified for more than six months",
            True,
            services_not_recently_verified(now),
        ),
        ReviewSection(
            "unverified_entries", "Entries marked unverified", True, unverified_entries(now)
        ),
        ReviewSection(
            "expired_alerts",
            "Services whose short-term alert has expired",
            True,
            expired_alerts(now),
        ),
        ReviewSection(
            "checks_due_soon",
            "Services due for a check in the next four weeks",
            False,
            checks_due_soon(now),
        ),
        ReviewSection(
            "coming_up",
            "Scheduled publications in the next two weeks",
            False,
            publications_coming_up(now),
        ),
    )


def anything_overdue(sections):
    return any(section.overdue and section.items for section in sections)
