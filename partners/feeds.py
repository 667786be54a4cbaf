"""An Atom feed of changes, so partner sites know when to update their own copies.

Paged as RFC 5005 archived feeds, so no change is ever out of reach: the feed
(/partners/changes.atom) has the newest PAGE_SIZE changes and links (`prev-archive`)
to the newest full archive page; each archive page (/partners/changes/archive/N.atom)
holds PAGE_SIZE changes in the order they happened, never changes once full, and
links to the pages either side. Each directory entry carries an `hsds:change` element
naming the HSDS record and, per field, the old and new value.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from stalkinghelp.open_data import OPEN_GOVERNMENT_LICENCE

from .changes import all_changes

PAGE_SIZE = 50
HISTORY_NS = "http://purl.org/syndication/history/1.0"
# Our extension's namespace: a name, not an address (made once for this feed).
CHANGES_NS = "urn:uuid:3b0f6c52-9d1e-4a7b-8f35-c6e2a91d07b4"
FEED_PATH = "/partners/changes.atom"


def archive_path(number):
    return f"/partners/changes/archive/{number}.atom"


class ChangesAtom(Atom1Feed):
    def root_attributes(self):
        attributes = super().root_attributes()
        attributes["xmlns:fh"] = HISTORY_NS
        attributes["xmlns:hsds"] = CHANGES_NS
        return attributes

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement(
            "link", "", {"rel": "license", "href": OPEN_GOVERNMENT_LICENCE["url"]}
        )
        for rel, href in self.feed["archive_links"]:
            handler.addQuickElement("link", "", {"rel": rel, "href": href})
        if self.feed["is_archive"]:
            handler.addQuickElement("fh:archive", "")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        change = item["change"]
        if not change.resource_type:
            return
        handler.startElement(
            "hsds:change",
            {
                "resource_type": change.resource_type,
                "resource_id": change.resource_id,
                "service_id": change.service_id,
                "last_action_type": change.action,
            },
        )
        for field in change.fields:
            handler.addQuickElement(
                "hsds:field",
                "",
                {
                    "field_name": field.field_name,
                    "previous_value": field.previous_value,
                    "replacement_value": field.replacement_value,
                },
            )
        handler.endElement("hsds:change")


class Page:
    """One feed document: the subscription feed (number None) or an archive page."""

    def __init__(self, number, changes):
        self.number = number
        full_pages = len(changes) // PAGE_SIZE
        if number is None:
            self.entries = changes[-PAGE_SIZE:]
            self.links = [("prev-archive", archive_path(full_pages))] if full_pages else []
        else:
            if not 1 <= number <= full_pages:
                raise Http404("No such archive page")
            self.entries = changes[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            self.links = [("current", FEED_PATH)]
            if number > 1:
                self.links.append(("prev-archive", archive_path(number - 1)))
            if number < full_pages:
                self.links.append(("next-archive", archive_path(number + 1)))
        self.entries = list(reversed(self.entries))  # newest first, as feed readers expect

    @property
    def path(self):
        return FEED_PATH if self.number is None else archive_path(self.number)


class ChangesFeed(Feed):
    feed_type = ChangesAtom
    title = f"{settings.SITE_NAME}: changes to pages and the service directory"
    subtitle = (
        "Published pages, and changes to services' numbers, opening hours and details. "
        "If you copy any of our details, check them when this feed changes."
    )
    author_name = settings.SITE_NAME
    # Atom's <rights>: what anyone may do with what the feed says.
    feed_copyright = (
        f"Open data from {settings.SITE_NAME}, under the {OPEN_GOVERNMENT_LICENCE['name']}: "
        f"{OPEN_GOVERNMENT_LICENCE['url']}"
    )

    def get_object(self, request, number=None):
        return Page(number, all_changes())

    # Absolute addresses on our public domain, never built from the request's Host header.
    def link(self):
        return settings.SITE_URL + "/partners/"

    def feed_url(self, page):
        return settings.SITE_URL + page.path

    def feed_guid(self, page):
        # One logical feed: the archive pages share the subscription feed's id.
        return settings.SITE_URL + FEED_PATH

    def feed_extra_kwargs(self, page):
        return {
            "archive_links": [(rel, settings.SITE_URL + path) for rel, path in page.links],
            "is_archive": page.number is not None,
        }

    def items(self, page):
        return page.entries

    def item_extra_kwargs(self, change):
        return {"change": change}

    def item_title(self, change):
        return change.title

    def item_description(self, change):
        return change.summary

    def item_link(self, change):
        return change.link

    def item_guid(self, change):
        return change.key

    def item_guid_is_permalink(self, change):
        return False

    def item_pubdate(self, change):
        return change.when

    def item_updateddate(self, change):
        return change.when
