"""Signing in to the admin in a real browser: the whole way, password and code."""

import pytest
from django.urls import reverse
from django_otp.oath import totp

from accounts.roles import PUBLISHER

from .factories import PASSWORD, add_authenticator, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_sign_in_with_password_and_code_reaches_the_dashboard(live_server, desktop_page):
    user = make_staff(PUBLISHER)
    device = add_authenticator(user)
    page = desktop_page
    page.goto(live_server.url + reverse("admin:index"))
    page.fill("#id_auth-username", user.username)
    page.fill("#id_auth-password", PASSWORD)
    page.click("button[type=submit]:has-text('Next')")
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    page.fill("#id_token-otp_token", code)
    page.click("button[type=submit]:has-text('Next')")
    page.wait_for_selector("#review-dashboard")
    assert page.url == live_server.url + reverse("admin:index")
    for cookie in page.context.cookies():
        assert cookie["path"] == reverse("admin:index")


def test_admin_pages_send_a_same_origin_referrer_policy(client):
    # no-referrer would make browsers post Origin: null, which the CSRF check refuses
    # (stalkinghelp.middleware sets same-origin under the admin path).
    response = client.get(reverse("two_factor:login"))
    assert response["Referrer-Policy"] == "same-origin"
    assert client.get("/")["Referrer-Policy"] == "no-referrer"
