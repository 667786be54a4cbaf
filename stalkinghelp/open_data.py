"""How every open-data address answers, whatever it is asked.

Open data is the JSON API (except the help-finder's recommendations, which are
answered for one person and never shared), the downloads and the changes feed:

- any website may read it from the browser: `Access-Control-Allow-Origin: *` on every
  answer, errors and 304s included, with the validators exposed to scripts, and a
  preflight (OPTIONS) answered;
- it takes GET and HEAD (and OPTIONS); anything else is a JSON 405 with `Allow`, not the
  CSRF page: nothing here changes anything, so there is nothing for CSRF to protect;
- every answer carries an `ETag` and the view's `Last-Modified`, and a request that
  already has the current copy gets 304; and a `Link` to its licence (rel="license").

The CORS headers are added by a middleware that sits outside the page cache, so copies
served from the cache, 304s made there and the outage fallback carry them too.
"""

import hashlib
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

NOT_SHARED = frozenset({"/api/v1/recommendations"})
OPEN_PREFIXES = ("/api/", "/partners/data/", "/partners/changes")
METHODS = ("GET", "HEAD", "OPTIONS")
# Scripts may read these besides the CORS-safelisted ones (Last-Modified is one already).
EXPOSED_HEADERS = "ETag, Last-Modified, Content-Disposition, Allow, Link"
OPEN_GOVERNMENT_LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
# Every open-data answer says under what terms it may be reused (RFC 8288 rel="license").
LICENCE_LINK = f'<{OPEN_GOVERNMENT_LICENCE["url"]}>; rel="license"'
# What a partner's script may send: conditional requests and content negotiation.
ALLOWED_REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control"
PREFLIGHT_MAX_AGE = 24 * 60 * 60


def is_open_data_path(path):
    return path.startswith(OPEN_PREFIXES) and path not in NOT_SHARED


def json_error(status, message, **extra):
    response = JsonResponse({"error": message, **extra}, status=status)
    add_never_cache_headers(response)
    return response


def method_not_allowed(allowed=METHODS):
    response = json_error(405, f"This address takes {', '.join(allowed)} only.")
    response["Allow"] = ", ".join(allowed)
    return response


def _preflight():
    response = HttpResponse(status=204)
    response["Allow"] = ", ".join(METHODS)
    response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
    response["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def set_last_modified(response, moment):
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


def _with_validators(request, response):
    if response.status_code != 200 or response.streaming:
        return response
    response["Link"] = LICENCE_LINK
    if not response.has_header("ETag"):
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def open_data(view):
    """A view that publishes open data: methods, preflight and validators as above."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed()
        return _with_validators(request, view(request, *args, **kwargs))

    return wrapped


class OpenDataCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_open_data_path(request.path):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
