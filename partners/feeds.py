"""An Atom feed of changes, so partner sites know when to update their own copies."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .changes import recent_changes


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = f"{settings.SITE_NAME}: changes to pages and the service directory"
    subtitle = (
        "Published pages, and changes to services' numbers, opening hours and details. "
        "If you copy any of our details, check them when this feed changes."
    )
    author_name = settings.SITE_NAME

    # Absolute addresses on our public domain, never built from the request's Host header.
    def link(self):
        return settings.SITE_URL + "/partners/"

    def feed_url(self):
        return settings.SITE_URL + "/partners/changes.atom"

    def feed_guid(self):
        return settings.SITE_URL + "/partners/changes.atom"

    def items(self):
        return recent_changes()

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
