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

from stalkinghelp.open_data import is_open_data_path
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN

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


# --- NUL characters, a DataError, chunked bodies, encodings (issue 11 §4) --------------

NUL_CASES = {
    "help-finder answer": ("/get-help/", {**NOT_IN_DANGER_SOMEONE_KNOWN, "area": "notts\x00"}),
    "help-finder field name": ("/get-help/", {**NOT_IN_DANGER_SOMEONE_KNOWN, "x\x00": "1"}),
    "search": ("/search/", {"q": "he tracks my phone\x00"}),
    "search, NUL only": ("/search/", {"q": "\x00"}),
    "self-check": ("/is-it-stalking/", {"answers": ["fixated", "\x00"]}),
}


@pytest.mark.parametrize("case", NUL_CASES)
def test_a_nul_in_any_field_is_a_400_that_says_so_never_an_outage(directory, caplog, case):
    path, data = NUL_CASES[case]
    response = Client().post(path, data)
    assert response.status_code == 400
    assert "(a NUL)" in response.content.decode()
    assert_answered_clearly(response, "POST")
    assert "Database unavailable" not in caplog.text


@pytest.mark.parametrize("path", ["/", "/services/", "/partners/qr.svg", "/api/v1/services"])
def test_a_nul_in_the_query_string_is_a_400(directory, caplog, path):
    response = Client().get(path + "?link=%00")
    assert response.status_code == 400
    assert_answered_clearly(response, "GET")
    assert "Database unavailable" not in caplog.text


def test_a_database_error_about_the_input_is_a_400_not_an_outage(directory, caplog, monkeypatch):
    from django.db import DataError

    def refuse(query, now=None):
        raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")

    monkeypatch.setattr("content.views.search_pages", refuse)
    response = Client().post("/search/", {"q": "anything"})
    assert response.status_code == 400
    assert_answered_clearly(response, "POST")
    assert "Database unavailable" not in caplog.text
    assert "Input the database refused" in caplog.text


@pytest.mark.parametrize("path", FORMS + [API])
def test_a_chunked_body_is_refused_with_411(directory, path):
    response = Client().generic(
        "POST", path, b"q=x", content_type="application/x-www-form-urlencoded",
        HTTP_TRANSFER_ENCODING="chunked",
    )  # fmt: skip
    assert response.status_code == 411
    assert_answered_clearly(response, "POST")


@pytest.mark.parametrize(
    ("header", "codings"),
    [
        ("gzip", ["gzip"]),
        ("gzip;q=0", []),
        ("gzip; q=0.0, br", ["br"]),
        ("GZIP;Q=0.5, identity;q=1", ["gzip", "identity"]),
        ("gzip;q=abc", []),
        ("gzip;q=2", []),
        ("*;q=0, deflate", ["deflate"]),
        ("", []),
        (" , ;q=1", []),
    ],
)
def test_accepted_codings_leaves_out_what_the_client_refused(header, codings):
    from stalkinghelp.request_checks import accepted_codings

    assert accepted_codings(header) == codings


@pytest.mark.parametrize("header", ["gzip;q=0", "gzip;q=0, br;q=0", "identity"])
def test_a_client_that_refuses_gzip_gets_no_gzip(directory, header):
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    assert client.get("/what-is-stalking/")["Content-Encoding"] == "gzip"  # now cached
    response = Client().get("/what-is-stalking/", HTTP_ACCEPT_ENCODING=header)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"<h1" in response.content


@pytest.mark.parametrize("path", ENDPOINTS)
def test_trace_is_refused_with_405(directory, path):
    response = Client().generic("TRACE", path)
    assert response.status_code == 405
    assert_answered_clearly(response, "TRACE")


# Open data answers OPTIONS as a CORS preflight (stalkinghelp.open_data); pages refuse it.
@pytest.mark.parametrize("path", [path for path in ENDPOINTS if not is_open_data_path(path)])
def test_options_on_a_page_is_refused_with_405(directory, path):
    response = Client().generic("OPTIONS", path)
    assert response.status_code == 405
    assert_answered_clearly(response, "OPTIONS")


@pytest.mark.parametrize("path", ["/", "/services/", "/what-is-stalking/", "/get-help/"])
def test_a_405_carries_the_security_headers_of_every_page(directory, path):
    response = Client().put(path)
    assert response.status_code == 405
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Length"] == str(len(response.content))
