"""When the database is down, every public address still answers with the emergency numbers.

A view that fails with a database error gets, instead of the 500 page:
the last good copy of the same page from the page cache, if there is one (the visitor
loses nothing but freshness); otherwise a page rendered without the database that says
so, with 999, the Silent Solution and the National Stalking Helpline (design rule 4).
The API answers in JSON with the same numbers. The admin is left alone: staff get the
500 page and the error is logged as usual.

A DataError is not an outage: the database is up and refused what it was given (text
holding a NUL, a number out of range), which came from the request. That is a 400
with the site's page, logged as such, never a 503 or an "unavailable" line that would
send someone looking for a fault that is not there.
"""

import logging

from django.conf import settings
from django.db import DataError
from django.db import Error as DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext

from signposting.emergency import emergency_contacts_without_database

from .middleware import is_admin_path
from .page_cache import last_good_copy
from .views import refusal

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
# A stale copy may be reused briefly by browsers and a CDN: it is public, and the
# servers are better spared while the database recovers.
STALE_COPY_MAX_AGE = 60


def _fallback(response):
    response.is_fallback = True  # stalkinghelp.page_cache must not store it as a new render
    return response


def stale_copy_response(response):
    response["Cache-Control"] = f"public, max-age={STALE_COPY_MAX_AGE}"
    return _fallback(response)


def database_free_context(numbers):
    """What base.html needs, without a request or the database: the numbers are given."""
    return {
        "emergency": numbers,
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "site_name": settings.SITE_NAME,
        "area": settings.AREA,
    }


def emergency_page_html(numbers):
    """The page that says part of the site is down, with `numbers`.

    Also built as a static file for the front proxy (manage.py build_emergency_pages).
    """
    return loader.render_to_string("503.html", database_free_context(numbers))


def emergency_page_response(request):
    """503 with the emergency numbers, rendered from the cache or built-in values only."""
    numbers = emergency_contacts_without_database()
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "error": "The service directory is unavailable. Try again in a minute.",
                "emergency": {
                    key: {"label": n.label, "number": n.number, "tel": n.tel}
                    for key, n in numbers.items()
                },
            },
            status=503,
        )
    else:
        response = HttpResponse(emergency_page_html(numbers), status=503)
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return _fallback(response)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError) or is_admin_path(request.path):
            return None
        if isinstance(exception, DataError):
            logger.warning("Input the database refused (DataError): 400 for %s", request.path)
            return refusal(
                request,
                400,
                gettext("Something in what was sent could not be read. Go back and try again."),
            )
        # The path only: a query string or body may hold what a visitor typed.
        logger.error(
            "Database unavailable (%s): fallback for %s", type(exception).__name__, request.path
        )
        copy = last_good_copy(request)
        if copy is not None:
            return stale_copy_response(copy)
        return emergency_page_response(request)
