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


def _cache_backend(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    clean.update(env)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("cache_url", "backend"),
    [("", "FileBasedCache"), ("redis://cache:6379/0", "RedisCache")],
)
def test_production_uses_a_cache_every_worker_shares(cache_url, backend):
    result = _cache_backend(BASE_ENV | {"DJANGO_CACHE_URL": cache_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == backend


@pytest.mark.parametrize("workers", [None, "3"])
def test_production_refuses_a_per_process_cache_when_several_workers_may_serve(workers):
    env = BASE_ENV | {"DJANGO_CACHE_URL": "locmem://"}
    if workers:
        env["GUNICORN_WORKERS"] = workers
    result = _cache_backend(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set DJANGO_CACHE_URL=redis://" in result.stderr


def test_production_allows_a_per_process_cache_for_a_single_worker():
    result = _cache_backend(BASE_ENV | {"DJANGO_CACHE_URL": "locmem://", "GUNICORN_WORKERS": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LocMemCache"


def test_an_unknown_cache_url_is_refused_with_what_to_set():
    result = _cache_backend(BASE_ENV | {"DJANGO_CACHE_URL": "memcached://cache:11211"})
    assert result.returncode != 0
    assert "DJANGO_CACHE_URL must be redis://" in result.stderr
