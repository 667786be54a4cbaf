"""What a request must be before anything else reads it; anything else gets a clear 4xx.

- Host: one of ALLOWED_HOSTS (Django's own check) with a port that is a real port.
  Anything else is a 400 with the site's page, before a view or the cache sees it.
- Bodies: a chunked body has no length to check against DATA_UPLOAD_MAX_MEMORY_SIZE
  (Django reads none of it, the server would drain all of it), so it is refused with
  411. Browsers send forms with a Content-Length; the front proxy turns chunked uploads
  into bodies with one.
- NUL characters: no answer or search can contain one, and PostgreSQL cannot store or
  compare text holding one (it raises DataError, which is not an outage). A query or
  form value with a NUL is a 400 that says so.
- Accept-Encoding: codings refused with q=0 are dropped from the header, so Django's
  GZipMiddleware, WhiteNoise and the page cache's key (which only look for the word
  "gzip") never compress for a client that said no.

Outermost but one (inside stalkinghelp.middleware.PublicPrivacyMiddleware), so its 4xx
responses get the same headers as every page.
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.utils.translation import gettext

from .middleware import is_admin_path
from .views import refusal

MAX_PORT = 65535
NUL = "\x00"


def checked_host(request):
    """The Host, or DisallowedHost: an allowed name (Django checks) with a port 1-65535."""
    host = request.get_host()
    _domain, port = split_domain_port(host)
    port = port.lstrip(":")
    if port and not 0 < int(port) <= MAX_PORT:
        raise DisallowedHost(f"Invalid port in HTTP_HOST header: {host!r}.")
    return host


def accepted_codings(header):
    """The content codings `header` accepts, without those it refuses (q=0) or garbles.

    'gzip;q=0, br;q=0.5, identity' gives ['br', 'identity'].
    """
    accepted = []
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding and 0 < quality <= 1:
            accepted.append(coding.lower())
    return accepted


def has_chunked_body(request):
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()


def has_nul(querydict):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in querydict.lists()
    )


class RequestChecksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        checked_host(request)  # DisallowedHost: Django answers 400 with stalkinghelp.views
        if has_chunked_body(request):
            return refusal(
                request,
                411,
                gettext(
                    "Send the request again with its length (Content-Length): "
                    "this site does not accept chunked request bodies."
                ),
            )
        if "HTTP_ACCEPT_ENCODING" in request.META:
            request.META["HTTP_ACCEPT_ENCODING"] = ", ".join(
                accepted_codings(request.META["HTTP_ACCEPT_ENCODING"])
            )
        if not is_admin_path(request.path) and (has_nul(request.GET) or has_nul(request.POST)):
            return refusal(
                request,
                400,
                gettext(
                    "What was sent contains a character that no answer or search can contain "
                    "(a NUL). Go back and try again with words only."
                ),
            )
        return self.get_response(request)
