"""Migration 0004 brings the new pages and synonyms to a site that already has its pages."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from content.models import Page, SearchSynonym
from content.starter import starter_synonyms

pytestmark = pytest.mark.django_db

migration = importlib.import_module("content.migrations.0006_f_route_pages_and_synonyms")
NEW_SLUGS = ["clares-law", "ask-for-ani-and-safe-spaces", "deaf-or-cannot-speak"]


OLD_BODY = "<p>The professionals page as first shipped.</p>"


@pytest.fixture
def site_from_before(starter_data, monkeypatch):
    """A site loaded before this release: the old professionals page, no new pages, no synonyms."""
    Page.objects.filter(slug__in=NEW_SLUGS).delete()
    Page.history.filter(slug__in=NEW_SLUGS).delete()  # as if they had never been
    SearchSynonym.objects.all().delete()
    professionals = Page.objects.get(slug="for-professionals")
    professionals.body = OLD_BODY
    professionals.save()  # recorded in its history, as the first load was
    # The migration knows the first body by its digest; stand this one in for it.
    monkeypatch.setattr(migration, "PROFESSIONALS_FIRST_BODY", migration._digest(OLD_BODY))


def _migrate(direction="add_new_content"):
    # The models as the migration sees them (no history signals), as `migrate` would pass.
    state = MigrationLoader(connection).project_state(
        ("content", migration.__name__.split(".")[-1])
    )
    # Data only: the functions never touch the schema editor.
    getattr(migration, direction)(state.apps, None)


def test_an_existing_site_gets_the_new_pages_with_history(site_from_before):
    _migrate()
    for slug in NEW_SLUGS:
        page = Page.objects.get(slug=slug)
        assert page.is_live() and page.last_reviewed is None
        assert list(Page.history.filter(id=page.pk).values_list("history_type", flat=True)) == ["+"]
    assert SearchSynonym.objects.count() == len(starter_synonyms())


def test_an_unchanged_professionals_page_gets_the_referral_routes(site_from_before, client):
    _migrate()
    html = client.get("/for-professionals/").content.decode()
    assert "DASH risk checklist" in html and 'href="/clares-law/"' in html


def test_a_professionals_page_staff_edited_is_left_alone(site_from_before):
    Page.objects.filter(slug="for-professionals").update(body="<p>Our own words.</p>")
    _migrate()
    assert Page.objects.get(slug="for-professionals").body == "<p>Our own words.</p>"


def test_a_page_staff_deleted_or_renamed_does_not_come_back(site_from_before):
    _migrate()
    page = Page.objects.get(slug="clares-law")
    page.slug = "asking-about-a-partner"
    page.save()
    Page.objects.filter(slug="ask-for-ani-and-safe-spaces").delete()
    _migrate()
    assert not Page.objects.filter(slug__in=["clares-law", "ask-for-ani-and-safe-spaces"]).exists()


def test_staff_synonyms_are_kept(site_from_before):
    SearchSynonym.objects.create(phrases="our own words")
    _migrate()
    assert list(SearchSynonym.objects.values_list("phrases", flat=True)) == ["our own words"]


def test_a_new_empty_site_gets_nothing_from_the_migration(db):
    Page.objects.all().delete()
    _migrate()
    assert not Page.objects.exists() and not SearchSynonym.objects.exists()


def test_reversing_removes_only_what_nobody_changed(site_from_before):
    _migrate()
    edited = Page.objects.get(slug="deaf-or-cannot-speak")
    edited.summary = "Changed by staff."
    edited.save()
    _migrate("remove_new_content")
    assert list(Page.objects.filter(slug__in=NEW_SLUGS).values_list("slug", flat=True)) == [
        "deaf-or-cannot-speak"
    ]
    assert Page.objects.get(slug="for-professionals").body == OLD_BODY
    assert not SearchSynonym.objects.exists()
