"""Public views: the home page, awareness pages, the self-check, the diary and search.

They set no cookies and read no session. Anything a visitor types or ticks arrives
by POST and is answered with `no-store`, so it is kept in no URL, history or cache.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from stalkinghelp.language import path_in_language
from translations.selectors import page_for_language

from .diary_files import BLANK_ROWS, COLUMNS, diary_pdf, diary_xlsx
from .forms import SELF_CHECK_QUESTIONS, SelfCheckForm
from .models import Feature
from .page_context import canonical_url, page_context
from .search import MAX_QUERY_LENGTH, clean_query, search_pages, search_services
from .selectors import find_page, home_highlights


def _no_store(response):
    patch_cache_control(response, no_store=True, max_age=0)
    return response


@require_safe
def home(request):
    context = {"highlights": list(home_highlights()), "canonical_url": canonical_url("/")}
    return render(request, "content/home.html", context)


def _resolve(request, slug, suffix=""):
    """The live page at `slug`, or the response for a moved, gone or missing one."""
    outcome, page = find_page(slug)
    if outcome == "moved":
        # To the new address in the same language.
        return None, HttpResponsePermanentRedirect(path_in_language(f"/{page.slug}/{suffix}"))
    if outcome == "gone":
        return None, render(request, "content/gone.html", {"page": page}, status=410)
    if outcome == "missing":
        raise Http404
    return page, None


# The self-check posts back to its own page. It needs no CSRF token: CSRF is checked
# only under the admin (stalkinghelp.staff_middleware), since a token needs a cookie and
# public pages set none (design rule 1); the POST changes nothing and stores nothing.
def page(request, slug):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    found, response = _resolve(request, slug)
    if response:
        return response
    # In the visitor's language when translated; otherwise the English, saying so.
    in_language = page_for_language(found, get_language())
    context = page_context(in_language.page, request=request) | {"in_language": in_language}
    if found.feature == Feature.SELF_CHECK:
        return _self_check(request, context)
    if request.method == "POST":
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(request, "content/page.html", context)


def _self_check(request, context):
    context |= {"questions": SELF_CHECK_QUESTIONS, "ticked": []}
    if request.method != "POST":
        return render(request, "content/page.html", context)
    # The answers are used for this response only: never saved, logged or put in a URL.
    form = SelfCheckForm(request.POST)
    context |= {"ticked": form.ticked(), "answered": True}
    return _no_store(render(request, "content/page.html", context))


def _diary_page(request, slug, suffix):
    found, response = _resolve(request, slug, suffix=suffix)
    if response:
        return None, response
    if found.feature != Feature.DIARY:
        raise Http404
    return found, None


@require_safe
def diary(request, slug):
    found, response = _diary_page(request, slug, "diary/")
    if response:
        return response
    context = {
        "page": found,
        "columns": [heading for heading, _width in COLUMNS],
        "rows": range(BLANK_ROWS),
        # The PDF's built-in font has Latin letters only, so it is made in English.
        "pdf_in_english": get_language() != settings.LANGUAGE_CODE,
        "canonical_url": canonical_url(f"/{found.slug}/diary/"),
    }
    return render(request, "content/diary.html", context)


# The same blank file for everyone, so it is cached like any public page.
DIARY_FILES = {
    "xlsx": (diary_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (diary_pdf, "application/pdf"),
}


@require_safe
def diary_file(request, slug, kind):
    _found, response = _diary_page(request, slug, f"diary/diary.{kind}")
    if response:
        return response
    make, content_type = DIARY_FILES[kind]
    response = HttpResponse(make(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="diary.{kind}"'
    return response


# Search terms are sent by POST, not in the query string. What someone being stalked
# searches for ("he tracks my phone") would otherwise sit in the address bar, the
# browser's history and its suggestions, and in server and proxy logs, where the
# person stalking them may look. The results are `no-store` and the view keeps nothing.
def search(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {"max_length": MAX_QUERY_LENGTH}
    if request.method != "POST":
        return render(request, "content/search.html", context)
    query = clean_query(request.POST.get("q"))
    context |= {
        "query": query,
        "searched": True,
        "pages": search_pages(query),
        # Search reads the English pages: on another language's page their titles say so,
        # and each links to the page in the visitor's language (translated, or a notice).
        "pages_lang": "" if get_language() == settings.LANGUAGE_CODE else "en",
        "services": search_services(query),
    }
    return _no_store(render(request, "content/search.html", context))


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Search results are not for indexing, in any language.
        *(f"Disallow: {path_in_language('/search/', code)}" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
