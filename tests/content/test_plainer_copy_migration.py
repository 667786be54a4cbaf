"""Upgrading brings plainer starter copy to pages still as the starter made them, only those."""

import hashlib
import importlib

import pytest
from django.apps import apps

from content.models import Page
from content.sanitise import sanitise_html
from content.starter import starter_pages

pytestmark = pytest.mark.django_db

migration = importlib.import_module("content.migrations.0003_e_plainer_starter_copy")
EARLIER, PLAINER = "<p>Earlier words.</p>", "<p>Plainer words.</p>"


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def revisions(monkeypatch):
    revision = {"body": (_sha256(EARLIER), PLAINER), "summary": (_sha256("Old."), "New.")}
    monkeypatch.setattr(
        migration, "REVISIONS", {"untouched": revision, "edited": revision, "gone": revision}
    )


def test_only_text_still_as_the_starter_wrote_it_is_replaced(revisions):
    Page.objects.create(slug="untouched", title="U", summary="Old.", body=EARLIER)
    Page.objects.create(slug="edited", title="E", summary="Old.", body="<p>Staff's words.</p>")

    migration.use_plainer_copy(apps, None)

    untouched, edited = Page.objects.get(slug="untouched"), Page.objects.get(slug="edited")
    assert (untouched.body, untouched.summary) == (PLAINER, "New.")
    assert (edited.body, edited.summary) == ("<p>Staff's words.</p>", "New.")


def test_a_replaced_page_can_be_undone_from_its_history(revisions):
    page = Page.objects.create(slug="untouched", title="U", summary="Old.", body=EARLIER)

    migration.use_plainer_copy(apps, None)

    latest, before = page.history.order_by("-history_date")[:2]
    assert latest.history_change_reason == migration.CHANGE_REASON and latest.body == PLAINER
    assert before.body == EARLIER


def test_a_page_staff_edited_everywhere_gets_no_history_entry(revisions):
    page = Page.objects.create(slug="edited", title="E", summary="Mine.", body="<p>Mine.</p>")
    migration.use_plainer_copy(apps, None)
    assert page.history.count() == 1


def test_the_plainer_copy_is_what_a_new_install_gets_from_the_starter_files():
    starter = {page.slug: page for page in starter_pages()}
    for slug, revision in migration.REVISIONS.items():
        assert revision["body"][1] == sanitise_html(starter[slug].body), slug
        assert revision["summary"][1] == starter[slug].summary, slug
