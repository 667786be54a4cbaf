"""Starter translations: loaded published and unchecked, made from the English as it is,
only the missing ones, never over a staff edit; an unknown slug names its file."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content.models import Page
from translations.models import PageTranslation, ServiceTranslation

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def starter_data(db):
    """The English starter directory and pages only: each test loads its own translations."""
    call_command("load_directory", verbosity=0)
    call_command("load_pages", verbosity=0)


def _load(pages="pages", services="services"):
    call_command(
        "load_translations",
        pages_dir=FIXTURES / pages,
        services_dir=FIXTURES / services,
        verbosity=0,
    )


def test_a_starter_page_translation_is_published_unchecked_and_made_from_the_english(
    starter_data,
):
    _load()
    row = PageTranslation.objects.get()
    english = Page.objects.get(slug="what-is-stalking")
    assert (row.page, row.language) == (english, "pl")
    assert row.title == "Czym jest nękanie (próba)"
    assert row.summary == "Krótkie streszczenie do testów."
    assert row.status == PageTranslation.Status.PUBLISHED
    assert row.made_from == english.history.latest()
    assert (row.checked_by, row.checked_on) == ("", None)
    assert row.state() == "unchecked"


def test_a_starter_service_translation_is_loaded_the_same_way(starter_data):
    _load()
    row = ServiceTranslation.objects.get()
    assert row.service.slug == "national-stalking-helpline"
    assert (row.language, row.short_description, row.who_it_helps) == (
        "pl",
        "Opis próbny.",
        "Osoby próbne.",
    )
    assert row.status == ServiceTranslation.Status.PUBLISHED and not row.is_checked


def test_a_language_not_in_settings_is_not_loaded(starter_data):
    _load()
    assert set(PageTranslation.objects.values_list("language", flat=True)) == {"pl"}


def test_loading_again_never_touches_a_staff_edit(starter_data):
    _load()
    row = PageTranslation.objects.get()
    row.title = "Poprawione przez zespół"
    row.save()
    _load()
    row.refresh_from_db()
    assert row.title == "Poprawione przez zespół"
    assert PageTranslation.objects.count() == 1


def test_a_translation_staff_deleted_stays_deleted(starter_data):
    _load()
    PageTranslation.objects.get().delete()
    ServiceTranslation.objects.get().delete()
    _load()
    assert not PageTranslation.objects.exists()
    assert not ServiceTranslation.objects.exists()


@pytest.mark.parametrize(
    ("pages", "services", "named"),
    [
        ("unknown-page", "services", "no-such-page.html"),
        ("pages", "unknown-service", "ar.yaml"),
    ],
)
def test_a_file_naming_an_unknown_slug_is_an_error_naming_the_file(
    starter_data, pages, services, named
):
    with pytest.raises(CommandError, match=named):
        _load(pages, services)
    assert not PageTranslation.objects.exists()  # nothing half-loaded


def test_load_starter_data_loads_translations_after_the_pages_and_directory():
    from stalkinghelp.management.commands.load_starter_data import LOADERS

    assert LOADERS[-1] == "load_translations"
    assert {"load_directory", "load_pages"} <= set(LOADERS)
