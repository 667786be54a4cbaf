"""Error pages carry the emergency numbers; the health check tells the truth."""

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, RequestFactory

from content.models import Page
from stalkinghelp import views
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.resilience.database import database_unreachable

ADMIN = "/" + settings.ADMIN_PATH


def assert_has_emergency_help(html):
    assert 'href="tel:999"' in html
    assert "then press 55" in html
    assert "National Stalking Helpline" in html
    assert 'href="tel:+448088020300"' in html
    assert "data-quick-exit" in html


@pytest.mark.django_db
def test_404_page_has_the_emergency_strip_and_helpline(client):
    response = client.get("/this-page-does-not-exist/")
    assert response.status_code == 404
    assert_has_emergency_help(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("handler", "status"),
    [(views.bad_request, 400), (views.permission_denied, 403), (views.page_not_found, 404)],
)
def test_error_handlers_render_the_help(handler, status):
    response = handler(RequestFactory().get("/x/"), Exception("x"))
    assert response.status_code == status
    assert_has_emergency_help(response.content.decode())


def test_500_page_renders_without_touching_the_database():
    # No django_db mark: any database access here would raise.
    response = views.server_error(RequestFactory().get("/x/"))
    assert response.status_code == 500
    assert "no-store" in response["Cache-Control"]
    assert_has_emergency_help(response.content.decode())


@pytest.mark.django_db
def test_an_unhandled_error_gives_the_500_page(settings):
    settings.ROOT_URLCONF = "tests.security.failing_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert_has_emergency_help(response.content.decode())
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_an_unknown_host_gets_the_400_page_with_help_not_a_500():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert_has_emergency_help(response.content.decode())


def _gone(client):
    page = Page.objects.get(slug="what-is-stalking")
    page.status = Page.Status.DRAFT
    page.save()
    return client.get("/what-is-stalking/")


def _database_down(client):
    with database_unreachable():
        return client.get("/services/")


def _staff_form_without_csrf_token(client):
    staff = Client(enforce_csrf_checks=True, raise_request_exception=False)
    return staff.post(ADMIN + "account/login/", {"auth-username": "x", "auth-password": "y"})


# Every way a visitor (or a member of staff) can end up on an error page.
ERRORS = {
    "unknown host": (400, lambda c: c.get("/", HTTP_HOST="attacker.example")),
    "host with no real port": (400, lambda c: c.get("/", HTTP_HOST="127.0.0.1:70000")),
    "bad request raised by a view": (400, lambda c: c.get("/bad/")),
    "NUL in a search": (400, lambda c: c.post("/search/", {"q": "stalker\x00"})),
    "CSRF failure in the admin": (403, _staff_form_without_csrf_token),
    "permission denied": (403, lambda c: c.get("/forbidden/")),
    "no such page": (404, lambda c: c.get("/no-such-page/")),
    "POST to the home page": (405, lambda c: c.post("/")),
    "POST to a content page": (405, lambda c: c.post("/what-is-stalking/")),
    "PUT to the services": (405, lambda c: c.put("/services/")),
    "unpublished page": (410, _gone),
    "chunked body": (
        411,
        lambda c: c.post(
            "/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN, HTTP_TRANSFER_ENCODING="chunked"
        ),
    ),
    "body too big": (413, lambda c: c.post("/search/", {"q": "x" * 70_000})),
    "unhandled error": (500, lambda c: c.get("/boom/")),
    "database down": (503, _database_down),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", ERRORS)
def test_every_error_page_has_the_emergency_strip_and_the_security_headers(
    starter_data, settings, case
):
    settings.ROOT_URLCONF = "tests.security.failing_urls"
    status, make_request = ERRORS[case]
    response = make_request(Client(raise_request_exception=False))
    assert response.status_code == status
    html = response.content.decode()
    assert_has_emergency_help(html)
    assert "<h1" in html
    assert "Traceback" not in html
    assert "CSRF verification failed" not in html  # Django's own page
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


PUBLIC_PAGES_WITHOUT_A_FORM = [
    "/",
    "/services/",
    "/services/national-stalking-helpline/",
    "/what-is-stalking/",
    "/keeping-a-record/diary/",
    "/partners/",
    "/partners/poster/",
    "/embed/get-help/",
    "/sitemap.xml",
    "/robots.txt",
]  # open data (the feed, the API, the downloads) answers its 405 in JSON: stalkinghelp.open_data


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES_WITHOUT_A_FORM)
def test_a_post_to_a_public_page_that_takes_none_is_a_405_with_the_site_page(starter_data, path):
    # As a browser sends it: no CSRF cookie or token, and Django's check switched on.
    response = Client(enforce_csrf_checks=True).post(path, {"q": "x"})
    assert response.status_code == 405
    assert response["Allow"]
    html = response.content.decode()
    assert "Sorry, we could not do that" in html
    assert_has_emergency_help(html)
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "POST", "PUT"])
def test_healthz_refuses_other_methods(client, method):
    response = client.generic(method, "/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.django_db
def test_the_admin_still_refuses_a_post_without_a_csrf_token(starter_data):
    response = _staff_form_without_csrf_token(Client())
    assert response.status_code == 403
    assert "The form had expired, or was not sent from this site" in response.content.decode()
