"""Project-level views: the health check and the error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from signposting.emergency import FALLBACK

from .database_health import database_answers

# A load balancer must hear "unhealthy" quickly when the database hangs (issue 11).
HEALTH_CHECK_SECONDS = 1.5


@never_cache
@require_safe
def healthz(request):
    if not database_answers(HEALTH_CHECK_SECONDS):
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def _error_page(request, template_name, status, context=None):
    """Render an error page with the request context (the strip, the quick exit)."""
    html = loader.render_to_string(template_name, context, request=request)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    # Django raises these while reading a body over DATA_UPLOAD_MAX_MEMORY_SIZE or its
    # field limit; "too large" is the honest answer, and 413 lets a client tell.
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        limit_kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        html = loader.render_to_string("413.html", {"limit_kb": limit_kb}, request=request)
        return HttpResponse(html, status=413)
    return _error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: only the admin checks CSRF (staff_middleware), so this is staff's.

    Django's own page has no emergency numbers and tells the reader to enable cookies.
    """
    message = gettext(
        "The form had expired, or was not sent from this site. Reload it and try again."
    )
    return _error_page(request, "403.html", 403, {"message": message})


def refusal(request, status, message):
    """A 4xx that says why: JSON under /api/, else the site's page with the emergency strip."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": message}, status=status)
    return _error_page(request, "refused.html", status, {"message": message})


def page_not_found(request, exception=None):
    return _error_page(request, "404.html", 404)


def server_error(request):
    """Rendered without context processors, so it never touches the database."""
    html = loader.get_template("500.html").render(
        {
            "emergency": FALLBACK,
            "quick_exit_url": settings.QUICK_EXIT_URL,
            "site_name": settings.SITE_NAME,
            "area": settings.AREA,
        }
    )
    response = HttpResponseServerError(html)
    response["Cache-Control"] = "no-store"
    return response
