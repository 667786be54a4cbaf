"""Public pages are cached on the server; any change in the admin shows on the very next request."""

import socket

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from content.models import Page
from stalkinghelp import page_cache
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.served.production import redis_database

from .admin_changes import change_main_number_in_admin, verified_superuser_client

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.ADMIN_PATH
HELPLINE = "national-stalking-helpline"
OLD_NUMBER = "0808 802 0300"
NEW_NUMBER = "0808 802 0301"
ANSWERS = NOT_IN_DANGER_SOMEONE_KNOWN
# Pages that show the helpline's number: its own page, a page inserting it by token,
# and any page at all (the footer).
PAGES_WITH_THE_HELPLINE = [f"/services/{HELPLINE}/", "/what-is-stalking/", "/"]


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def _request_for(path):
    return RequestFactory().get(path)


@pytest.mark.parametrize(
    "path", ["/", "/what-is-stalking/", "/services/", f"/services/{HELPLINE}/"]
)
def test_a_second_visit_is_served_from_the_cache_without_queries(client, starter_data, path):
    assert _queries(client, path) > 0
    assert _queries(client, path) == 0


@pytest.mark.parametrize("path", PAGES_WITH_THE_HELPLINE)
def test_a_number_changed_in_admin_shows_on_the_very_next_request(starter_data, path):
    visitor = Client()
    assert OLD_NUMBER in visitor.get(path).content.decode()
    assert _queries(visitor, path) == 0  # cached

    change_main_number_in_admin(verified_superuser_client(), HELPLINE, NEW_NUMBER)

    html = visitor.get(path).content.decode()
    assert NEW_NUMBER in html
    assert OLD_NUMBER not in html


def test_publishing_a_page_shows_it_on_the_next_request(client, starter_data):
    assert client.get("/awareness-week/").status_code == 404
    Page.objects.create(
        title="Awareness week", slug="awareness-week", summary="s", body="<p>b</p>",
        status=Page.Status.PUBLISHED, show_on_home=True,
    )  # fmt: skip
    client.get("/")  # cached before the edit below
    page = Page.objects.get(slug="awareness-week")
    page.title = "Awareness week 2025"
    page.save()
    assert client.get("/awareness-week/").status_code == 200
    assert "Awareness week 2025" in client.get("/").content.decode()


def test_results_page_is_never_cached(client, starter_data):
    for _ in range(2):
        response = client.post("/get-help/", ANSWERS)
        assert "<title>Who can help" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
        assert "ETag" not in response
    # Nothing was stored under the help-finder's address, and a plain visit gets the form.
    assert caches["default"].get(page_cache.page_key(_request_for("/get-help/"))) is None
    form = client.get("/get-help/").content.decode()
    assert "Show who can help" in form
    assert "<title>Who can help" not in form


def test_admin_pages_are_never_cached(starter_data):
    staff = verified_superuser_client()
    staff.get(ADMIN)
    with CaptureQueriesContext(connection) as queries:
        response = staff.get(ADMIN)
    assert response.status_code == 200
    assert len(queries) > 0
    assert "no-store" in response["Cache-Control"]


def test_public_pages_answer_304_until_they_change(client, starter_data):
    path = f"/services/{HELPLINE}/"
    first = client.get(path)
    etag = first["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Browsers send back the weak form they were given with gzip.
    weak = client.get(path, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert weak.startswith("W/")
    assert client.get(path, HTTP_IF_NONE_MATCH=weak).status_code == 304

    change_main_number_in_admin(verified_superuser_client(), HELPLINE, NEW_NUMBER)

    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert NEW_NUMBER in changed.content.decode()


def test_pages_are_compressed_as_served(client, starter_data):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_a_304_keeps_the_public_cache_rule(client, starter_data):
    etag = client.get("/").headers["ETag"]
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert "public" in response["Cache-Control"]


def _redis_reachable(host="127.0.0.1", port=6379):
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


REDIS_URL = f"redis://127.0.0.1:6379/{redis_database(0)}"


@pytest.fixture
def redis_cache():
    if not _redis_reachable():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": redis}):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_with_redis_a_number_changed_in_admin_shows_on_the_very_next_request(
    redis_cache, starter_data
):
    path = f"/services/{HELPLINE}/"
    visitor = Client()
    assert OLD_NUMBER in visitor.get(path).content.decode()
    assert _queries(visitor, path) == 0
    assert redis_cache.get(page_cache.page_key(_request_for(path))) is not None

    change_main_number_in_admin(verified_superuser_client(), HELPLINE, NEW_NUMBER)

    assert NEW_NUMBER in visitor.get(path).content.decode()


def test_a_cached_page_is_served_as_sent_for_each_encoding(starter_data):
    gzip_client = Client(HTTP_ACCEPT_ENCODING="gzip, br")
    plain_client = Client()
    first_gzip = gzip_client.get("/what-is-stalking/")
    first_plain = plain_client.get("/what-is-stalking/")
    assert first_gzip["Content-Encoding"] == "gzip"
    assert not first_plain.has_header("Content-Encoding")
    with CaptureQueriesContext(connection) as queries:
        again_gzip = gzip_client.get("/what-is-stalking/")
        again_plain = plain_client.get("/what-is-stalking/")
    assert len(queries) == 0  # both from the cache
    assert again_gzip.content == first_gzip.content
    assert again_gzip["Content-Encoding"] == "gzip"
    assert again_plain.content == first_plain.content
    assert not again_plain.has_header("Content-Encoding")
    # Headers added outside the cache are on every copy served.
    for response in (again_gzip, again_plain):
        assert response["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_cached_copy_answers_if_none_match_with_304(starter_data):
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    etag = client.get("/what-is-stalking/")["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/what-is-stalking/", HTTP_IF_NONE_MATCH=etag)
    assert len(queries) == 0
    assert response.status_code == 304


def test_a_public_request_never_gets_a_session_or_a_user(rf, starter_data):
    from stalkinghelp.staff_middleware import StaffAuthenticationMiddleware, StaffSessionMiddleware

    seen = {}

    def view(request):
        seen["session"] = hasattr(request, "session")
        seen["user"] = hasattr(request, "user")
        from django.http import HttpResponse

        return HttpResponse("ok")

    handler = StaffSessionMiddleware(StaffAuthenticationMiddleware(view))
    handler(rf.get("/what-is-stalking/"))
    assert seen == {"session": False, "user": False}
    handler(rf.get(ADMIN + "login/"))
    assert seen == {"session": True, "user": True}
