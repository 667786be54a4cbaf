"""Comms staff in admin: publishing rights, previews, typed numbers, history, compare and revert."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Page
from tests.approvals.helpers import approve_as_someone_else, open_change

from .admin_helpers import add_url, change_url, page_form_data
from .factories import make_draft, make_page, make_staff

pytestmark = pytest.mark.django_db

EDITOR_PERMS = ("add_page", "change_page", "view_page", "preview_page")
PUBLISHER_PERMS = (*EDITOR_PERMS, "publish_page", "revert_page")


@pytest.fixture
def editor(client):
    user = make_staff("editor", EDITOR_PERMS)
    client.force_login(user)
    return user


@pytest.fixture
def publisher(client):
    user = make_staff("publisher", PUBLISHER_PERMS)
    client.force_login(user)
    return user


def test_an_editor_can_save_a_draft(client, editor):
    data = page_form_data(
        title="New page",
        slug="new-page",
        summary="Short.",
        body="<p>Text.</p>",
        status="draft",
        section="understand",
        nav_order=10,
        last_reviewed="2026-11-20",
        review_interval=6,
    )
    response = client.post(add_url(), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get(slug="new-page")
    assert page.status == Page.Status.DRAFT
    assert page.created_by == editor and page.updated_by == editor and page.owner == editor


def test_an_editor_who_tries_to_publish_gets_an_error_and_the_draft_is_kept(client, editor):
    page = make_draft(slug="draft-page", title="Draft")
    response = client.post(change_url(page), page_form_data(page, status="published"))
    assert response.status_code == 200
    assert "You can&#x27;t publish" in response.content.decode()
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT


def test_an_editor_cannot_change_a_live_page_directly(client, editor):
    page = make_page(title="Live")
    response = client.post(change_url(page), page_form_data(page, title="Changed"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Live"
    assert open_change(page).proposed["fields"]["title"] == "Changed"


def test_a_publisher_can_publish_and_schedule_once_someone_else_approves(client, publisher):
    page = make_draft(slug="campaign")
    start = timezone.localtime() + timedelta(days=3)
    data = page_form_data(page, status="published", publish_from=start)
    response = client.post(change_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT
    approve_as_someone_else(page)
    page.refresh_from_db()
    assert page.status == Page.Status.PUBLISHED
    assert page.state() == "Scheduled"


def test_publish_actions_need_the_publish_permission(client, editor):
    page = make_draft()
    changelist = reverse("admin:content_page_changelist")
    response = client.post(
        changelist, {"action": "publish_selected", "_selected_action": [page.pk]}
    )
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT
    assert response.status_code in (200, 302)


def test_a_hand_typed_phone_number_in_a_draft_is_a_warning_on_save(client, publisher):
    page = make_draft(slug="numbers")
    data = page_form_data(page, body="<p>Call 0808 802 0300 today.</p>")
    response = client.post(change_url(page), data, follow=True)
    assert "A phone number typed by hand goes out of date unnoticed. 0808 802 0300" in (
        response.content.decode()
    )
    page.refresh_from_db()
    assert "0808 802 0300" in page.body


def test_the_change_form_lists_typed_numbers(client, publisher):
    page = make_draft(body="<p>Ring 0115 947 6490.</p>")
    html = client.get(change_url(page)).content.decode()
    assert "checks on the saved text" in html.lower()
    assert "typed by hand goes out of date unnoticed. 0115 947 6490" in html


def test_an_unknown_service_token_is_an_error_on_save(client, publisher):
    page = make_page(slug="tokens")
    data = page_form_data(page, body="<p>[[service:no-such-service]]</p>")
    response = client.post(change_url(page), data)
    assert response.status_code == 200
    assert "There is no service “no-such-service”" in response.content.decode()


def test_a_misspelt_token_is_an_error_on_save(client, publisher):
    page = make_page(slug="tokens")
    data = page_form_data(page, body="<p>[[servce:national-stalking-helpline]]</p>")
    response = client.post(change_url(page), data)
    assert "is not a service token" in response.content.decode()


def test_a_changed_slug_in_admin_leaves_a_redirect(client, publisher):
    page = make_page(slug="before")
    client.post(change_url(page), page_form_data(page, slug="after"))
    approve_as_someone_else(page)
    assert client.get("/before/").status_code == 301


# --- preview ---------------------------------------------------------------------------


def test_staff_preview_shows_a_draft_and_is_never_cached(client, editor):
    page = make_draft(title="Not yet public", slug="secret")
    response = client.get(reverse("admin:content_page_preview", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not yet public" in html and "Preview." in html
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in html


def test_staff_can_preview_unsaved_changes_without_saving_them(client, publisher):
    page = make_page(title="Original")
    url = reverse("admin:content_page_preview", args=[page.pk])
    response = client.post(url, page_form_data(page, title="Changed in the form"))
    assert "Changed in the form" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    page.refresh_from_db()
    assert page.title == "Original"


def test_an_editor_may_preview_changes_to_a_live_page_they_cannot_save(client, editor):
    page = make_page(title="Live")
    url = reverse("admin:content_page_preview", args=[page.pk])
    response = client.post(url, page_form_data(page, title="Proposed"))
    assert "Proposed" in response.content.decode()


def test_preview_is_not_public(client):
    page = make_draft()
    response = client.get(reverse("admin:content_page_preview", args=[page.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_preview_needs_the_preview_permission(client):
    client.force_login(make_staff("viewer", ("view_page",)))
    page = make_draft()
    assert client.get(reverse("admin:content_page_preview", args=[page.pk])).status_code == 403


# --- history, compare, revert ------------------------------------------------------------


def _edit(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save()


def test_history_lists_who_changed_what(client, publisher):
    page = make_draft(title="First")
    client.post(change_url(page), page_form_data(page, title="Second"))
    html = client.get(reverse("admin:content_page_history", args=[page.pk])).content.decode()
    assert "publisher" in html
    assert "Revert to this version" in html
    assert "Compare the two chosen versions" in html


def test_compare_shows_what_changed_between_two_versions(client, publisher):
    page = make_page(body="<p>Old sentence.</p><p>Same.</p>")
    _edit(page, body="<p>New sentence.</p><p>Same.</p>")
    newer, older = page.history.all()[:2]
    url = reverse("admin:content_page_compare", args=[page.pk])
    html = client.get(url, {"from": older.pk, "to": newer.pk}).content.decode()
    assert "Removed: </span>Old sentence." in html
    assert "Added: </span>New sentence." in html


def test_revert_restores_an_earlier_body_exactly(client, publisher):
    original = '<h2>Title</h2><p>Keep <strong>this</strong> <a href="/get-help/">link</a>.</p>'
    page = make_draft(body=original, title="Before")
    _edit(page, body="<p>Vandalised.</p>", title="After")
    earliest = page.history.earliest()
    response = client.post(reverse("admin:content_page_revert", args=[page.pk, earliest.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == original and page.title == "Before"
    assert page.history.latest().history_change_reason.startswith("Reverted to the version of")


def test_a_revert_can_itself_be_undone(client, publisher):
    page = make_page(body="<p>One.</p>")
    _edit(page, body="<p>Two.</p>")
    client.post(reverse("admin:content_page_revert", args=[page.pk, page.history.earliest().pk]))
    two = page.history.all()[1]
    client.post(reverse("admin:content_page_revert", args=[page.pk, two.pk]))
    page.refresh_from_db()
    assert page.body == "<p>Two.</p>"


def test_revert_needs_the_revert_permission(client, editor):
    page = make_draft(body="<p>One.</p>")
    _edit(page, body="<p>Two.</p>")
    url = reverse("admin:content_page_revert", args=[page.pk, page.history.earliest().pk])
    assert client.post(url).status_code == 403
    page.refresh_from_db()
    assert page.body == "<p>Two.</p>"


def test_revert_is_a_post_only_action(client, publisher):
    page = make_page()
    url = reverse("admin:content_page_revert", args=[page.pk, page.history.earliest().pk])
    assert client.get(url).status_code == 405


def test_a_revert_restores_the_old_slug_and_redirects_the_newer_one(client, publisher):
    page = make_page(slug="first")
    _edit(page, slug="second")
    client.post(reverse("admin:content_page_revert", args=[page.pk, page.history.earliest().pk]))
    assert client.get("/first/").status_code == 301  # a live page's revert waits for approval
    approve_as_someone_else(page)
    assert client.get("/second/").status_code == 301
    assert client.get("/first/").status_code == 200


def test_the_change_form_offers_preview_of_unsaved_changes(client, editor):
    page = make_draft()
    html = client.get(change_url(page)).content.decode()
    assert 'formaction="' + reverse("admin:content_page_preview", args=[page.pk]) in html


def test_the_editor_import_map_is_allowed_by_hash_in_the_csp(client, editor):
    page = make_draft()
    response = client.get(change_url(page))
    if 'type="importmap"' in response.content.decode():
        assert "'sha256-" in response["Content-Security-Policy"]
