"""Lockout after repeated failed sign-ins, per account and per address, with a cool-off."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from accounts.client_ip import client_ip
from accounts.roles import PUBLISHER, SITE_ADMINISTRATOR

from .factories import PASSWORD, make_staff, verified_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


def sign_in(username, password, address="192.0.2.1"):
    client = Client(REMOTE_ADDR=address)
    return client.post(
        reverse("two_factor:login"),
        {"login_view-current_step": "auth", "auth-username": username, "auth-password": password},
    )


def fail(times, username="editor", address="192.0.2.1"):
    for _ in range(times):
        response = sign_in(username, "not the password", address)
        assert response.status_code in (200, 429)


def is_locked_out(response):
    return response.status_code == 429 and "Sign-in paused" in response.content.decode()


def test_the_right_password_is_refused_after_five_failures():
    user = make_staff(PUBLISHER, username="editor")
    fail(4)
    assert sign_in(user.username, PASSWORD).status_code == 302  # four is still allowed
    fail(5)
    assert is_locked_out(sign_in(user.username, PASSWORD))


def test_the_lockout_page_is_the_same_whether_or_not_the_account_exists():
    make_staff(PUBLISHER, username="real")
    fail(5, username="real", address="192.0.2.10")
    fail(5, username="made-up", address="192.0.2.20")
    real = sign_in("real", PASSWORD, "192.0.2.10")
    made_up = sign_in("made-up", PASSWORD, "192.0.2.20")
    assert is_locked_out(real) and is_locked_out(made_up)
    assert real.content == made_up.content
    assert b"real" not in real.content


def test_a_failed_sign_in_does_not_say_whether_the_account_exists():
    make_staff(PUBLISHER, username="real")
    real = sign_in("real", "wrong password").content.decode()
    made_up = sign_in("made-up", "wrong password", "192.0.2.99").content.decode()
    message = "Please enter a correct username and password"
    assert message in real and message in made_up


def test_one_address_trying_many_accounts_is_locked_out():
    user = make_staff(PUBLISHER, username="target")
    for n in range(5):
        fail(1, username=f"guess{n}", address="198.51.100.7")
    assert is_locked_out(sign_in(user.username, PASSWORD, "198.51.100.7"))
    assert sign_in(user.username, PASSWORD, "198.51.100.8").status_code == 302


def test_one_persons_typos_do_not_lock_out_others_behind_the_same_address():
    typist = make_staff(PUBLISHER, username="typist")
    colleague = make_staff(PUBLISHER, username="colleague")
    fail(5, username="typist", address="192.0.2.50")
    assert is_locked_out(sign_in(typist.username, PASSWORD, "192.0.2.50"))
    assert sign_in(colleague.username, PASSWORD, "192.0.2.50").status_code == 302


def test_nobody_elsewhere_can_lock_a_colleague_out_by_typing_their_username():
    user = make_staff(PUBLISHER, username="target")
    for n in range(5):
        fail(1, username="target", address=f"203.0.113.{n + 1}")
    fail(5, username="target", address="203.0.113.99")
    assert sign_in(user.username, PASSWORD, "192.0.2.1").status_code == 302


def test_the_lockout_is_by_the_pair_and_by_address_only_after_many_accounts(settings):
    from accounts.lockout import lockout_parameters

    request = RequestFactory().post("/")
    request.axes_ip_address = "198.51.100.30"
    assert lockout_parameters(request) == [["username", "ip_address"]]
    for n in range(settings.SIGN_IN_ACCOUNTS_PER_ADDRESS):
        fail(1, username=f"guess{n}", address="198.51.100.30")
    assert lockout_parameters(request) == [["username", "ip_address"], "ip_address"]


def test_the_lockout_lifts_after_the_cool_off(settings):
    user = make_staff(PUBLISHER, username="editor")
    fail(5)
    assert is_locked_out(sign_in(user.username, PASSWORD))
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(minutes=1)
    )
    assert sign_in(user.username, PASSWORD).status_code == 302


@pytest.mark.parametrize(("role", "status"), [(SITE_ADMINISTRATOR, 200), (PUBLISHER, 403)])
def test_site_administrators_can_see_and_lift_lockouts_in_the_admin(role, status):
    fail(5)
    client = verified_client(make_staff(role))
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == status


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "10.0.0.1"),  # no proxy of ours: the header is the client's own claim
        (1, "6.6.6.6, 192.0.2.5", "192.0.2.5"),  # a forged left-hand entry is ignored
        (2, "192.0.2.5, 10.0.0.9", "192.0.2.5"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_address_counted_is_the_one_our_proxies_saw(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected
