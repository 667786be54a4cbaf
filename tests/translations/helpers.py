"""Plain factories for translations, and a visitor asking for a page in a language."""

from itertools import count

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from translations.models import PageTranslation, ServiceTranslation

_numbers = count(1)


def make_translation(page, language="pl", **fields):
    """A published translation made from the page as it is now, checked unless told not."""
    n = next(_numbers)
    row = PageTranslation(
        page=page,
        language=language,
        title=f"Strona {n}",
        summary=f"Streszczenie {n}.",
        body=f"<p>Treść {n}.</p>",
        status=PageTranslation.Status.PUBLISHED,
        checked_by="Anna Nowak",
        checked_on="2026-11-30",
    )
    for name, value in fields.items():
        setattr(row, name, value)
    if "made_from" not in fields:
        row.made_from_latest_english()
    row.save()
    return row


def make_service_translation(service, language="pl", **fields):
    values = {
        "short_description": "Krajowa linia pomocy.",
        "who_it_helps": "Każdy, kto jest nękany.",
        "status": ServiceTranslation.Status.PUBLISHED,
    }
    row = ServiceTranslation(service=service, language=language, **values | fields)
    row.made_from_latest_english()
    row.save()
    return row


def republish_english(page, **changes):
    """The English page published again, as an approved change does: a real save."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save()
    return page


def get_in(client, language, slug):
    """GET /<language>/<slug>/ (or /<slug>/ for English) as a visitor in that language.

    The address comes from reverse() with the language active, so it carries the prefix
    once the site's URLs are in i18n_patterns; the language stays active for the request
    for when they are not. The cache is emptied first, as two languages' copies of one
    unprefixed address would otherwise answer for each other.
    """
    cache.clear()
    with translation.override(language):
        return client.get(reverse("content:page", kwargs={"slug": slug}))
