"""Upgrading clears review dates the starter loader stamped, and keeps dates staff gave."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from content.models import Page

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "content.migrations.0002_last_reviewed_only_when_a_person_reviewed"
)
LOADER_DAY = date(2026, 6, 1)


def _as_the_old_loader_made_it(slug):
    page = Page(slug=slug, title=slug, summary="S.", body="<p>B.</p>", last_reviewed=LOADER_DAY)
    page._change_reason = migration.STARTER_REASON
    page.save()
    return page


def test_dates_the_loader_set_are_cleared_and_dates_staff_gave_are_kept():
    untouched = _as_the_old_loader_made_it("untouched")
    edited_text = _as_the_old_loader_made_it("edited-text")
    edited_text.body = "<p>Better words.</p>"
    edited_text.save()
    reviewed = _as_the_old_loader_made_it("reviewed")
    reviewed.last_reviewed = date(2026, 9, 1)
    reviewed.save()
    made_by_staff = Page.objects.create(
        slug="staff", title="Staff", summary="S.", last_reviewed=LOADER_DAY
    )

    migration.clear_dates_set_by_the_loader(apps, None)

    dates = dict(Page.objects.values_list("slug", "last_reviewed"))
    assert dates[untouched.slug] is None
    assert dates[edited_text.slug] is None  # text changed, but nobody set a review date
    assert dates[reviewed.slug] == date(2026, 9, 1)
    assert dates[made_by_staff.slug] == LOADER_DAY
