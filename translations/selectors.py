"""Reads of translations for public pages and the review dashboard.

Each costs a fixed number of queries however many translations exist: one for a page in
a language, one for every service description in a language.
"""

import copy
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import translation

from content.models import Page

from .languages import is_translation_language
from .models import PageTranslation, ServiceTranslation
from .state import State


@dataclass(frozen=True)
class PageInLanguage:
    """A page as a visitor asking for it in `language` sees it.

    `page` is what to render: the translation's text on the English page (in memory only,
    never saved) or the English page itself. `text_language` is None when the text is in
    the visitor's language; otherwise the code of the language it is in (English, for a
    page not yet translated), for the container's `lang`.
    """

    page: Page
    language: str
    state: State | None  # None when the visitor asked for the English
    checked: bool = True
    english_changed_at: datetime | None = None
    english_url: str = ""

    @property
    def text_language(self):
        return "en" if self.state == State.MISSING else None


def english_url(page):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("content:page", kwargs={"slug": page.slug})


def _first_english_change():
    """The moment the English first went live with text other than the translated version."""
    source = {name: OuterRef(f"made_from__{name}") for name in PageTranslation.SOURCE_FIELDS}
    later = (
        Page.history.filter(
            id=OuterRef("page_id"),
            history_id__gt=OuterRef("made_from_id"),
            status=Page.Status.PUBLISHED,
        )
        .exclude(**source)
        .order_by("history_id")
        .values("history_date")[:1]
    )
    return Subquery(later)


def published_translation(page, language):
    return (
        PageTranslation.objects.published()
        .filter(page=page, language=language)
        .select_related("made_from")
        .annotate(english_changed_at=_first_english_change())
        .first()
    )


def with_translated_text(page, found):
    shown = copy.copy(page)
    for name in PageTranslation.SOURCE_FIELDS:
        setattr(shown, name, getattr(found, name))
    return shown


def page_in_language(page, language, found):
    """What to show for `page` in `language`, given its translation (None when there is no
    published one; a preview passes a draft, shown as it would be once published)."""
    if found is None:
        return PageInLanguage(page, language, State.MISSING, english_url=english_url(page))
    # The translation belongs to this page; reuse the page already read rather than ask again.
    found.page = page
    return PageInLanguage(
        with_translated_text(page, found),
        language,
        found.state(as_published=True),
        checked=found.is_checked,
        english_changed_at=getattr(found, "english_changed_at", None) or page.updated_at,
        english_url=english_url(page),
    )


def page_for_language(page, language):
    """The live English `page` as a visitor to /<language>/<slug>/ should see it: never a 404."""
    if language == settings.LANGUAGE_CODE or not is_translation_language(language):
        return PageInLanguage(page, language, None)
    return page_in_language(page, language, published_translation(page, language))


# --- service descriptions, for the help-finder's cards ---------------------------------


@dataclass(frozen=True)
class ServiceText:
    short_description: str
    who_it_helps: str
    # False until a fluent speaker has checked it: the card should say so (design rule 7).
    checked: bool


def service_texts(language):
    """{service pk: ServiceText} for services with a published translation in `language`
    made from the English as it is now. Any other service shows its English text."""
    if not is_translation_language(language):
        return {}
    rows = (
        ServiceTranslation.objects.published()
        .in_step()
        .filter(language=language)
        .only("service_id", "short_description", "who_it_helps", "checked_by", "checked_on")
    )
    return {
        row.service_id: ServiceText(row.short_description, row.who_it_helps, row.is_checked)
        for row in rows
    }


# --- the review dashboard ------------------------------------------------------------------


def _dashboard_rows(queryset):
    rows = []
    for model in (PageTranslation, ServiceTranslation):
        rows += list(
            queryset(model.objects.published())
            .select_related(model.ENGLISH)
            .order_by(f"{model.ENGLISH}_id", "language")
        )
    return rows


def out_of_step_translations():
    """Published translations whose English has been published again since."""
    return _dashboard_rows(lambda rows: rows.out_of_step())


def unchecked_translations():
    """Published translations no fluent speaker has checked yet."""
    return _dashboard_rows(lambda rows: rows.unchecked())


def translations_of(page):
    """{language: translation} for `page`, drafts too, for the page's admin form."""
    return {
        row.language: row
        for row in PageTranslation.objects.filter(page=page).select_related("made_from")
    }
