"""The front proxy's configuration (deploy/nginx.conf.template), run in a real nginx.

In front of a stand-in app server that echoes what reached it, so each test sees what
nginx passes on, refuses or answers itself. The served site is tested whole in
test_served_production.py.
"""

import gzip
import json
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory, override_settings

from accounts.client_ip import client_ip
from signposting.models import Contact
from stalkinghelp import front_proxy
from tests.served.echo_server import EchoServer
from tests.served.folders import shared_folder
from tests.served.http import Client
from tests.served.nginx import Nginx
from tests.served.ports import free_port

# The proxy's pages are built from the database once for the module (see `pages`).
pytestmark = pytest.mark.django_db

HASHED_CSS = "dist/site.0123456789ab.css"
PLAIN_SVG = "img/mark.svg"
CSS = b"body { color: #0b0c0c; }\n" * 200


def assert_shows_emergency_help(html):
    assert 'href="tel:999"' in html
    assert "then press 55" in html
    assert "National Stalking Helpline" in html
    assert "Quick exit" in html


def _static_root(folder):
    (folder / "dist").mkdir(parents=True)
    (folder / "img").mkdir()
    (folder / HASHED_CSS).write_bytes(CSS)
    (folder / (HASHED_CSS + ".gz")).write_bytes(gzip.compress(CSS))
    (folder / PLAIN_SVG).write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (folder / "staticfiles.json").write_text('{"paths": {}}')
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """The proxy's own pages, built from the starter directory."""
    with shared_folder("pages") as folder, django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_starter_data", verbosity=0)
            call_command("build_emergency_pages", folder, verbosity=0)
            transaction.set_rollback(True)
        yield folder


@pytest.fixture(scope="module")
def proxies(nginx_installed, pages):
    """nginx in front of the echoing app, and nginx in front of nothing at all."""
    with (
        shared_folder("proxy") as folder,
        EchoServer(free_port()) as app,
        override_settings(STATIC_ROOT=str(_static_root(folder / "static"))),
    ):
        in_front = Nginx(folder / "run", free_port(), [app.address], pages)
        alone = Nginx(folder / "run-alone", free_port(), [f"127.0.0.1:{free_port()}"], pages)
        try:
            yield in_front.start(), alone.start(), app
        finally:
            in_front.stop()
            alone.stop()


@pytest.fixture
def proxy(proxies):
    return proxies[0]


@pytest.fixture
def app(proxies):
    return proxies[2]


@pytest.fixture
def proxy_without_app(proxies):
    return proxies[1]


def wait_until_logged(served, text, seconds=5):
    deadline = time.monotonic() + seconds
    while text not in served.access_log():
        assert time.monotonic() < deadline, f"{text} not logged within {seconds} s"
        time.sleep(0.1)


def echoed(response):
    assert response.status_code == 200, response.text[:300]
    return json.loads(response.content)


# --- the configuration ---------------------------------------------------------------


def test_a_placeholder_without_a_value_is_refused():
    with pytest.raises(ImproperlyConfigured, match="LISTEN"):
        front_proxy.render("listen ${LISTEN}; root $document_root;", {})


def test_nginx_variables_are_left_to_nginx():
    assert front_proxy.render("${A} $remote_addr ${request_time}", {"A": "x"}) == (
        "x $remote_addr ${request_time}"
    )


def test_the_body_limit_is_the_sites(proxy):
    assert "client_max_body_size 64k;" in proxy.config.read_text()


# --- what reaches the app ------------------------------------------------------------


def test_the_visitors_address_reaches_django_as_the_last_forwarded_entry(proxy):
    seen = echoed(Client(proxy.url).get("/", headers={"X-Forwarded-For": "203.0.113.9"}))
    headers = seen["headers"]
    assert headers["x-real-ip"] == "127.0.0.1"
    assert headers["x-forwarded-for"] == "203.0.113.9, 127.0.0.1"
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=headers["x-forwarded-for"]
    )
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "127.0.0.1"  # not the address the client claimed


def test_the_host_with_its_port_reaches_django(proxy):
    seen = echoed(Client(proxy.url).get("/"))
    assert seen["headers"]["host"] == f"127.0.0.1:{proxy.port}"
    assert seen["headers"]["x-forwarded-proto"] == "http"


