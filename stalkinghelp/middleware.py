"""Site-wide enforcement of the safety rules on cookies, caching and headers.

Public pages must leave no trace: no cookie, no `Vary: Cookie`, and the cache
rules of design.md. Only the admin (under settings.ADMIN_PATH) may use cookies.

It also makes sure every response has the security headers (CSP, X-Frame-Options).
Those are set by their own middleware deep in the stack, so that the page cache stores
them with each copy and a hit skips building them; a response made further out (a bad
Host refused, a chunked body refused, any error raised outside them) gets them here.
"""

from csp.constants import HEADER as CSP_HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.utils.cache import patch_cache_control


def is_admin_path(path):
    return path.startswith("/" + settings.ADMIN_PATH)


def _drop_cookie_from_vary(response):
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class PublicPrivacyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._csp = CSPMiddleware(get_response)
        self._framing = XFrameOptionsMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Made outside the header middleware (see above); WhiteNoise's files need none.
        if CSP_HEADER not in response and not request.path.startswith(settings.STATIC_URL):
            self._csp.process_response(request, response)
            self._framing.process_response(request, response)
        if is_admin_path(request.path):
            # Staff pages are personal: never kept by a browser cache or a shared cache.
            patch_cache_control(response, no_store=True, private=True)
            # With no-referrer, browsers send "Origin: null" on form posts and
            # Django's CSRF check refuses every admin save. Staff pages only
            # need the referrer within our own origin, never beyond it.
            response["Referrer-Policy"] = "same-origin"
            return response
        # A public page never sets a cookie, whatever a view or library tried to do.
        response.cookies.clear()
        _drop_cookie_from_vary(response)
        self._apply_cache_rule(request, response)
        return response

    @staticmethod
    def _apply_cache_rule(request, response):
        if response.has_header("Cache-Control"):
            return  # the view decided (no-store results, long-lived static files)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 301, 304, 404, 410):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
        else:
            patch_cache_control(response, no_store=True)
