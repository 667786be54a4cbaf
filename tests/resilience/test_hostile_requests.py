"""Whatever arrives, every public address answers below 500, and a refusal says why.

Oversized bodies, malformed JSON, wrong or broken content types and unknown methods,
on every public endpoint: hand-picked cases first, then Hypothesis exploring the rest.
"""

import json

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/what-is-stalking/",
    "/keeping-a-record/diary/",
    "/services/",
    "/services/national-stalking-helpline/",
    "/sitemap.xml",
    "/robots.txt",
    "/no-such-page/",
    "/partners/",
    "/partners/poster/",
    "/partners/card/",
    "/partners/qr.svg?link=/",
    "/partners/data/directory.json",
    "/partners/data/directory.csv",
    "/partners/changes.atom",
    "/embed/get-help/",
    "/api/v1/services",
    "/api/v1/openapi.json",
]
FORMS = ["/get-help/", "/search/", "/is-it-stalking/"]
API = "/api/v1/recommendations"
ENDPOINTS = PAGES + FORMS + [API]
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "multipart/form-data",  # no boundary
    "multipart/form-data; boundary=xyz",
    "application/json",
    "application/json; charset=latin-1",
    "text/plain",
    "application/xml",
    "",
    "}{ not a type",
]
TOO_BIG = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024


def assert_answered_clearly(response, method):
    assert response.status_code < 500, (response.status_code, response.content[:300])
    if method == "HEAD" or not 400 <= response.status_code < 500:
        return
    body = response.content.decode("utf-8", "replace")
    if response["Content-Type"].startswith("application/json"):
        assert json.loads(body)["error"].strip()
    else:
        assert "<h1" in body and "tel:999" in body, body[:300]


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    """The starter data once for the module, rolled back after: these tests only read it."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_starter_data", verbosity=0)
        yield
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_unknown_methods_are_refused_with_405_and_a_message(directory, path, method):
    response = Client().generic(method, path)
    assert response.status_code == 405
    assert response["Allow"]
    assert_answered_clearly(response, method)


@pytest.mark.parametrize("path", FORMS + [API])
def test_an_oversized_body_is_refused_with_413_and_a_message(directory, path):
    body = "q=" + "x" * TOO_BIG
    content_type = "application/json" if path == API else "application/x-www-form-urlencoded"
    response = Client().generic("POST", path, body, content_type=content_type)
    assert response.status_code == 413
    assert_answered_clearly(response, "POST")


@pytest.mark.parametrize(
    "body", ["{", '{"danger": ', "[1, 2", "\x00\xff", '"just a string"', "1e999"]
)
def test_malformed_json_to_the_api_is_a_400_with_a_message(directory, body):
    response = Client().generic(
        "POST", API, body.encode("latin-1"), content_type="application/json"
    )
    assert response.status_code == 400
    assert_answered_clearly(response, "POST")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_the_api_refuses_other_content_types_with_415(directory, content_type):
    response = Client().generic("POST", API, "{}", content_type=content_type)
    assert response.status_code == 415
    assert_answered_clearly(response, "POST")


@pytest.mark.parametrize("path", FORMS)
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_forms_survive_any_content_type(directory, path, content_type):
    response = Client().generic(
        "POST", path, b"--xyz\r\nnonsense\r\n\xff", content_type=content_type
    )
    assert_answered_clearly(response, "POST")


bodies = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=2048).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.dictionaries(st.text(max_size=20), st.text(max_size=50), max_size=8).map(
        lambda d: "&".join(f"{k}={v}" for k, v in d.items()).encode("utf-8", "surrogatepass")
    ),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
        max_leaves=12,
    ).map(lambda value: json.dumps(value).encode()),
    st.just(b"x" * TOO_BIG),
)


@hypothesis_settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(ENDPOINTS),
    method=st.sampled_from(METHODS),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=bodies,
)
def test_any_request_to_any_public_endpoint_is_answered_below_500(
    directory, path, method, content_type, body
):
    response = Client().generic(method, path, body, content_type=content_type)
    assert_answered_clearly(response, method)
