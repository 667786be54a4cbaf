"""The help-finder and the service directory pages. Thin: the rules live in triage.py."""

from itertools import groupby

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from stalkinghelp.language import unprefixed_path
from translations.selectors import ServiceText, service_texts

from . import directory_snapshot, results_page, selectors
from .forms import (
    HelpFinderForm,
    questions_html,
    read_answers,
    situation_from,
    unanswered_questions,
)
from .limits import body_too_large
from .models import Service
from .triage import EMERGENCY, NO_VOICE, REPORT, SUPPORT, WELLBEING, recommend

HELPING_SOMEONE_SLUG = "helping-someone"

GROUP_HEADINGS = {
    EMERGENCY: _("Emergency help now"),
    NO_VOICE: _("If you cannot talk or hear on a call"),
    SUPPORT: _("Advice and support"),
    REPORT: _("Reporting it"),
    WELLBEING: _("Someone to talk to"),
}
HELPER_GROUP_HEADINGS = {**GROUP_HEADINGS, NO_VOICE: _("If they cannot talk or hear on a call")}


def _no_store(response):
    # The answers are in this response: no browser, proxy or CDN may keep it.
    add_never_cache_headers(response)
    return response


def _form_page(request, form, status=200, **extra):
    context = {"form": form, **extra}
    return render(request, "signposting/help_finder.html", context, status=status)


def _grouped(recommendations, helper):
    headings = HELPER_GROUP_HEADINGS if helper else GROUP_HEADINGS
    return [
        (str(headings[group]), list(items))
        for group, items in groupby(recommendations, key=lambda r: r.group)
    ]


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def help_finder(request):
    if request.method != "POST":
        return _form_page(request, HelpFinderForm())
    if body_too_large(request):
        return _no_store(_form_page(request, HelpFinderForm(), status=413, too_large=True))
    if request.POST.get("action") == "change":
        # "Change your answers" posts them back: the form shows them, with no errors.
        form = HelpFinderForm(initial=request.POST.dict())
        return _no_store(_form_page(request, form))
    answers = read_answers(request.POST)
    if answers is None:  # the form says which answer it refused, and why
        return _no_store(_form_page(request, HelpFinderForm(request.POST)))
    # Questions left out take their broadest answer: a person in danger who answered only
    # that one sees the emergency results now, with the rest offered again below.
    situation = situation_from(answers)
    now = timezone.now()
    entries = directory_snapshot.directory_entries()
    recommendations = recommend(situation, entries, now)
    context = results_context(
        situation, answers, unanswered_questions(answers), recommendations, now
    )
    parts = results_page.current_parts(request, entries)
    # Rendered in place, never redirected: a redirect would need the answers in a URL.
    return _no_store(results_page.render_results(request, context, parts))


def results_context(situation, answers, unanswered, recommendations, now):
    """What the results content shows for one visit (signposting.results_page renders it)."""
    return {
        "situation": situation,
        "answers": answers,
        "more_questions": questions_html(unanswered),
        "groups": _grouped(recommendations, situation.helper),
        "urls": _results_urls(),
        "now": now,
    }


def _results_urls():
    # In the active language (reverse adds its prefix); a service's page is services + slug + "/".
    return {
        "help_finder": reverse("signposting:help_finder"),
        "services": reverse("signposting:service_list"),
        "helping_someone": reverse("content:page", kwargs={"slug": HELPING_SOMEONE_SLUG}),
    }


@require_safe
def service_list(request):
    services = list(selectors.listed_services())
    order = list(Service.Category)
    services.sort(key=lambda s: order.index(s.category) if s.category in order else 99)
    groups = [
        (Service.Category(category).label, list(items))
        for category, items in groupby(services, key=lambda s: s.category)
    ]
    context = {"groups": groups, "services": services, "now": timezone.now()}
    context["unchecked_translation"] = _with_texts(services)
    context["english_url"] = unprefixed_path(request.path, get_language())
    return render(request, "signposting/service_list.html", context)


@require_safe
def service_detail(request, slug):
    service = selectors.service_by_slug(slug)
    if service is None:
        raise Http404("No such service")
    context = {
        "service": service,
        "now": timezone.now(),
        "unchecked_translation": _with_texts([service]),
        "english_url": unprefixed_path(request.path, get_language()),
    }
    return render(request, "signposting/service_detail.html", context)


def _with_texts(services):
    """Give each service its `text` in the page's language; True if one is unchecked.

    A service's description and who it helps come from its translation when one is
    published and made from the English as it is now (translations.selectors), else from
    the English, then marked `text_lang` "en" on a page in another language. Its name,
    numbers and hours are the directory's in every language.
    """
    language = get_language()
    texts = service_texts(language)
    in_english = language == settings.LANGUAGE_CODE
    for service in services:
        translated = texts.get(service.pk)
        service.text = translated or ServiceText(
            service.short_description, service.who_it_helps, checked=True
        )
        service.text_lang = "" if translated or in_english else "en"
    return any(not service.text.checked for service in services)
