"""The stable links partners may share, and the check that an address is one of them.

QR codes are only ever made for these addresses, on this site's public domain
(settings.SITE_URL): otherwise anyone could make our site serve a QR code that
leads to an address of their choosing, with our name on it.
"""

import re
from dataclasses import dataclass

from django.conf import settings

from content.selectors import live_pages
from signposting.models import Service

IS_IT_STALKING_SLUG = "is-it-stalking"
_SERVICE_PATH = re.compile(r"/services/(?P<slug>[a-z0-9-]+)/")
_PAGE_PATH = re.compile(r"/(?P<slug>[a-z0-9-]+)/")


@dataclass(frozen=True)
class StableLink:
    title: str
    path: str

    @property
    def url(self):
        return settings.SITE_URL + self.path

    @property
    def address(self):
        """The address as a person would type it: no scheme."""
        return self.url.split("://", 1)[-1]


HOME = StableLink("Home page", "/")
HELP_FINDER = StableLink("Get help now: find the right service", "/get-help/")
SERVICES = StableLink("All services and their numbers", "/services/")
PARTNERS = StableLink("This page, for partner agencies", "/partners/")
FIXED_LINKS = (HOME, HELP_FINDER, SERVICES, PARTNERS)


@dataclass(frozen=True)
class LinkGroups:
    start_here: list
    pages: list
    services: list


def stable_links():
    """Every address worth sharing, grouped as the partners page lists them."""
    pages = [
        StableLink(page.title, f"/{page.slug}/") for page in live_pages().only("title", "slug")
    ]
    is_it_stalking = [link for link in pages if link.path == f"/{IS_IT_STALKING_SLUG}/"]
    services = [
        StableLink(service.name, service.get_absolute_url())
        # The same services, in the same order, as the directory lists (every one is public).
        for service in Service.objects.order_by("sort_order", "name").only("name", "slug")
    ]
    return LinkGroups(
        start_here=[HELP_FINDER, *is_it_stalking, HOME, SERVICES],
        pages=[link for link in pages if link not in is_it_stalking],
        services=services,
    )


def is_stable_path(path):
    """True if `path` is an address on this site that we list for sharing."""
    if not isinstance(path, str) or len(path) > 200:
        return False
    if path in {link.path for link in FIXED_LINKS}:
        return True
    if match := _SERVICE_PATH.fullmatch(path):
        return Service.objects.filter(slug=match["slug"]).exists()
    if match := _PAGE_PATH.fullmatch(path):
        return live_pages().filter(slug=match["slug"]).exists()
    return False
