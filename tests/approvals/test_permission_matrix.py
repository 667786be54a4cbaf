"""Each role against each step of a change, through the admin's own views: request, approve,
send back and emergency change (tests/accounts/test_permission_matrix.py has the rest)."""

import pytest
from django.urls import reverse

from accounts.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR
from approvals.models import ChangeRequest
from content.models import Page
from tests.accounts.admin_forms import admin_form_data
from tests.accounts.factories import make_contact, make_page, make_service, make_staff

from .helpers import allow_emergencies, decide, open_change, staff_client

pytestmark = pytest.mark.django_db

Status = ChangeRequest.Status


def _someone_elses_page_change():
    requester = make_staff(EDITOR)
    page = make_page(title="Live", status=Page.Status.PUBLISHED)
    from approvals.protected import rule_for, snapshot
    from approvals.services import change_keep

    before = snapshot(page, rule_for(Page))
    after = {**before, "fields": {**before["fields"], "title": "Proposed"}}
    change_keep(model=Page, target=page, before=before, after=after, by=requester, submit=True)
    return page, open_change(page)


def request_page_change(client, user):
    page = make_page(title="Live", status=Page.Status.PUBLISHED)
    url = reverse("admin:content_page_change", args=[page.pk])
    shown = client.get(url)
    if shown.status_code != 200:
        return False
    client.post(url, admin_form_data(shown) | {"title": "Asked", "_submit_for_review": "1"})
    change = ChangeRequest.objects.filter(target_id=page.pk, status=Status.PENDING).first()
    page.refresh_from_db()
    assert page.title == "Live"
    return change is not None and change.submitted_by == user


def request_number_change(client, user):
    service = make_service()
    contact = make_contact(service, "0808 802 0300")
    url = reverse("admin:signposting_service_change", args=[service.pk])
    data = admin_form_data(client.get(url))
    prefix = next(
        k[:-3] for k, v in data.items() if k.startswith("contacts-") and k.endswith("-id")
    )
    response = client.post(url, data | {f"{prefix}-value": "0300 123 4567"})
    assert response.status_code in (302, 403)
    contact.refresh_from_db()
    assert contact.value == "0808 802 0300"
    return ChangeRequest.objects.filter(target_id=service.pk, status=Status.PENDING).exists()


def approve(client, user):
    page, change = _someone_elses_page_change()
    response = decide(client, change, "approve")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    change.refresh_from_db()
    return page.title == "Proposed" and change.decided_by == user


def send_back(client, user):
    page, change = _someone_elses_page_change()
    response = decide(client, change, "send_back", reason="Check the second paragraph")
    assert response.status_code in (302, 403)
    change.refresh_from_db()
    return change.status == Status.SENT_BACK


def emergency_change(client, user):
    service = make_service()
    make_contact(service, "0808 802 0300")
    url = reverse("admin:signposting_service_change", args=[service.pk])
    data = admin_form_data(client.get(url))
    if not data:
        return False
    prefix = next(
        k[:-3] for k, v in data.items() if k.startswith("contacts-") and k.endswith("-id")
    )
    client.post(url, data | {f"{prefix}-value": "0300 123 4567"})
    change = ChangeRequest.objects.filter(target_id=service.pk).first()
    if change is None:
        return False
    response = decide(client, change, "emergency", reason="The line has stopped working")
    assert response.status_code in (302, 403)
    return service.contacts.get().value == "0300 123 4567"


ACTIONS = {
    "request a page change": request_page_change,
    "request a number change": request_number_change,
    "approve": approve,
    "send back": send_back,
    "emergency change": emergency_change,
}

ROLES = {
    "Editor": (EDITOR, False),
    "Publisher": (PUBLISHER, False),
    "Publisher allowed emergencies": (PUBLISHER, True),
    "Site administrator": (SITE_ADMINISTRATOR, False),
    "Site administrator allowed emergencies": (SITE_ADMINISTRATOR, True),
}

EVERYTHING_BUT_EMERGENCIES = {
    "request a page change",
    "request a number change",
    "approve",
    "send back",
}
ALLOWED = {
    "Editor": {"request a page change"},
    "Publisher": EVERYTHING_BUT_EMERGENCIES,
    "Publisher allowed emergencies": set(ACTIONS),
    "Site administrator": EVERYTHING_BUT_EMERGENCIES,
    "Site administrator allowed emergencies": set(ACTIONS),
}


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_role_may_take_exactly_its_steps(role, action):
    group, allowed_emergencies = ROLES[role]
    user, client = staff_client(group)
    if allowed_emergencies:
        allow_emergencies(user, granted_by=make_staff(SITE_ADMINISTRATOR))
    assert ACTIONS[action](client, user) is (action in ALLOWED[role])


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER, SITE_ADMINISTRATOR])
@pytest.mark.parametrize("action", ["approve", "send_back", "emergency", "confirm"])
def test_nobody_decides_their_own_change_and_only_an_allowed_publisher_acts_alone(role, action):
    user, client = staff_client(role)
    allow_emergencies(user, granted_by=make_staff(SITE_ADMINISTRATOR))
    page = make_page(title="Live", status=Page.Status.PUBLISHED)
    url = reverse("admin:content_page_change", args=[page.pk])
    client.post(
        url, admin_form_data(client.get(url)) | {"title": "Mine", "_submit_for_review": "1"}
    )
    change = open_change(page)
    if action == "confirm":
        change.status, change.emergency = Status.APPLIED, True
        change.save()
    response = decide(client, change, action, reason="Because")
    assert (response.status_code == 403) is (action != "emergency" or role == EDITOR)
    page.refresh_from_db()
    if action != "emergency":
        assert page.title == "Live"
