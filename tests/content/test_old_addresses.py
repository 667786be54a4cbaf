"""An old address (a redirect, or a 410 for a page taken down) is never taken over silently."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse

from content.models import Page, PageRedirect
from tests.approvals.helpers import approve_as_someone_else

from .admin_helpers import add_url, change_url, page_form_data
from .factories import make_page, make_staff

pytestmark = pytest.mark.django_db

PUBLISHER_PERMS = ("add_page", "change_page", "view_page", "preview_page", "publish_page")


@pytest.fixture
def publisher(client):
    user = make_staff("publisher", (*PUBLISHER_PERMS, "revert_page"))
    client.force_login(user)
    return user


@pytest.fixture
def moved(db):
    """A live page that used to be at /report-it/: posters point there."""
    page = make_page(title="How to report", slug="report-it")
    page.slug = "reporting-stalking"
    page.save()
    return page


def new_page_data(slug, **extra):
    return page_form_data(
        title="Another page",
        slug=slug,
        summary="Short.",
        body="<p>Text.</p>",
        status="draft",
        section="understand",
        nav_order=10,
        review_interval=6,
        **extra,
    )


def test_a_new_page_cannot_take_an_address_that_redirects(client, publisher, moved):
    response = client.post(add_url(), new_page_data("report-it"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "/report-it/ is an old address of another page" in html
    assert "sends visitors on to “How to report” (/reporting-stalking/)" in html
    assert 'name="take_over_address"' in html and 'type="checkbox"' in html
    assert not Page.objects.filter(title="Another page").exists()
    assert client.get("/report-it/").status_code == 301


def test_a_renamed_page_cannot_take_an_address_that_redirects(client, publisher, moved):
    other = make_page(slug="other")
    response = client.post(change_url(other), page_form_data(other, slug="report-it"))
    assert response.status_code == 200
    assert "/report-it/ is an old address of another page" in response.content.decode()
    other.refresh_from_db()
    assert other.slug == "other"


def test_an_address_that_answers_410_is_kept_too(client, publisher, moved):
    moved.status = Page.Status.DRAFT
    moved.save()
    assert client.get("/report-it/").status_code == 410
    response = client.post(add_url(), new_page_data("report-it"))
    assert "has been taken down (410)" in response.content.decode()
    assert client.get("/report-it/").status_code == 410


def test_taking_over_an_old_address_is_a_choice_that_is_logged(client, publisher, moved):
    response = client.post(add_url(), new_page_data("report-it", take_over_address="on"))
    assert response.status_code == 302
    page = Page.objects.get(slug="report-it")
    assert not PageRedirect.objects.filter(old_slug="report-it").exists()
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert entry.user == publisher
    assert entry.object_repr == "/report-it/ → /reporting-stalking/"
    assert "Took over the address /report-it/" in entry.change_message
    assert "“How to report”" in entry.change_message
    record = page.history.latest()
    assert record.history_change_reason == "Took over the old address /report-it/"
    assert record.history_user == publisher


def test_the_take_over_box_is_hidden_when_no_old_address_is_in_the_way(client, publisher):
    html = client.get(add_url()).content.decode()
    assert 'type="hidden" name="take_over_address"' in html
    response = client.post(add_url(), new_page_data("fresh-address"))
    assert response.status_code == 302
    assert not LogEntry.objects.filter(action_flag=DELETION).exists()


def test_a_page_may_take_back_its_own_old_address_without_asking(client, publisher, moved):
    response = client.post(change_url(moved), page_form_data(moved, slug="report-it"))
    assert response.status_code == 302
    approve_as_someone_else(moved)  # a live page's new address waits for a second person
    assert client.get("/report-it/").status_code == 200
    assert client.get("/reporting-stalking/").status_code == 301


def test_a_revert_does_not_take_another_pages_old_address(client, publisher, moved):
    page = make_page(slug="first")
    first = page.history.earliest()
    page.slug = "second"
    page.save()
    PageRedirect.objects.filter(old_slug="first").delete()
    moved.slug = "first"
    moved.save()  # "first" is now an old address of the other page... and its current one
    moved.slug = "reporting-stalking"
    moved.save()
    response = client.post(
        reverse("admin:content_page_revert", args=[page.pk, first.history_id]), follow=True
    )
    assert "is now an old address of another page" in response.content.decode()
    page.refresh_from_db()
    assert page.slug == "second"
    assert client.get("/first/").status_code == 301
