"""Behaviour a client can rely on at every open-data address: methods, CORS, validators."""

import pytest
from django.test import Client

from signposting.models import Contact

pytestmark = pytest.mark.django_db

OPEN_DATA = [
    "/api/v1/",
    "/api/v1/services",
    "/api/v1/services?per_page=5&page=2",
    "/api/v1/taxonomies",
    "/api/v1/taxonomy_terms",
    "/api/v1/openapi.json",
    "/partners/data/directory.json",
    "/partners/data/directory.csv",
    "/partners/data/directory-hsds.zip",
    "/partners/changes.atom",
    "/partners/changes/archive/1.atom",
]
ERRORS = ["/api/v1/nothing-here", "/api/v1/services?page=0", "/api/v1/services/" + "0" * 32]


@pytest.fixture
def browser_like():
    # A real browser's request: Django's CSRF check on, as a partner's form post would meet it.
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", OPEN_DATA)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_method_an_address_does_not_take_is_a_json_405_with_allow(
    browser_like, directory, path, method
):
    response = browser_like.generic(method, path, "{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", OPEN_DATA + ERRORS)
def test_every_open_data_answer_may_be_read_by_any_site(client, directory, path):
    response = client.get(path, HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("path", OPEN_DATA)
def test_a_preflight_is_answered(client, directory, path):
    response = client.options(
        path,
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("path", OPEN_DATA)
@pytest.mark.parametrize("method", ["get", "head"])
def test_every_open_data_answer_has_validators_and_304s_on_a_match(client, directory, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"]
    assert "open-government-licence/version/3" in response["Link"]
    assert 'rel="license"' in response["Link"]
    again = getattr(client, method)(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    since = getattr(client, method)(path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_a_304_from_the_servers_page_copy_still_has_cors(client, starter_data):
    first = client.get("/api/v1/services")  # now kept in the page cache
    again = client.get("/api/v1/services", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_change_to_the_directory_changes_the_validators(client, starter_data):
    before = client.get("/api/v1/services?full=true")
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.instructions = "Calls are free."
    contact.save()
    after = client.get("/api/v1/services?full=true", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]


def test_the_recommendations_are_not_shared_with_other_sites(client, starter_data):
    response = client.get("/api/v1/recommendations")
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response
