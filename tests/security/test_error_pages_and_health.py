"""Error pages carry the emergency numbers; the health check tells the truth."""

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory

from stalkinghelp import views


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
