"""Working copies of live pages: saved without touching the live version, previewed, and
published only when someone else approves them; the history keeps both."""

import pytest
from django.urls import reverse

from accounts.roles import EDITOR, PUBLISHER
from approvals.models import ChangeRequest
from content.models import Page
from tests.accounts.factories import make_page

from .helpers import change_url, decide, open_change, post_admin_form, staff_client

pytestmark = pytest.mark.django_db

Status = ChangeRequest.Status


def _page_url(page):
    return reverse("admin:content_page_change", args=[page.pk])


@pytest.fixture
def live_page():
    return make_page(
        title="Live title",
        slug="live-page",
        body="<p>Live words.</p>",
        status=Page.Status.PUBLISHED,
    )


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER])
def test_saving_a_live_page_keeps_a_working_copy_and_leaves_the_live_page(client, role, live_page):
    _user, staff = staff_client(role)
    response = post_admin_form(staff, _page_url(live_page), {"title": "Working title"})
    assert response.status_code == 302
    live_page.refresh_from_db()
    assert live_page.title == "Live title"
    assert "Live title" in client.get("/live-page/").content.decode()
    change = open_change(live_page)
    assert change.status == Status.WORKING_COPY
    assert change.proposed["fields"]["title"] == "Working title"


def test_the_form_and_the_preview_show_the_working_copy(live_page):
    _user, editor = staff_client(EDITOR)
    post_admin_form(editor, _page_url(live_page), {"body": "<p>Working words.</p>"})
    form = editor.get(_page_url(live_page)).content.decode()
    assert "Working words." in form and "This form shows the working copy" in form
    preview = editor.get(reverse("admin:content_page_preview", args=[live_page.pk]))
    assert "Working words." in preview.content.decode()
    assert "Live words." not in preview.content.decode()
    assert "Preview of the working copy." in preview.content.decode()


def test_saving_again_updates_the_same_working_copy(live_page):
    _user, editor = staff_client(EDITOR)
    post_admin_form(editor, _page_url(live_page), {"title": "First try"})
    post_admin_form(editor, _page_url(live_page), {"summary": "Better summary."})
    change = open_change(live_page)
    assert change.proposed["fields"]["title"] == "First try"
    assert change.proposed["fields"]["summary"] == "Better summary."
    assert ChangeRequest.objects.count() == 1


def test_publishing_the_working_copy_replaces_the_live_page_and_history_keeps_both(
    client, live_page
):
    editor_user, editor = staff_client(EDITOR)
    publisher_user, publisher = staff_client(PUBLISHER)
    post_admin_form(editor, _page_url(live_page), {"title": "New title"})
    post_admin_form(editor, _page_url(live_page), {}, {"_submit_for_review": "1"})
    change = open_change(live_page)
    assert change.status == Status.PENDING and change.submitted_by == editor_user
    assert decide(publisher, change, "approve").status_code == 302
    live_page.refresh_from_db()
    assert live_page.title == "New title"
    assert "New title" in client.get("/live-page/").content.decode()
    titles = list(live_page.history.order_by("history_date").values_list("title", flat=True))
    assert titles == ["Live title", "New title"]
    latest = live_page.history.latest()
    assert latest.history_user == publisher_user
    assert editor_user.username in latest.history_change_reason
    # The working copy keeps its own history: who saved, who sent, who approved.
    statuses = list(change.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == Status.WORKING_COPY and statuses[-1] == Status.APPLIED


def test_an_editor_submits_a_new_page_for_review_and_a_publisher_publishes_it(client):
    editor_user, editor = staff_client(EDITOR)
    _publisher_user, publisher = staff_client(PUBLISHER)
    add = reverse("admin:content_page_add")
    response = post_admin_form(
        editor,
        add,
        {"title": "Brand new", "slug": "brand-new", "summary": "About it."},
        {"_submit_for_review": "1"},
    )
    assert response.status_code == 302
    assert client.get("/brand-new/").status_code == 404  # nothing public yet
    change = ChangeRequest.objects.get(status=Status.PENDING)
    assert change.submitted_by == editor_user
    assert change.proposed["fields"]["status"] == "published"
    decide(publisher, change, "approve")
    assert client.get("/brand-new/").status_code == 200


def test_an_editor_submits_an_existing_draft_for_review():
    _user, editor = staff_client(EDITOR)
    draft = make_page(title="My draft")
    post_admin_form(editor, _page_url(draft), {}, {"_submit_for_review": "1"})
    draft.refresh_from_db()
    assert draft.status == Page.Status.DRAFT
    assert open_change(draft).proposed["fields"]["status"] == "published"


def test_a_draft_without_a_change_waiting_still_saves_at_once():
    _user, editor = staff_client(EDITOR)
    draft = make_page(title="Draft")
    post_admin_form(editor, _page_url(draft), {"title": "Draft, better"})
    draft.refresh_from_db()
    assert draft.title == "Draft, better"
    assert not ChangeRequest.objects.exists()


def test_reverting_a_live_page_makes_the_old_version_the_working_copy(live_page):
    _user, publisher = staff_client(PUBLISHER)
    first = live_page.history.earliest()
    live_page.title = "Vandalised"
    live_page.save()
    response = publisher.post(
        reverse("admin:content_page_revert", args=[live_page.pk, first.history_id])
    )
    assert response.status_code == 302
    live_page.refresh_from_db()
    assert live_page.title == "Vandalised"
    assert open_change(live_page).proposed["fields"]["title"] == "Live title"


def test_the_bulk_publish_action_asks_for_approval_instead(client):
    _user, publisher = staff_client(PUBLISHER)
    drafts = [make_page(slug="bulk-one"), make_page(slug="bulk-two")]
    publisher.post(
        reverse("admin:content_page_changelist"),
        {"action": "publish_selected", "_selected_action": [p.pk for p in drafts]},
    )
    for draft in drafts:
        draft.refresh_from_db()
        assert draft.status == Page.Status.DRAFT
        assert open_change(draft).status == Status.PENDING


def test_a_change_that_went_out_of_date_is_not_applied(live_page):
    _user, editor = staff_client(EDITOR)
    _other, publisher = staff_client(PUBLISHER)
    post_admin_form(
        editor, _page_url(live_page), {"title": "From the copy"}, {"_submit_for_review": "1"}
    )
    change = open_change(live_page)
    Page.objects.filter(pk=live_page.pk).update(title="Changed meanwhile")  # e.g. a shell fix
    decide(publisher, change, "approve")
    change.refresh_from_db()
    live_page.refresh_from_db()
    assert change.status == Status.STALE
    assert live_page.title == "Changed meanwhile"
    assert "Out of date" in publisher.get(change_url(change)).content.decode()
