"""Outgoing email from the environment: DJANGO_EMAIL_URL, or Django's standard variables;
production never falls back to the console, so approvers are really told."""

import json
import os
import subprocess
import sys

import pytest

from .test_settings import BASE_ENV, _without_our_settings

EMAIL_KEYS = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS")
SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def email_settings_in(settings_module, env):
    clean = {
        k: v for k, v in _without_our_settings(os.environ).items() if not k.startswith("EMAIL_")
    }
    clean |= BASE_ENV | env | {"DJANGO_SETTINGS_MODULE": settings_module}
    keys = ", ".join(repr(key) for key in EMAIL_KEYS)
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in ({keys},)}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_an_email_url_sets_the_smtp_server():
    found = email_settings_in(
        "stalkinghelp.settings.production",
        {"DJANGO_EMAIL_URL": "submission://comms:secret@mail.example.org"},
    )
    assert found == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "comms",
        "EMAIL_USE_TLS": True,
    }


def test_the_standard_variables_work_without_a_url():
    found = email_settings_in(
        "stalkinghelp.settings.production",
        {"EMAIL_HOST": "relay.example.org", "EMAIL_PORT": "25", "EMAIL_USE_TLS": "0"},
    )
    assert found["EMAIL_BACKEND"] == SMTP
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"], found["EMAIL_USE_TLS"]) == (
        "relay.example.org",
        25,
        False,
    )


@pytest.mark.parametrize(
    ("settings_module", "backend"),
    [("stalkinghelp.settings.dev", CONSOLE), ("stalkinghelp.settings.production", SMTP)],
)
def test_with_nothing_set_dev_prints_emails_and_production_sends_them(settings_module, backend):
    assert email_settings_in(settings_module, {})["EMAIL_BACKEND"] == backend
