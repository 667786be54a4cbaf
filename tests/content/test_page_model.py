from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from content.models import Page, PageRedirect

from .factories import make_draft, make_expired, make_page, make_scheduled

pytestmark = pytest.mark.django_db


def test_live_pages_exclude_drafts_scheduled_and_expired():
    live = make_page()
    make_draft()
    make_scheduled()
    make_expired()
    assert list(Page.objects.live()) == [live]


def test_changing_a_slug_leaves_a_redirect_from_the_old_address():
    page = make_page(slug="old-address")
    page.slug = "new-address"
    page.save()
    assert PageRedirect.objects.get(old_slug="old-address").page == page


def test_a_second_rename_keeps_every_old_address_pointing_at_the_page():
    page = make_page(slug="first")
    page.slug = "second"
    page.save()
    page.slug = "third"
    page.save()
    assert set(page.redirects.values_list("old_slug", flat=True)) == {"first", "second"}


def test_a_page_taking_back_its_old_address_removes_the_redirect():
    page = make_page(slug="first")
    page.slug = "second"
    page.save()
    page.slug = "first"
    page.save()
    assert list(page.redirects.values_list("old_slug", flat=True)) == ["second"]


def test_body_is_sanitised_on_every_save_even_outside_forms():
    page = make_page(body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    page.refresh_from_db()
    assert page.body == "<p>Hi</p>"


@pytest.mark.parametrize("slug", ["get-help", "services", "partners", "embed", "search", "admin"])
def test_reserved_addresses_cannot_be_used_by_a_page(slug):
    page = Page(title="x", slug=slug, summary="x")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_schedule_must_end_after_it_starts():
    now = timezone.now()
    page = Page(title="x", slug="x", summary="x", publish_from=now, publish_until=now)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "publish_until" in error.value.message_dict


def test_a_scheduled_page_has_not_been_public_until_it_starts():
    page = make_scheduled()
    assert not page.has_been_public()
    assert page.has_been_public(page.publish_from + timedelta(seconds=1))


def test_a_draft_that_was_never_published_has_not_been_public():
    assert not make_draft().has_been_public()


def test_an_unpublished_page_has_been_public():
    page = make_page()
    page.status = Page.Status.DRAFT
    page.save()
    assert page.has_been_public()
    assert page.state() == "Unpublished"


@pytest.mark.parametrize(
    "reviewed, months, due",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 6, 15), 6, date(2026, 12, 15)),
        (date(2026, 11, 1), 3, date(2027, 2, 1)),
    ],
)
def test_review_due_date_adds_calendar_months(reviewed, months, due):
    page = Page(last_reviewed=reviewed, review_interval=months)
    assert page.review_due == due


def test_review_is_overdue_after_the_due_date():
    page = Page(last_reviewed=date(2026, 1, 1), review_interval=6)
    assert not page.review_overdue(date(2026, 7, 1))
    assert page.review_overdue(date(2026, 7, 2))


def test_every_change_is_kept_in_history():
    page = make_page(title="One")
    page.title = "Two"
    page.save()
    assert list(page.history.values_list("title", flat=True)) == ["Two", "One"]
