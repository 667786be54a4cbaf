"""sitemap.xml: live pages only, with absolute addresses on the site's public domain."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .selectors import live_pages


class SiteUrlSitemap(Sitemap):
    """Uses settings.SITE_URL, not the request's Host header, for every address."""

    def get_urls(self, page=1, site=None, protocol=None):
        parts = urlsplit(settings.SITE_URL)
        site = SimpleNamespace(domain=parts.netloc)
        return super().get_urls(page=page, site=site, protocol=parts.scheme)


class FixedPagesSitemap(SiteUrlSitemap):
    """The addresses that are not pages in the database: the home page, the help-finder
    and the service directory."""

    def items(self):
        return ["/", "/get-help/", "/services/"]

    def location(self, item):
        return item


class PageSitemap(SiteUrlSitemap):
    def items(self):
        return live_pages().only("slug", "updated_at").order_by("slug")

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"fixed": FixedPagesSitemap, "pages": PageSitemap}
