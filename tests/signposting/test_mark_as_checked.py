"""'Mark as checked' on one or many services records who, when and how; the public "Last
checked" date comes from it, and the review dashboard lists the checks that are due."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EDITOR, PUBLISHER
from signposting.models import ServiceCheck
from tests.accounts.factories import make_service
from tests.approvals.helpers import staff_client

pytestmark = pytest.mark.django_db

MARK = reverse("admin:signposting_service_mark_checked")


def _old(name, slug):
    return make_service(
        name=name, slug=slug, last_verified=timezone.localdate() - timedelta(days=300)
    )


def test_marking_many_services_from_the_list_records_who_when_and_how(client):
    user, publisher = staff_client(PUBLISHER)
    services = [_old("Line one", "line-one"), _old("Line two", "line-two")]
    response = publisher.post(
        reverse("admin:signposting_service_changelist"),
        {"action": "mark_checked", "_selected_action": [s.pk for s in services]},
    )
    assert response.status_code == 302
    form = publisher.get(response["Location"])
    assert "Line one" in form.content.decode() and "Line two" in form.content.decode()
    ids = ",".join(str(s.pk) for s in services)
    response = publisher.post(MARK, {"ids": ids, "method": "phoned", "note": "Rang both"})
    assert response.status_code == 302
    checks = ServiceCheck.objects.order_by("service__name")
    assert [(c.service.name, c.checked_by, c.method) for c in checks] == [
        ("Line one", user, "phoned"),
        ("Line two", user, "phoned"),
    ]
    for service in services:
        service.refresh_from_db()
        assert service.last_verified == timezone.localdate()
        assert service.history.latest().history_user == user
    today = f"{timezone.localdate():%-d %B %Y}"
    page = client.get("/services/line-one/").content.decode()
    assert (
        f'Last checked with the service: <time datetime="{timezone.localdate():%Y-%m-%d}">{today}'
        in page
    )


def test_a_check_on_the_providers_web_page_needs_its_address():
    user, publisher = staff_client(PUBLISHER)
    service = _old("Line", "line")
    response = publisher.post(MARK, {"ids": str(service.pk), "method": "web_page"})
    assert response.status_code == 200
    assert "Give the address of the page you checked." in response.content.decode()
    assert not ServiceCheck.objects.exists()
    publisher.post(
        MARK,
        {"ids": str(service.pk), "method": "web_page", "web_address": "https://example.org/help"},
    )
    check = ServiceCheck.objects.get()
    assert check.web_address == "https://example.org/help"
    shown = publisher.get(reverse("admin:signposting_service_change", args=[service.pk]))
    html = shown.content.decode()
    assert f"by {user}: the provider's own web page (https://example.org/help)" in html.replace(
        "&#x27;", "'"
    )


def test_a_single_service_is_marked_from_its_own_page_and_by_letter():
    _user, publisher = staff_client(PUBLISHER)
    service = _old("Line", "line")
    html = publisher.get(reverse("admin:signposting_service_change", args=[service.pk]))
    assert f"{MARK}?ids={service.pk}" in html.content.decode()
    publisher.post(MARK, {"ids": str(service.pk), "method": "letter"})
    assert ServiceCheck.objects.get().method == ServiceCheck.Method.LETTER


def test_the_last_checked_date_cannot_be_typed_in_the_form():
    _user, publisher = staff_client(PUBLISHER)
    service = _old("Line", "line")
    form = publisher.get(reverse("admin:signposting_service_change", args=[service.pk]))
    assert "last_verified" not in form.context["adminform"].form.fields


def test_an_editor_cannot_mark_services_as_checked():
    _user, editor = staff_client(EDITOR)
    service = _old("Line", "line")
    assert editor.post(MARK, {"ids": str(service.pk), "method": "phoned"}).status_code == 403
    assert not ServiceCheck.objects.exists()


def test_the_review_dashboard_lists_checks_due_and_drops_a_service_once_checked():
    _user, publisher = staff_client(PUBLISHER)
    overdue = _old("Overdue line", "overdue-line")
    make_service(name="Due soon line", last_verified=timezone.localdate() - timedelta(days=175))
    home = publisher.get(reverse("admin:index")).content.decode()
    assert "Overdue line" in home[home.index('id="review-services_not_verified"') :]
    due = home[home.index('id="review-checks_due_soon"') : home.index('id="review-coming_up"')]
    assert "Due soon line" in due
    publisher.post(MARK, {"ids": str(overdue.pk), "method": "phoned"})
    home = publisher.get(reverse("admin:index")).content.decode()
    assert "Overdue line" not in home[home.index('id="review-dashboard"') :]
