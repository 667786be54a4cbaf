"""Safety rules 1 and 2 for every public URL: no cookies, strict headers, cache rules."""

import pytest
from django.conf import settings

from tests.public_urls import public_paths

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value.strip()
    return directives


@pytest.fixture
def every_public_response(client, starter_data):
    return [(path, client.get(path)) for path in public_paths(client)]


def test_there_are_public_pages_to_check(every_public_response):
    assert len(every_public_response) >= 4


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(every_public_response):
    for path, response in every_public_response:
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path
        assert "cookie" not in response.headers.get("Vary", "").lower(), path


def test_public_pages_send_the_content_security_policy(every_public_response):
    for path, response in every_public_response:
        if path.startswith("/embed/"):
            continue  # the embeddable widget opens frame-ancestors, tested on its own
        assert parse_csp(response["Content-Security-Policy"]) == EXPECTED_CSP, path


def test_public_pages_send_the_privacy_headers(every_public_response):
    for path, response in every_public_response:
        assert response["Referrer-Policy"] == "no-referrer", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        policy = response["Permissions-Policy"]
        for feature in ("geolocation=()", "camera=()", "microphone=()"):
            assert feature in policy, path


def test_public_pages_are_publicly_cacheable_for_a_short_while(every_public_response):
    for path, response in every_public_response:
        if response.status_code != 200:
            continue
        cache_control = response["Cache-Control"]
        assert "public" in cache_control, path
        assert f"max-age={settings.PUBLIC_CACHE_MAX_AGE}" in cache_control, path
        assert settings.PUBLIC_CACHE_MAX_AGE <= 600


def test_a_cookie_set_by_a_public_view_is_stripped(rf):
    from django.http import HttpResponse

    from stalkinghelp.middleware import PublicPrivacyMiddleware

    def view(request):
        response = HttpResponse("ok")
        response.set_cookie("tracker", "1")
        response["Vary"] = "Cookie, Accept-Encoding"
        return response

    response = PublicPrivacyMiddleware(view)(rf.get("/some-page/"))
    assert not response.cookies
    assert response["Vary"] == "Accept-Encoding"


def test_a_post_to_a_public_path_is_never_stored(rf):
    from django.http import HttpResponse

    from stalkinghelp.middleware import PublicPrivacyMiddleware

    response = PublicPrivacyMiddleware(lambda request: HttpResponse("ok"))(rf.post("/anything/"))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_admin_cookies_are_scoped_to_the_admin_path(client):
    response = client.get(f"/{settings.ADMIN_PATH}login/")
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    cookie = response.cookies["csrftoken"]
    assert cookie["path"] == f"/{settings.ADMIN_PATH}"
    assert cookie["samesite"] == "Strict"
    assert cookie["httponly"]


@pytest.mark.django_db
def test_admin_pages_are_never_cached(client):
    response = client.get(f"/{settings.ADMIN_PATH}login/")
    assert "no-store" in response["Cache-Control"]


def test_session_and_csrf_cookie_paths_are_the_admin_path():
    assert settings.SESSION_COOKIE_PATH == "/" + settings.ADMIN_PATH
    assert settings.CSRF_COOKIE_PATH == "/" + settings.ADMIN_PATH


@pytest.mark.django_db
def test_no_page_links_to_another_origin_for_assets(client):
    html = client.get("/").content.decode()
    for marker in ('src="http', "src='http", 'href="//', "@import", "fonts.googleapis"):
        assert marker not in html


@pytest.mark.django_db
def test_admin_keeps_the_referrer_within_our_origin_so_csrf_origin_checks_pass(client):
    # Browsers send "Origin: null" on posts from a no-referrer page, which
    # Django's CSRF check rejects; the admin therefore uses same-origin.
    response = client.get(f"/{settings.ADMIN_PATH}login/")
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_pages_never_send_a_referrer(client):
    assert client.get("/")["Referrer-Policy"] == "no-referrer"