# --- what the proxy refuses itself, each with the numbers ----------------------------


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_body_over_64kb_is_refused_before_the_app_with_the_numbers(proxy, app, chunked):
    body = b"q=" + b"x" * (64 * 1024)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if chunked:
        body = iter([body[:40_000], body[40_000:]])  # http.client sends each as a chunk
    before = len(app.received)
    response = Client(proxy.url).request("POST", "/get-help/", body=body, headers=headers)
    assert response.status_code == 413
    assert "too much to send" in response.text
    assert_shows_emergency_help(response.text)
    assert len(app.received) == before


def test_a_chunked_body_under_the_limit_reaches_the_app_with_a_length(proxy):
    body = iter([b"a" * 1000, b"b" * 1000])  # no length given: http.client sends it chunked
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    seen = echoed(Client(proxy.url).request("POST", "/get-help/", body=body, headers=headers))
    assert seen["body_length"] == 2000
    assert seen["headers"]["content-length"] == "2000"


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/", {"X-Long": "a" * 5000}, 400),
        ("/" + "a" * 5000, {}, 414),
    ],
    ids=["header-line", "request-line"],
)
def test_oversized_headers_are_refused_with_the_numbers(proxy, path, headers, status):
    response = Client(proxy.url).get(path, headers=headers)
    assert response.status_code == status
    assert_shows_emergency_help(response.text)


# --- static files --------------------------------------------------------------------


def test_a_hashed_file_is_served_precompressed_and_immutable(proxy):
    response = Client(proxy.url).get(f"/static/{HASHED_CSS}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == CSS
    assert response["Vary"] == "Accept-Encoding"
    assert response["Cache-Control"] == "public, max-age=315360000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_client_that_does_not_accept_gzip_gets_the_plain_file(proxy):
    response = Client(proxy.url).get(f"/static/{HASHED_CSS}")
    assert response["Content-Encoding"] is None
    assert response.content == CSS


def test_an_unhashed_file_is_cached_for_a_year(proxy):
    response = Client(proxy.url).get(f"/static/{PLAIN_SVG}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000"


@pytest.mark.parametrize("path", ["/static/staticfiles.json", "/static/dist/missing.css"])
def test_the_manifest_and_missing_files_get_the_not_found_page(proxy, app, path):
    before = len(app.received)
    response = Client(proxy.url).get(path)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert_shows_emergency_help(response.text)
    assert len(app.received) == before


# --- no app server -------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST", "HEAD"])
def test_with_no_app_server_every_request_gets_the_emergency_page(proxy_without_app, method):
    response = Client(proxy_without_app.url).request(
        method, "/services/?q=secret-query", body=b"q=secret-body" if method == "POST" else None
    )
    assert response.status_code == 502
    assert response["Cache-Control"] == "no-store"
    assert response["Retry-After"] == "60"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    if method != "HEAD":
        assert "not available right now" in response.text
        assert_shows_emergency_help(response.text)


def test_nothing_a_visitor_sent_beyond_the_path_is_logged(proxy, proxy_without_app):
    secrets = {"Referer": "https://elsewhere.example/secret-ref", "User-Agent": "secret-ua"}
    for served in (proxy, proxy_without_app):
        client = Client(served.url)
        client.get("/search/?q=secret-query", headers=secrets)
        client.post("/get-help/?secret-arg", b"danger=secret-body", headers=secrets)
        client.post("/get-help/", b"q=" + b"x" * 70_000)  # refused: 413
    for served in (proxy, proxy_without_app):
        # A refused body's line is written once nginx has closed the connection.
        wait_until_logged(served, '"POST /get-help/" 413')
        logged = served.access_log() + served.stderr()
        assert '"GET /search/" ' in logged
        for secret in ("secret-query", "secret-ref", "secret-ua", "secret-arg", "secret-body"):
            assert secret not in logged
    assert '"POST /get-help/" 502' in proxy_without_app.access_log()


# --- the pages it serves --------------------------------------------------------------


def test_the_emergency_page_takes_its_numbers_from_the_directory(starter_data, tmp_path):
    helpline = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    helpline.value = "0808 157 0123"  # Ofcom's range for drama: never a real line
    helpline.save()
    call_command("build_emergency_pages", tmp_path, verbosity=0)
    html = (tmp_path / "emergency.html").read_text()
    assert 'href="tel:+448081570123"' in html
    assert "0808 802 0300" not in html
    assert_shows_emergency_help(html)


def test_the_pages_are_not_built_from_an_empty_directory(tmp_path):
    with pytest.raises(CommandError, match="no verified phone number"):
        call_command("build_emergency_pages", tmp_path, verbosity=0)
    assert not (tmp_path / "emergency.html").exists()
