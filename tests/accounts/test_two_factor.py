"""Signing in: password, then a second factor; nothing less reaches the admin."""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import PUBLISHER

from .factories import PASSWORD, accept_invitation, add_authenticator, make_staff

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def sign_in_with_password(client, user):
    return client.post(
        reverse("two_factor:login"),
        {
            "login_view-current_step": "auth",
            "auth-username": user.username,
            "auth-password": PASSWORD,
        },
    )


def enter_code(client, code, step="token"):
    return client.post(
        reverse("two_factor:login"),
        {"login_view-current_step": step, f"{step}-otp_token": code},
    )


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def landing_path(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.request["PATH_INFO"]


def test_admin_sends_a_signed_out_visitor_to_the_two_factor_sign_in():
    assert landing_path(Client(), reverse("admin:index")) == reverse("two_factor:login")


def test_password_alone_does_not_open_the_admin():
    user = make_staff(PUBLISHER)
    add_authenticator(user)
    client = Client()
    response = sign_in_with_password(client, user)
    assert response.status_code == 200  # the wizard now asks for the code
    assert "token-otp_token" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_session_signed_in_without_the_second_factor_is_refused():
    user = make_staff(PUBLISHER)
    add_authenticator(user)
    client = Client()
    client.force_login(user)  # as if the password step had been enough
    assert landing_path(client, reverse("admin:index")) == reverse("two_factor:login")
    assert client.get(reverse("admin:content_page_changelist")).status_code == 302


def test_password_and_authenticator_code_open_the_admin():
    user = make_staff(PUBLISHER)
    device = add_authenticator(user)
    client = Client()
    sign_in_with_password(client, user)
    response = enter_code(client, current_code(device))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_is_refused():
    user = make_staff(PUBLISHER)
    device = add_authenticator(user)
    client = Client()
    sign_in_with_password(client, user)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = enter_code(client, wrong)
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_backup_code_opens_the_admin_once():
    user = make_staff(PUBLISHER)
    add_authenticator(user)
    backup = StaticDevice.objects.create(user=user, name="backup")
    backup.token_set.create(token="abcd2345")
    client = Client()
    sign_in_with_password(client, user)
    client.post(reverse("two_factor:login"), {"wizard_goto_step": "backup"})
    enter_code(client, "abcd2345", step="backup")
    assert client.get(reverse("admin:index")).status_code == 200
    assert not backup.token_set.exists()  # used up


def test_staff_without_an_authenticator_are_told_to_use_their_invitation():
    user = make_staff(PUBLISHER)
    client = Client()
    sign_in_with_password(client, user)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.request["PATH_INFO"] == reverse("two_factor:setup")
    assert response.status_code == 403
    assert "Use the link in your invitation email" in response.content.decode()


def test_a_password_alone_cannot_enrol_an_authenticator():
    user = make_staff(PUBLISHER)
    client = Client()
    sign_in_with_password(client, user)
    setup = reverse("two_factor:setup")
    assert client.post(setup, {"setup_view-current_step": "welcome"}).status_code == 403
    response = client.post(
        setup, {"setup_view-current_step": "generator", "generator-token": "123456"}
    )
    assert response.status_code == 403
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get(reverse("admin:index")).status_code == 302


@override_settings(ADMIN_REQUIRE_2FA=False)
def test_with_two_factor_switched_off_a_password_is_enough():
    user = make_staff(PUBLISHER)
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_sign_in_cookies_are_scoped_to_the_admin_path():
    user = make_staff(PUBLISHER)
    add_authenticator(user)
    client = Client()
    client.get(reverse("two_factor:login"))
    sign_in_with_password(client, user)
    admin_path = reverse("admin:index")
    assert client.cookies  # the sign-in did set cookies...
    for cookie in client.cookies.values():
        assert cookie["path"] == admin_path  # ...only for the admin's path


def _settings_in_subprocess(module, env, expression):
    """Import a settings module afresh, with a given environment, and evaluate in Django."""
    code = (
        "import django, json; django.setup(); from django.conf import settings;"
        "from django.urls import reverse; print(json.dumps(" + expression + "))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean | {"DJANGO_SETTINGS_MODULE": module} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 60,
    "DJANGO_ALLOWED_HOSTS": "stalkinghelp.example",
    "DJANGO_ADMIN_PATH": "staff-7f3a",
    "SITE_URL": "https://stalkinghelp.example",
}


def test_production_requires_two_factor_whatever_the_environment_says():
    env = PRODUCTION_ENV | {"DJANGO_ADMIN_REQUIRE_2FA": "0"}
    assert _settings_in_subprocess(
        "stalkinghelp.settings.production", env, "settings.ADMIN_REQUIRE_2FA"
    )


@pytest.mark.parametrize(("value", "required"), [("0", False), ("1", True)])
def test_only_dev_settings_can_switch_two_factor_off(value, required):
    env = {"DJANGO_ADMIN_REQUIRE_2FA": value}
    result = _settings_in_subprocess("stalkinghelp.settings.dev", env, "settings.ADMIN_REQUIRE_2FA")
    assert result is required


def test_admin_and_sign_in_live_at_the_path_from_the_environment():
    paths = _settings_in_subprocess(
        "stalkinghelp.settings.production",
        PRODUCTION_ENV,
        "[reverse('admin:index'), reverse('two_factor:login'), reverse('two_factor:setup'),"
        " settings.SESSION_COOKIE_PATH, settings.CSRF_COOKIE_PATH]",
    )
    assert paths[0] == "/staff-7f3a/"
    assert all(path.startswith("/staff-7f3a/") for path in paths)


def test_production_refuses_to_start_without_an_admin_path():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_ADMIN_PATH"}
    with pytest.raises(subprocess.CalledProcessError) as failure:
        _settings_in_subprocess("stalkinghelp.settings.production", env, "1")
    assert "DJANGO_ADMIN_PATH" in failure.value.stderr


def test_new_staff_set_up_an_authenticator_then_make_backup_codes():
    user = make_staff(PUBLISHER)
    client = Client()
    accept_invitation(client, user)
    setup = reverse("two_factor:setup")
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    assert response.context["wizard"]["steps"].current == "generator"
    html = response.content.decode()
    assert reverse("two_factor:qr") in html
    key = base64.b32decode(
        response.context["secret_key"] + "=" * (-len(response.context["secret_key"]) % 8)
    )
    code = f"{totp(key):06d}"
    response = client.post(setup, {"setup_view-current_step": "generator", "generator-token": code})
    assert response["Location"] == reverse("two_factor:setup_complete")
    assert client.get(reverse("admin:index")).status_code == 200

    client.post(reverse("two_factor:backup_tokens"))
    assert StaticDevice.objects.get(user=user).token_set.count() == 10


@pytest.mark.parametrize("url_name", ["two_factor:login", "two_factor:setup", "two_factor:profile"])
def test_sign_in_pages_load_nothing_from_other_sites(url_name):
    user = make_staff(PUBLISHER)
    client = Client()
    if url_name != "two_factor:login":
        accept_invitation(client, user)
    html = client.get(reverse(url_name), follow=True).content.decode()
    assert "//cdnjs" not in html and "bootstrap" not in html
    assert "Stalking Help: staff" in html


def test_staff_sessions_end_after_a_working_day_and_when_the_browser_closes(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_staff_passwords_must_be_strong():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("short", "password123456", "123456789012345"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a long and unusual passphrase 7")
