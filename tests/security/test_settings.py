"""Production refuses to start without the values it must never guess."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "stalkinghelp.settings.production",
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "stalkinghelp.example",
    "DJANGO_ADMIN_PATH": "staff-area",
    "SITE_URL": "https://stalkinghelp.example",
}


def _without_our_settings(environ):
    return {k: v for k, v in environ.items() if not k.startswith("DJANGO_") and k != "SITE_URL"}


def start_django(env):
    clean = _without_our_settings(os.environ)
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.conf import settings; print(settings.ADMIN_PATH)",
        ],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_all_required_values():
    result = start_django(BASE_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "staff-area/"


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_ADMIN_PATH", "SITE_URL"]
)
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in BASE_ENV.items() if k != missing}
    result = start_django(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize(
    "site_url", ["stalkinghelp.example", "https://", "ftp://stalkinghelp.example"]
)
def test_production_refuses_a_site_url_that_is_not_a_web_address(site_url):
    result = start_django({**BASE_ENV, "SITE_URL": site_url})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_production_cookies_are_secure_and_hsts_is_on():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, "
        "s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_SAMESITE)"
    )
    clean = _without_our_settings(os.environ)
    clean.update(BASE_ENV)
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "/staff-area/", "Strict"]
