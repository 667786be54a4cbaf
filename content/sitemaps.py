"""sitemap.xml: live pages only, with absolute addresses on the site's public domain.

Every page is listed in every language of settings.LANGUAGES (the same slug under each
prefix; an untranslated page shows the English with a notice, never a 404), each with
its xhtml:link alternates and an x-default (the English).
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .selectors import live_pages


class SiteUrlSitemap(Sitemap):
    """Uses settings.SITE_URL, not the request's Host header, for every address."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        parts = urlsplit(settings.SITE_URL)
        site = SimpleNamespace(domain=parts.netloc)
        return super().get_urls(page=page, site=site, protocol=parts.scheme)


class FixedPagesSitemap(SiteUrlSitemap):
    """The addresses that are not pages in the database: the home page, the help-finder
    and the service directory."""

    def items(self):
        return ["content:home", "signposting:help_finder", "signposting:service_list"]

    def location(self, item):
        return reverse(item)  # in the language the sitemap is listing


class PageSitemap(SiteUrlSitemap):
    def items(self):
        return live_pages().only("slug", "updated_at").order_by("slug")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"fixed": FixedPagesSitemap, "pages": PageSitemap}
