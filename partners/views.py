"""Public views for partner agencies: the partners page, QR codes, print, embed, open data.

Every view is a public GET that reads nothing about the visitor, so the site-wide
middleware may cache each response publicly and strip any cookie.
"""

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from signposting.api import API_DOCUMENTS_CHANGED
from signposting.serializers.hsds import publication
from stalkinghelp.open_data import OPEN_GOVERNMENT_LICENCE, open_data, set_last_modified

from . import embed, exports, tabular
from .links import HELP_FINDER, HOME, is_stable_path, stable_links
from .openapi import openapi_document
from .printed import printed_numbers
from .qr import qr_png, qr_svg
from .selectors import partners_intro


def _absolute(path):
    return settings.SITE_URL + path


@require_safe
def partners_page(request):
    context = {
        "intro": partners_intro(),
        "links": stable_links(),
        "site_link": HOME,
        "embed_snippet": embed.embed_snippet(),
        "embed_height": embed.HEIGHT,
        "embed_sandbox": embed.SANDBOX,
        "api_url": _absolute("/api/v1/"),
        "licence": OPEN_GOVERNMENT_LICENCE,
        "canonical_url": _absolute("/partners/"),
        "feed_url": _absolute("/partners/changes.atom"),
    }
    return render(request, "partners/partners.html", context)


def _qr_target(request):
    path = request.GET.get("link", "")
    if not is_stable_path(path):
        # Only our own stable links: never a QR code for an address someone else chose.
        raise Http404("No such link on this site")
    return settings.SITE_URL + path


def _qr_filename(path, extension):
    stem = path.strip("/").replace("/", "-") or "home"
    return f"stalking-help-qr-{stem}.{extension}"


QR_FORMATS = {"svg": (qr_svg, "image/svg+xml"), "png": (qr_png, "image/png")}


@require_safe
def qr_code(request, extension):
    target = _qr_target(request)
    make, content_type = QR_FORMATS[extension]
    response = HttpResponse(make(target), content_type=content_type)
    response["Content-Disposition"] = (
        f'inline; filename="{_qr_filename(request.GET["link"], extension)}"'
    )
    return response


CARDS_PER_SHEET = 4


def _printable(request, template, **extra):
    context = {"numbers": printed_numbers(), "site_link": HOME, **extra}
    return render(request, template, context)


@require_safe
def poster(request):
    # The poster's code leads straight to the help-finder: it says "find the right help".
    return _printable(request, "partners/poster.html", site_link=HELP_FINDER)


@require_safe
def wallet_card(request):
    return _printable(request, "partners/card.html", copies=range(CARDS_PER_SHEET))


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": embed.FRAME_ANCESTORS})
def embed_get_help(request):
    # The numbers come from the `emergency` context, as on every page's emergency strip.
    return render(request, "partners/embed.html")


@open_data
def openapi_json(request):
    response = JsonResponse(openapi_document(), json_dumps_params={"indent": 2})
    return set_last_modified(response, API_DOCUMENTS_CHANGED)


def _attachment(content, content_type, filename, last_modified):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return set_last_modified(response, last_modified)


@open_data
def directory_json(request):
    pub = publication(timezone.now())
    return _attachment(
        exports.directory_json(pub),
        "application/json; charset=utf-8",
        f"{exports.FILE_STEM}.json",
        pub.modified.overall,
    )


@open_data
def directory_csv(request):
    pub = publication(timezone.now())
    return _attachment(
        exports.directory_csv(pub),
        "text/csv; charset=utf-8",
        f"{exports.FILE_STEM}.csv",
        pub.modified.overall,
    )


@open_data
def directory_hsds_tables(request):
    pub = publication(timezone.now())
    return _attachment(
        tabular.tabular_zip(pub), "application/zip", tabular.FILE_NAME, pub.modified.overall
    )
