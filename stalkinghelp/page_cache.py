"""Whole public pages, cached on the server so a sudden crowd costs one render per page.

A copy is stored per address with the content generation it was rendered under and
the moment it stops being fresh. It is served while both hold; a change in the admin
replaces the generation (stalkinghelp.invalidation), so the next request renders
afresh. Copies are kept well beyond their freshness as the last good version of each
page, which stalkinghelp.outage serves when the database is down.

Only what is the same for everyone is stored: GET or HEAD, outside the admin,
status 200, no cookie, no session, nothing the view marked private or no-store (the
help-finder's results, search results, the self-check's answers).

Nothing a client can vary freely makes a new copy or costs a render. The key is the
path, the query parameters the page reads and the encoding, nothing else:

- Query parameters a page does not read (QUERY_PARAMETERS lists the few it does) are
  dropped from the request before the view runs, so "?utm_source=poster" or a random
  string is served the one copy of the page. Search is a POST, never a query string.
- The HSDS API reads its whole query and refuses, with a 400, any parameter it cannot
  honour (signposting.api_query): its query reaches the view as sent, and an answer
  to a query is never stored, since free-text searches and dates would make a copy per
  request. Its plain addresses, without a query, are cached like pages.
- The Host is not part of the key: every absolute address on a page comes from
  SITE_URL, never from the request, and stalkinghelp.request_checks has already
  refused any Host that is not in ALLOWED_HOSTS with a real port.
- The encoding is gzip or none.

So each page has at most two copies (one per encoding), each QR code two per format,
and an address that does not exist answers 404, which is never stored.

HEAD is rendered as the GET it mirrors (the server sends no body), so it answers with
the same headers, the ETag among them, and a HEAD can never store a copy without one.

The cache sits outside compression, the validators and the security headers, so a
copy is the response exactly as it was sent: a hit costs no gzip and no header
building. Copies are therefore kept per encoding (gzip or not), and a hit answers
If-None-Match itself.

Freshness ends on the clock's boundaries (every PAGE_CACHE_SECONDS, counted from the
hour), so a line that opens on the hour or the quarter hour is not shown as closed by
a server copy rendered a minute before.
"""

import hashlib
import math
import re
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from .content_generation import KEY as GENERATION_KEY
from .content_generation import current_generation
from .middleware import is_admin_path

KEY_PREFIX = "stalkinghelp:page:"
# Never stored: the health check must reach the database every time.
UNCACHED_PATHS = frozenset({"/healthz"})
PRIVATE_DIRECTIVES = frozenset({"no-store", "no-cache", "private", "max-age=0"})
# As django.middleware.gzip decides whether to compress (after stalkinghelp.request_checks
# has dropped any coding refused with q=0 from the header).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# The public addresses whose content depends on the query string (by URL name), and the
# parameters each reads. Any other parameter, anywhere, is dropped before the view runs.
# A view that starts reading request.GET must be listed here or in WHOLE_QUERY.
QUERY_PARAMETERS = {
    "partners:qr_svg": ("link",),
    "partners:qr_png": ("link",),
}
# Addresses that validate their whole query themselves (signposting.api_query): passed
# through as sent, and their answers to a query never stored (see the module docstring).
WHOLE_QUERY = frozenset(
    {
        "signposting_api:api_root",
        "signposting_api:api_services",
        "signposting_api:api_service",
        "signposting_api:api_taxonomies",
        "signposting_api:api_taxonomy",
        "signposting_api:api_taxonomy_terms",
        "signposting_api:api_taxonomy_term",
    }
)


@dataclass(frozen=True)
class CachedPage:
    generation: str
    fresh_until: float  # seconds since the epoch
    response: HttpResponse

    def is_fresh(self, generation, now):
        return self.generation == generation and now < self.fresh_until


def fresh_until(now, seconds):
    """The next multiple of `seconds` after `now`, so every server's copies expire together."""
    return (math.floor(now / seconds) + 1) * seconds


def _view_name(request):
    # Resolved only for requests with a query string: a plain page hit pays nothing.
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def keep_used_query(request, view_name):
    """Drop from the request every query parameter its page does not read."""
    used = QUERY_PARAMETERS.get(view_name, ())
    kept = [(name, request.GET[name]) for name in used if name in request.GET]
    request.META["QUERY_STRING"] = urlencode(kept)
    request.__dict__.pop("GET", None)  # parsed again, from what is left, when next read


def page_key(request):
    encoding = "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    address = f"{encoding} {request.path}?{request.META.get('QUERY_STRING', '')}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not is_admin_path(request.path)
        and request.path not in UNCACHED_PATHS
    )


def _cache_directives(response):
    return {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}


def is_cacheable_response(request, response):
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # Anything it varies on other than the encoding (kept per key) differs between visitors.
        and response.get("Vary", "Accept-Encoding").lower() == "accept-encoding"
        and not (_cache_directives(response) & PRIVATE_DIRECTIVES)
        and not (session is not None and session.accessed)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "is_fallback", False)  # a stale copy is not a new render
    )


def _get_many(keys):
    try:
        return cache.get_many(keys)
    except Exception:  # a cache outage: render from the database as if nothing were cached
        return {}


def last_good_copy(request):
    """The most recent copy of this page, however old, or None."""
    if not is_cacheable_request(request):
        return None
    entry = _get_many([page_key(request)]).get(page_key(request))
    return entry.response if isinstance(entry, CachedPage) else None


class PageCacheMiddleware:
    """Serves fresh copies and stores new renders, as sent (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        if request.META.get("QUERY_STRING"):
            view_name = _view_name(request)
            if view_name in WHOLE_QUERY:
                return self.get_response(request)
            keep_used_query(request, view_name)
        key = page_key(request)
        found = _get_many([GENERATION_KEY, key])
        generation = current_generation(known=found.get(GENERATION_KEY))
        entry = found.get(key)
        if generation and isinstance(entry, CachedPage) and entry.is_fresh(generation, time.time()):
            return get_conditional_response(
                request,
                etag=entry.response.get("ETag"),
                # If-Modified-Since too: open data carries Last-Modified (stalkinghelp.open_data).
                last_modified=parse_http_date_safe(entry.response.get("Last-Modified", "")),
                response=entry.response,
            )
        response = self._render_as_get(request)
        if generation and is_cacheable_response(request, response):
            self._store(key, generation, response)
        return response

    def _render_as_get(self, request):
        """The GET response, for HEAD too: the server leaves out the body (RFC 9110 9.3.2)."""
        method = request.method
        request.method = "GET"
        try:
            return self.get_response(request)
        finally:
            request.method = method

    @staticmethod
    def _store(key, generation, response):
        seconds = settings.PAGE_CACHE_SECONDS
        entry = CachedPage(generation, fresh_until(time.time(), seconds), response)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_KEEP_SECONDS)
        except Exception:  # noqa: S110 - the page was served; only the copy is lost
            pass
