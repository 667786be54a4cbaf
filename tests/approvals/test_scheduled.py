"""Scheduled changes: approved now, live at a set time, on the first request after the
moment (even where a copy of the page is cached) or from cron; listed on the dashboard."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EDITOR, PUBLISHER
from approvals import schedule
from approvals.models import ChangeRequest
from content.models import Page
from tests.accounts.admin_forms import admin_form_data
from tests.accounts.factories import make_contact, make_page, make_service

from .helpers import decide, open_change, post_admin_form, staff_client

pytestmark = pytest.mark.django_db

Status = ChangeRequest.Status


def _when(moment):
    local = timezone.localtime(moment)
    return {"go_live_at_0": f"{local:%Y-%m-%d}", "go_live_at_1": f"{local:%H:%M}"}


@pytest.fixture
def moment():
    return (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)


@pytest.fixture
def clock(monkeypatch):
    """Move the site's clock (Django's timezone.now) rather than wait."""

    def move_to(when):
        monkeypatch.setattr(timezone, "now", lambda: when)

    return move_to


@pytest.fixture
def scheduled_page(moment, django_capture_on_commit_callbacks):
    page = make_page(title="Old title", slug="campaign", status=Page.Status.PUBLISHED)
    _user, editor = staff_client(EDITOR)
    url = reverse("admin:content_page_change", args=[page.pk])
    post_admin_form(editor, url, {"title": "Awareness week"}, {"_submit_for_review": "1"})
    _approver, publisher = staff_client(PUBLISHER)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(publisher, open_change(page), "approve", **_when(moment))
    assert response.status_code == 302
    return page


def test_an_approved_change_can_wait_for_its_moment(scheduled_page, moment, client):
    change = ChangeRequest.objects.get()
    assert change.status == Status.SCHEDULED and change.go_live_at == moment
    scheduled_page.refresh_from_db()
    assert scheduled_page.title == "Old title"
    assert "Old title" in client.get("/campaign/").content.decode()


def test_the_dashboard_lists_what_changes_when(scheduled_page, moment):
    _user, publisher = staff_client(PUBLISHER)
    html = publisher.get(reverse("admin:index")).content.decode()
    section = html[html.index('id="changes-scheduled"') :]
    assert f"{timezone.localtime(moment):%A %-d %B %Y, %H:%M}" in section
    assert "Page: Awareness week" in section


def test_a_cached_page_shows_the_change_on_the_first_request_after_its_moment(
    scheduled_page, moment, client, clock
):
    assert "Old title" in client.get("/campaign/").content.decode()  # now cached
    clock(moment - timedelta(seconds=1))
    assert "Old title" in client.get("/campaign/").content.decode()
    clock(moment)
    response = client.get("/campaign/")
    html = response.content.decode()
    assert "Awareness week" in html and "Old title" not in html
    # Still a public page: no cookie, and the emergency numbers render.
    assert not response.cookies
    assert 'href="tel:999"' in html
    assert ChangeRequest.objects.get().status == Status.APPLIED


def test_a_directory_change_lands_at_its_moment(
    moment, client, clock, django_capture_on_commit_callbacks
):
    service = make_service(name="New provider", slug="new-provider")
    make_contact(service, "0300 123 4567")
    user, publisher = staff_client(PUBLISHER)
    url = reverse("admin:signposting_service_change", args=[service.pk])
    data = admin_form_data(publisher.get(url))
    prefix = next(k[:-3] for k in data if k.startswith("contacts-") and k.endswith("-id"))
    publisher.post(url, data | {f"{prefix}-value": "0300 123 7777"})
    _other, approver = staff_client(PUBLISHER)
    with django_capture_on_commit_callbacks(execute=True):
        decide(approver, open_change(service), "approve", **_when(moment))
    assert "0300 123 4567" in client.get("/services/new-provider/").content.decode()
    clock(moment + timedelta(minutes=1))
    html = client.get("/services/new-provider/").content.decode()
    assert "0300 123 7777" in html and "0300 123 4567" not in html


def test_the_cron_command_applies_what_is_due(scheduled_page, moment, clock):
    out = io.StringIO()
    call_command("apply_scheduled_changes", stdout=out)
    assert out.getvalue() == "Nothing due.\n"
    clock(moment)
    out = io.StringIO()
    call_command("apply_scheduled_changes", stdout=out)
    assert out.getvalue() == "Live: Page: Awareness week\n"
    scheduled_page.refresh_from_db()
    assert scheduled_page.title == "Awareness week"
    call_command("apply_scheduled_changes", stdout=io.StringIO())  # twice is harmless
    assert scheduled_page.history.filter(title="Awareness week").count() == 1


def test_every_server_reads_a_new_schedule_from_the_shared_cache(
    moment, django_capture_on_commit_callbacks
):
    assert schedule.due_moment() is None  # worked out, and kept stamped in the shared cache
    page = make_page(status=Page.Status.PUBLISHED)
    _user, editor = staff_client(EDITOR)
    url = reverse("admin:content_page_change", args=[page.pk])
    post_admin_form(editor, url, {"title": "Later"}, {"_submit_for_review": "1"})
    _other, publisher = staff_client(PUBLISHER)
    with django_capture_on_commit_callbacks(execute=True):
        decide(publisher, open_change(page), "approve", **_when(moment))
    # The approval replaced the content token, so the kept "nothing scheduled" is not trusted.
    assert schedule.due_moment() == moment


def test_a_moment_in_the_past_is_refused(client):
    page = make_page(status=Page.Status.PUBLISHED)
    _user, editor = staff_client(EDITOR)
    url = reverse("admin:content_page_change", args=[page.pk])
    post_admin_form(editor, url, {"title": "Later"}, {"_submit_for_review": "1"})
    _other, publisher = staff_client(PUBLISHER)
    response = decide(
        publisher, open_change(page), "approve", **_when(timezone.now() - timedelta(hours=1))
    )
    assert response.status_code == 200
    assert "Choose a time in the future" in response.content.decode()
    assert open_change(page).status == Status.PENDING


def test_a_scheduled_change_sent_back_does_not_happen(scheduled_page, moment, clock):
    _user, other = staff_client(PUBLISHER)
    change = ChangeRequest.objects.get()
    decide(other, change, "send_back", reason="Wait for the press release")
    clock(moment)
    call_command("apply_scheduled_changes", stdout=io.StringIO())
    scheduled_page.refresh_from_db()
    assert scheduled_page.title == "Old title"
