"""Whatever a person (or a script) sends, the help-finder and the API never answer with a 5xx."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signposting.forms import QUESTIONS

pytestmark = pytest.mark.django_db

FIELDS = list(QUESTIONS) + ["action", "padding"]
VALID = {name: [value for value, _ in choices] for name, (_, choices, _) in QUESTIONS.items()}

answer = st.one_of(
    st.text(max_size=40),
    st.sampled_from([v for values in VALID.values() for v in values] + ["change", "results"]),
)
form_bodies = st.dictionaries(st.sampled_from(FIELDS), answer, max_size=len(FIELDS))

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from([v for values in VALID.values() for v in values]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=10,
)
json_bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=len(FIELDS)),
    json_values,
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(body=form_bodies)
def test_any_form_body_gets_a_page_not_a_server_error(client, starter_data, body):
    response = client.post("/get-help/", body)
    assert response.status_code < 500
    assert "no-store" in response["Cache-Control"]


@FUZZ
@given(body=json_bodies)
def test_any_json_body_gets_json_not_a_server_error(client, starter_data, body):
    response = client.post(
        "/api/v1/recommendations", json.dumps(body), content_type="application/json"
    )
    assert response.status_code in (200, 400)
    assert response.json()


@FUZZ
@given(
    raw=st.binary(max_size=200),
    content_type=st.sampled_from(
        [
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "",
        ]
    ),
)
def test_any_raw_bytes_get_a_client_error_at_worst(client, starter_data, raw, content_type):
    for path in ("/api/v1/recommendations", "/get-help/"):
        response = client.generic("POST", path, raw, content_type=content_type)
        assert response.status_code < 500
