"""Each role against each action, through the admin's own views (not only has_perm)."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from accounts.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR
from approvals.models import ChangeRequest
from content.models import Page
from signposting.models import Contact
from tests.approvals.helpers import open_change

from .admin_forms import admin_form_data
from .factories import PASSWORD, make_contact, make_page, make_service, make_staff, verified_client

pytestmark = pytest.mark.django_db


def _post_change(client, url, changes):
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, admin_form_data(page) | changes)


def create_page(client):
    url = reverse("admin:content_page_add")
    response = _post_change(
        client, url, {"title": "New page", "slug": "new-page", "summary": "About it."}
    )
    assert response.status_code in (200, 302)
    page = Page.objects.filter(slug="new-page").first()
    return page is not None and page.status == Page.Status.DRAFT


def edit_page(client):
    page = make_page(title="Before")
    url = reverse("admin:content_page_change", args=[page.pk])
    response = _post_change(client, url, {"title": "After"})
    assert response.status_code in (200, 302, 403)
    page.refresh_from_db()
    return page.title == "After"


def publish_page(client):
    """Ask for publication by setting the status (the page itself waits: tests/approvals)."""
    page = make_page(title="Draft", status=Page.Status.DRAFT)
    url = reverse("admin:content_page_change", args=[page.pk])
    response = _post_change(client, url, {"status": Page.Status.PUBLISHED})
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT  # nobody publishes alone
    if response.status_code == 200:
        # Refused with a clear message on the form, not a crash; the draft is kept.
        assert "You can&#x27;t publish" in response.content.decode()
        return False
    return open_change(page).status == ChangeRequest.Status.PENDING


def revert_page(client):
    page = make_page(title="First version")
    first = page.history.earliest()
    page.title = "Second version"
    page.save()
    url = reverse("admin:content_page_revert", args=[page.pk, first.history_id])
    response = client.post(url)
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    return page.title == "First version"


def delete_page(client):
    page = make_page()
    url = reverse("admin:content_page_delete", args=[page.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code in (302, 403)
    return not Page.objects.filter(pk=page.pk).exists()


def edit_number(client):
    service = make_service()
    contact = make_contact(service, "0808 802 0300")
    url = reverse("admin:signposting_service_change", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200  # everyone may look at the directory
    data = admin_form_data(page) if "adminform" in page.context else {}
    prefix = next(
        (
            key[: -len("-id")]
            for key, value in data.items()
            if key.endswith("-id") and value == str(contact.pk)
        ),
        "contacts-0",
    )
    response = client.post(url, data | {f"{prefix}-value": "0300 123 4567"})
    assert response.status_code in (302, 403)
    assert Contact.objects.get(pk=contact.pk).value == "0808 802 0300"  # nobody alone
    change = ChangeRequest.objects.filter(target_id=service.pk).first()
    return change is not None and change.proposed["related"]["contacts"][0]["value"] == (
        "0300 123 4567"
    )


def manage_users(client):
    url = reverse("admin:auth_user_add")
    if client.get(url).status_code == 403:
        return False
    response = client.post(url, {"username": "newstaff", "email": "new@example.org"})
    assert response.status_code == 302
    return User.objects.filter(username="newstaff").exists()


def invite_again(client):
    user = make_staff(username="forgetful")
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_new_invitation", "_selected_action": [user.pk]},
    )
    assert response.status_code in (200, 302, 403)
    return any("forgetful" in message.body for message in mail.outbox)


def set_someone_elses_password(client):
    user = make_staff(username="colleague")
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    password = "another long passphrase 99"
    response = client.post(url, {"password1": password, "password2": password})
    assert response.status_code in (302, 403)
    user.refresh_from_db()
    return user.check_password(password)


ACTIONS = {
    "create": create_page,
    "edit": edit_page,
    "ask to publish": publish_page,
    "revert": revert_page,
    "delete": delete_page,
    "ask to change a number": edit_number,
    "manage users": manage_users,
    "invite again": invite_again,
    "set someone else's password": set_someone_elses_password,
}

ALLOWED = {
    EDITOR: {"create", "edit"},
    PUBLISHER: {"create", "edit", "ask to publish", "revert", "delete", "ask to change a number"},
    # Nobody sets another person's password: they choose their own through an invitation.
    SITE_ADMINISTRATOR: set(ACTIONS) - {"set someone else's password"},
}


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER, SITE_ADMINISTRATOR])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_role_may_do_exactly_its_actions_in_the_admin(role, action):
    client = verified_client(make_staff(role))
    assert ACTIONS[action](client) is (action in ALLOWED[role])


def test_staff_without_a_role_see_no_models():
    client = verified_client(make_staff())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.context["app_list"] == []


def test_site_administrator_cannot_make_anyone_a_superuser():
    admin = make_staff(SITE_ADMINISTRATOR)
    client = verified_client(admin)
    url = reverse("admin:auth_user_change", args=[admin.pk])
    response = _post_change(client, url, {"is_superuser": "on"})
    assert response.status_code == 302
    admin.refresh_from_db()
    assert not admin.is_superuser


def test_non_staff_cannot_reach_the_admin_even_with_a_password():
    user = User.objects.create_user("visitor", password=PASSWORD)
    client = verified_client(user)
    assert client.get(reverse("admin:index")).status_code == 302
