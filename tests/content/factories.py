"""Plain factory functions for pages and directory services."""

from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from content.models import Page

_numbers = count(1)


def make_page(**fields):
    n = next(_numbers)
    values = {
        "title": f"Page {n}",
        "slug": f"page-{n}",
        "summary": f"Summary of page {n}.",
        "body": f"<p>Body of page {n}.</p>",
        "status": Page.Status.PUBLISHED,
    }
    values.update(fields)
    return Page.objects.create(**values)


def make_draft(**fields):
    return make_page(status=Page.Status.DRAFT, **fields)


def make_scheduled(**fields):
    return make_page(publish_from=timezone.now() + timedelta(days=2), **fields)


def make_expired(**fields):
    page = make_page(publish_from=timezone.now() - timedelta(days=10), **fields)
    page.publish_until = timezone.now() - timedelta(days=1)
    page.save()
    return page


def make_staff(username="editor", perms=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_staff=True, is_superuser=superuser
    )
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user
