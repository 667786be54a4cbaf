"""The review dashboard lists published translations out of step with the English, and those
no fluent speaker has checked."""

import pytest
from django.urls import reverse

from accounts.roles import PUBLISHER
from content.models import Page
from tests.accounts.factories import make_page, make_service
from tests.approvals.helpers import staff_client
from translations.models import PageTranslation

from .helpers import make_service_translation, make_translation, republish_english

pytestmark = pytest.mark.django_db


def _section(html, section_id):
    start = html.index(f'id="{section_id}"')
    return html[start : html.index("</section>", start)]


def test_the_dashboard_lists_out_of_step_and_unchecked_translations():
    page = make_page(title="Signs", status=Page.Status.PUBLISHED)
    in_step = make_translation(page, "pl")
    moved_on = make_translation(page, "ro")
    unchecked = make_translation(page, "ar", checked_by="", checked_on=None)
    make_translation(page, "ur", status=PageTranslation.Status.DRAFT, checked_by="")
    service = make_service(name="Helpline")
    service_unchecked = make_service_translation(service, "zh-hans")
    # The Romanian is brought back in step with the old English before it moves on again.
    republish_english(page, body="<p>New English.</p>")
    for row in (in_step, unchecked):
        row.made_from_latest_english()
        row.save()
    _user, publisher = staff_client(PUBLISHER)
    html = publisher.get(reverse("admin:index")).content.decode()

    out_of_step = _section(html, "translations-out-of-step")
    assert "(1)" in out_of_step
    assert str(moved_on) in out_of_step
    assert reverse("admin:translations_pagetranslation_change", args=[moved_on.pk]) in out_of_step

    not_checked = _section(html, "translations-unchecked")
    assert "(2)" in not_checked
    assert str(unchecked) in not_checked
    assert str(service_unchecked) in not_checked
    assert (
        reverse("admin:translations_servicetranslation_change", args=[service_unchecked.pk])
        in not_checked
    )
    assert "اردو" not in not_checked  # a draft is not what visitors read


def test_a_service_description_changed_in_english_is_listed_out_of_step():
    service = make_service(short_description="Old words.")
    row = make_service_translation(service, "pl", checked_by="A", checked_on="2026-11-01")
    service.short_description = "New words."
    service.save()
    _user, publisher = staff_client(PUBLISHER)
    html = publisher.get(reverse("admin:index")).content.decode()
    assert str(row) in _section(html, "translations-out-of-step")
