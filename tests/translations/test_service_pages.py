"""A service's page and the directory show its description in the page's language."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.accounts.factories import make_service

from .helpers import make_service_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return make_service(short_description="Free advice.", who_it_helps="Anyone being stalked.")


def _get(path):
    cache.clear()
    return Client().get(path).content.decode()


def test_a_translated_description_is_shown_and_says_nobody_has_checked_it(service):
    make_service_translation(service, "pl")
    for path in (f"/pl/services/{service.slug}/", "/pl/services/"):
        page = _get(path)
        assert "Krajowa linia pomocy." in page and "Free advice." not in page
        assert 'id="translation-unchecked"' in page
        assert f'href="{path[3:]}" hreflang="en"' in page  # the same page in English


def test_a_checked_translation_needs_no_notice(service):
    make_service_translation(service, "pl", checked_by="Anna Nowak", checked_on="2026-11-30")
    page = _get(f"/pl/services/{service.slug}/")
    assert "Każdy, kto jest nękany." in page
    assert "translation-unchecked" not in page


def test_without_a_translation_the_english_is_shown_marked_as_english(service):
    make_service_translation(service, "ar")
    page = _get(f"/pl/services/{service.slug}/")
    assert '<p class="govuk-body-l" lang="en" dir="ltr">Free advice.</p>' in page
    assert '<p class="govuk-body" lang="en" dir="ltr">Anyone being stalked.</p>' in page


def test_english_pages_show_the_english(service):
    make_service_translation(service, "pl")
    page = _get(f"/services/{service.slug}/")
    assert '<p class="govuk-body-l">Free advice.</p>' in page
    assert "Krajowa linia pomocy." not in page and "translation-unchecked" not in page
