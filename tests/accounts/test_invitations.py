"""New staff are invited: they choose their own password and set up two-factor sign-in."""

import base64
import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import EDITOR, SITE_ADMINISTRATOR
from signposting.models import HoursException

from .factories import PASSWORD, accept_invitation, add_authenticator, make_staff, verified_client
from .test_two_factor import current_code, enter_code, sign_in_with_password

pytestmark = pytest.mark.django_db


def invite(client, **fields):
    data = {"username": "newstaff", "email": "new@example.org", "first_name": "Sam"} | fields
    return client.post(reverse("admin:auth_user_add"), data)


@pytest.fixture
def administrator():
    return verified_client(make_staff(SITE_ADMINISTRATOR))


def link_in(message):
    return re.search(r"http\S+/invitation/\S+/", message.body).group(0)


def path_of(link):
    return urlsplit(link).path


def test_the_add_staff_form_asks_for_no_password(administrator):
    html = administrator.get(reverse("admin:auth_user_add")).content.decode()
    assert 'name="email"' in html and 'name="groups"' in html
    assert 'type="password"' not in html and "password1" not in html


def test_adding_staff_emails_them_a_one_time_link_and_sets_no_password(administrator):
    from django.contrib.auth.models import Group, User

    response = invite(administrator, groups=[Group.objects.get(name=EDITOR).pk])
    assert response.status_code == 302
    user = User.objects.get(username="newstaff")
    assert user.is_staff and not user.has_usable_password()
    assert user.groups.filter(name=EDITOR).exists()
    [message] = mail.outbox
    assert message.to == ["new@example.org"]
    assert "Your username is newstaff" in message.body
    assert "/invitation/" in link_in(message)


def test_an_invitation_needs_an_email_address(administrator):
    response = invite(administrator, email="")
    assert response.status_code == 200
    assert mail.outbox == []


def test_the_whole_way_in_from_the_invitation(administrator):
    invite(administrator)
    link = link_in(mail.outbox[0])
    client = Client()
    choose = client.get(path_of(link))
    assert choose.status_code == 302
    page = client.get(choose["Location"])
    assert "Choose your password" in page.content.decode()
    done = client.post(choose["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done["Location"] == reverse("two_factor:setup")

    setup = reverse("two_factor:setup")
    welcome = client.get(setup).content.decode()
    assert "Set up two-factor sign-in" in welcome and "next level" not in welcome
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    key = response.context["secret_key"]
    code = f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"
    response = client.post(setup, {"setup_view-current_step": "generator", "generator-token": code})
    assert response["Location"] == reverse("two_factor:setup_complete")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_invitation_link_works_once():
    user = make_staff(EDITOR)
    from accounts.invitations import invitation_link

    link = invitation_link(user)
    accept_invitation(Client(), user)
    again = Client().get(path_of(link), follow=True)
    assert "This invitation link no longer works" in again.content.decode()


def test_a_weak_password_is_refused_on_the_invitation_page():
    user = make_staff(EDITOR)
    from accounts.invitations import invitation_link

    client = Client()
    choose = client.get(path_of(invitation_link(user)))
    response = client.post(choose["Location"], {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_new_invitation_can_be_sent_from_the_list_of_staff(administrator):
    user = make_staff(EDITOR, username="forgot")
    response = administrator.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_new_invitation", "_selected_action": [user.pk]},
        follow=True,
    )
    assert "Invitation sent to forgot@example.org" in response.content.decode()
    assert mail.outbox[0].to == ["forgot@example.org"]


def test_the_first_administrator_gets_a_link_to_set_up_two_factor(monkeypatch):
    for name, value in {
        "DJANGO_SUPERUSER_USERNAME": "firstadmin",
        "DJANGO_SUPERUSER_EMAIL": "first@example.org",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    call_command("create_first_admin", stdout=out)
    assert "/invitation/" in out.getvalue()


# --- one wrong code is a moment's wait, not a lock ----------------------------------------


@pytest.mark.usefixtures("axes_on")
def test_one_wrong_code_does_not_block_the_right_one_that_follows():
    from axes.models import AccessAttempt

    user = make_staff(EDITOR)
    device = add_authenticator(user)
    client = Client()
    sign_in_with_password(client, user)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    enter_code(client, wrong)
    # A person takes longer than the first back-off (one second) to type the next code.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=2)
    )
    device.refresh_from_db()
    assert enter_code(client, current_code(device)).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert not AccessAttempt.objects.exists()  # a wrong code never counts towards lockout


def test_the_back_off_after_wrong_codes_stays_short(settings):
    # django-otp waits factor * 2 ** (failures - 1) seconds; five typos in a row: 16 seconds.
    assert settings.OTP_TOTP_THROTTLE_FACTOR * 2 ** (5 - 1) <= 16


# --- plain words and the admin's look -------------------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("two_factor:login", "Enter your username and password."),
        ("two_factor:profile", "Backup codes"),
        ("two_factor:backup_tokens", "Each code works once."),
    ],
)
def test_sign_in_pages_use_plain_words_and_the_admins_look(url_name, expected):
    client = Client()
    if url_name != "two_factor:login":
        client = verified_client(make_staff(EDITOR))
    html = client.get(reverse(url_name)).content.decode()
    assert expected in html
    assert "admin/css/base.css" in html
    for jargon in ("next level", "Backup Phone", "backup phone", "Backup Tokens", "Login<"):
        assert jargon not in html


def test_admin_labels_read_well(administrator):
    html = administrator.get(reverse("admin:index")).content.decode()
    for label in ("Sign-in lockouts", "Authenticator apps", "Backup codes", "Staff and roles"):
        assert label in html
    for bad in ("hourss", ">Axes<", "Otp_static", "Otp_totp", "TOTP devices", "Static devices"):
        assert bad not in html
    assert HoursException._meta.verbose_name_plural == "dated changes to hours"
