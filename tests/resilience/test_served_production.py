"""The site as `make serve-production` serves it, nginx in front of gunicorn, under attack.

Real nginx, real gunicorn (gthread, 2 workers), production settings, loopback only.
"""

import os
import subprocess
import time

import pytest

from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.public_urls import public_paths
from tests.served.folders import shared_folder
from tests.served.http import Client
from tests.served.production import (
    ROOT,
    empty_redis,
    production_environment,
    serving,
)
from tests.served.slow_clients import SlowClients

pytestmark = pytest.mark.usefixtures("nginx_installed")

SLOW_CLIENTS = 200
ATTACK_SECONDS = 30
NORMAL_ANSWER_SECONDS = 2
NORMAL_REQUESTS = [
    ("GET", "/"),
    ("GET", "/get-help/"),
    ("POST", "/get-help/"),
    ("GET", "/what-is-stalking/"),
    ("GET", "/services/"),
    ("GET", "/healthz"),
]


@pytest.fixture(scope="module")
def site(production_static_root):
    with shared_folder("served") as folder:
        env = production_environment(
            f"sqlite:///{folder / 'site.sqlite3'}",
            production_static_root,
            DJANGO_CACHE_URL=empty_redis(2),
        )
        with serving(env, folder / "run") as served:
            yield served


def assert_shows_emergency_help(html, where):
    assert 'href="tel:999"' in html, where
    assert "then press 55" in html, where
    assert "National Stalking Helpline" in html, where
    assert "0808 802 0300" in html, where
    assert "Quick exit" in html, where


def test_make_serve_production_refuses_without_the_required_variables():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "SITE_URL"}
    result = subprocess.run(
        ["make", "--no-print-directory", "serve-production"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_ADMIN_PATH", "SITE_URL"):
        assert name in result.stderr


def test_normal_visitors_are_answered_within_2s_while_200_clients_are_slow(site):
    visitor = Client(site.url, timeout=10)
    answered = []
    with SlowClients("127.0.0.1", site.proxy_port, SLOW_CLIENTS) as slow:
        time.sleep(3)  # every slow client connected and under way
        deadline = time.monotonic() + ATTACK_SECONDS
        while time.monotonic() < deadline:
            for method, path in NORMAL_REQUESTS:
                if method == "POST":
                    response = visitor.post(path, NOT_IN_DANGER_SOMEONE_KNOWN)
                else:
                    response = visitor.get(path)
                answered.append((method, path, response.status_code, round(response.seconds, 2)))
            time.sleep(0.2)
        figures = slow.figures
    too_slow = [a for a in answered if a[2] != 200 or a[3] > NORMAL_ANSWER_SECONDS]
    assert not too_slow, too_slow
    assert len(answered) >= 30
    # The attack was real: nearly every slow client was connected at once...
    assert figures.most_open >= SLOW_CLIENTS * 0.9, figures
    # ...and nginx cut off those sending their header slowly, inside client_header_timeout
    # (10 s) plus one of their 2 s pauses, while slow bodies and readers were still held.
    header_lifetimes = figures.lifetimes["header"]
    assert header_lifetimes and max(header_lifetimes) < 14, figures
    assert "WORKER TIMEOUT" not in site.log()


def test_the_proxy_logs_the_path_only(site):
    visitor = Client(site.url)
    secret_headers = {"Referer": "https://referrer.example/secret-ref", "User-Agent": "secret-ua"}
    visitor.get("/search/?q=secret-search", headers=secret_headers)
    visitor.post("/get-help/?from=secret-query", NOT_IN_DANGER_SOMEONE_KNOWN)
    time.sleep(0.5)  # nginx writes its log line after the response
    logged = site.access_log()
    assert '"GET /search/"' in logged
    assert '"POST /get-help/"' in logged
    for text in (logged, site.log()):
        for secret in ("secret-search", "secret-ref", "secret-ua", "secret-query", "partner"):
            assert secret not in text


def test_with_gunicorn_stopped_every_public_url_answers_the_emergency_page(site):
    visitor = Client(site.url)
    paths = public_paths(visitor)
    assert len(paths) > 20  # the sitemap was read
    stylesheet = next(
        line.split('href="')[1].split('"')[0]
        for line in visitor.get("/").text.splitlines()
        if 'rel="stylesheet"' in line
    )
    site.stop_gunicorn()
    for path in paths:
        response = visitor.get(path)
        assert response.status_code == 502, path
        assert response["Cache-Control"] == "no-store", path
        assert response["Retry-After"], path
        assert_shows_emergency_help(response.text, path)
    response = visitor.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN)
    assert response.status_code == 502
    assert_shows_emergency_help(response.text, "POST /get-help/")
    # The page's own stylesheet still loads: nginx serves /static/ without the app.
    assert visitor.get(stylesheet).status_code == 200
