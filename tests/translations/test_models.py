"""Translations as data: one per record and language, from settings.LANGUAGES, cleaned
like the English, numbers only through the directory's tokens."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

from content.models import Page
from tests.accounts.factories import make_page, make_service
from translations.languages import translation_languages
from translations.models import PageTranslation

from .helpers import make_service_translation, make_translation

pytestmark = pytest.mark.django_db


def _page():
    return make_page(status=Page.Status.PUBLISHED)


def test_a_page_has_one_translation_per_language():
    page = _page()
    make_translation(page, "pl")
    make_translation(page, "ar")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_translation(page, "pl")


def test_a_service_has_one_translation_per_language():
    service = make_service()
    make_service_translation(service, "ro")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_service_translation(service, "ro")


def test_the_languages_are_settings_languages_without_english():
    codes = [code for code, _name in translation_languages()]
    assert codes == ["pl", "ur", "ar", "ro", "zh-hans"]


@pytest.mark.parametrize("language", ["en-gb", "fr", ""])
def test_english_or_an_unknown_language_is_refused(language):
    row = PageTranslation(page=_page(), language=language, title="T", summary="S", body="")
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "language" in error.value.message_dict


def test_a_sixth_language_needs_only_a_line_in_settings():
    languages = [("en-gb", "English"), ("pl", "Polski"), ("pa", "ਪੰਜਾਬੀ")]
    with override_settings(LANGUAGES=languages):
        row = PageTranslation(page=_page(), language="pa", title="T", summary="S", body="")
        row.full_clean()  # no migration, no code: the choices come from settings


def test_the_body_is_sanitised_on_every_save():
    row = make_translation(_page(), body='<p onclick="x()">Treść</p><script>alert(1)</script>')
    row.refresh_from_db()
    assert "script" not in row.body
    assert "onclick" not in row.body


def test_an_unknown_service_token_is_an_error_as_on_the_english():
    row = PageTranslation(
        page=_page(),
        language="pl",
        title="T",
        summary="S",
        body="<p>[[service:no-such-service]]</p>",
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "no-such-service" in " ".join(error.value.message_dict["body"])


def test_a_typed_phone_link_is_an_error_as_on_the_english():
    row = PageTranslation(
        page=_page(),
        language="pl",
        title="T",
        summary="S",
        body='<p><a href="tel:08088020300">Zadzwoń</a></p>',
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "body" in error.value.message_dict


def test_a_check_needs_both_a_name_and_a_day():
    row = PageTranslation(
        page=_page(), language="pl", title="T", summary="S", body="", checked_by="Anna"
    )
    with pytest.raises(ValidationError):
        row.full_clean()


def test_a_translation_records_the_english_version_it_was_made_from():
    page = _page()
    row = make_translation(page)
    assert row.made_from == page.history.latest()
    assert row.source_text() == (page.title, page.summary, page.body)


def test_translations_keep_their_own_history():
    row = make_translation(_page(), title="Pierwszy")
    row.title = "Drugi"
    row.save()
    assert [r.title for r in row.history.order_by("history_id")] == ["Pierwszy", "Drugi"]


def test_a_translation_save_replaces_every_cached_page():
    from stalkinghelp.content_generation import current_generation

    page = _page()
    before = current_generation()
    make_translation(page)
    assert current_generation() != before
