"""Open data: the OpenAPI document is valid, the API answers as it says, the downloads work."""

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from partners.exports import CSV_COLUMNS
from partners.openapi import openapi_document
from signposting.forms import QUESTIONS
from signposting.models import Service

pytestmark = pytest.mark.django_db

SPEC = openapi_document()


def schema_validator(name):
    # The component schemas are JSON Schema 2020-12 (OpenAPI 3.1); "#/components/..." refs
    # resolve against a root that carries the spec's components.
    schema = {"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_matches(name, body):
    errors = sorted(schema_validator(name).iter_errors(body), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def response_schema_name(path, method, status):
    content = SPEC["paths"][path][method]["responses"][str(status)]["content"]
    return content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]


def test_the_openapi_document_is_valid():
    validate(SPEC)


def test_the_openapi_document_is_served_with_our_address(client, settings):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    served = response.json()
    validate(served)
    assert served["servers"] == [{"url": settings.SITE_URL}]


def test_the_documented_answers_are_the_help_finders_answers():
    properties = SPEC["components"]["schemas"]["Situation"]["properties"]
    assert set(properties) == set(QUESTIONS)
    for name, (_label, choices, _message) in QUESTIONS.items():
        values = [value for value, _text in choices]
        documented = properties[name].get("enum") or properties[name]["oneOf"][1]["enum"]
        assert documented == values, name


def test_the_services_response_matches_the_document(client, starter_data):
    response = client.get("/api/v1/services")
    assert response.status_code == 200
    assert_matches(response_schema_name("/api/v1/services", "get", 200), response.json())
    assert_matches("ServicePage", client.get("/api/v1/services?full=true").json())


def test_every_open_data_answer_matches_the_document(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    from signposting import taxonomy

    term = taxonomy.GENDER.term("women")
    answers = {
        "/api/v1/": ("/api/v1/", {}),
        f"/api/v1/services/{service.hsds_id}": ("/api/v1/services/{id}", {}),
        "/api/v1/taxonomies": ("/api/v1/taxonomies", {}),
        f"/api/v1/taxonomies/{taxonomy.GENDER.id}": ("/api/v1/taxonomies/{id}", {}),
        "/api/v1/taxonomy_terms": ("/api/v1/taxonomy_terms", {}),
        f"/api/v1/taxonomy_terms/{term.id}": ("/api/v1/taxonomy_terms/{id}", {}),
    }
    for address, (documented, _params) in answers.items():
        response = client.get(address)
        assert response.status_code == 200, address
        assert_matches(response_schema_name(documented, "get", 200), response.json())


def test_the_services_response_matches_with_every_optional_field_set(client, starter_data):
    Service.objects.filter(slug="national-stalking-helpline").update(
        last_verified=dt.date(2026, 11, 20),
        alert="Lines are busy today",
        status="temporarily_closed",
        min_age=16,
        max_age=99,
    )
    body = client.get("/api/v1/services?full=true").json()
    assert_matches("ServicePage", body)
    helpline = next(s for s in body["contents"] if s["slug"] == "national-stalking-helpline")
    assert helpline["assured_date"] == "2026-11-20"


@pytest.mark.parametrize(("method", "status"), [("post", 405), ("put", 405), ("delete", 405)])
def test_the_services_errors_match_the_document(client, method, status):
    response = getattr(client, method)("/api/v1/services")
    assert response.status_code == status
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert_matches("Error", response.json())


@pytest.mark.parametrize("query", ["?page=0", "?nonsense=1"])
def test_a_refused_query_matches_the_document(client, query):
    response = client.get("/api/v1/services" + query)
    assert response.status_code == 400
    assert "400" in SPEC["paths"]["/api/v1/services"]["get"]["responses"]
    assert_matches("Error", response.json())


answers = st.fixed_dictionaries(
    {
        name: st.sampled_from([value for value, _text in choices])
        for name, (_label, choices, _message) in QUESTIONS.items()
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(situation=answers)
def test_recommendations_match_the_document_for_any_situation(client, starter_data, situation):
    response = client.post(
        "/api/v1/recommendations", data=json.dumps(situation), content_type="application/json"
    )
    assert response.status_code == 200
    assert_matches(response_schema_name("/api/v1/recommendations", "post", 200), response.json())


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[]", "application/json", 400),
        ('{"age": "old"}', "application/json", 400),
        ('{"for_whom": "me"}', "text/plain", 415),
        ('{"x": "' + "a" * 11000 + '"}', "application/json", 413),
    ],
)
def test_recommendation_errors_match_the_document(client, starter_data, body, content_type, status):
    response = client.post("/api/v1/recommendations", data=body, content_type=content_type)
    assert response.status_code == status
    assert str(status) in SPEC["paths"]["/api/v1/recommendations"]["post"]["responses"]
    assert_matches("Error", response.json())


def test_a_get_to_recommendations_matches_the_document(client):
    response = client.get("/api/v1/recommendations")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_matches("Error", response.json())


def test_the_json_download_is_the_api_as_an_attachment(client, starter_data):
    response = client.get("/partners/data/directory.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="stalking-help-nottinghamshire-directory.json"'
    )
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    body = json.loads(response.content)
    assert body == client.get("/api/v1/services?full=true").json()
    assert_matches("FullServicePage", body)


def csv_rows(client):
    response = client.get("/partners/data/directory.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(text)))


def test_the_csv_download_has_one_row_per_service_with_its_last_verified_date(client, starter_data):
    Service.objects.filter(slug="juno-womens-aid").update(last_verified=dt.date(2026, 11, 19))
    response, rows = csv_rows(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="stalking-help-nottinghamshire-directory.csv"'
    )
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == Service.objects.count()
    juno = next(row for row in rows if row["slug"] == "juno-womens-aid")
    assert juno["last_verified"] == "2026-11-19"
    assert juno["phones"] == "0808 800 0340"  # the textphone still being checked is left out
    assert juno["opening_hours"] == "24 hours a day, every day"
    helpline = next(row for row in rows if row["slug"] == "national-stalking-helpline")
    assert helpline["last_verified"] == ""
    assert helpline["verified"] == "yes"


def test_the_csv_ids_match_the_json_ids(client, starter_data):
    _response, rows = csv_rows(client)
    ids = {
        service["slug"]: service["id"]
        for service in client.get("/api/v1/services").json()["contents"]
    }
    assert len(ids) == len(rows)
    assert {row["slug"]: row["id"] for row in rows} == ids


def test_a_csv_cell_cannot_run_as_a_spreadsheet_formula(client, starter_data):
    Service.objects.filter(slug="samaritans").update(alert='=HYPERLINK("https://evil.example")')
    _response, rows = csv_rows(client)
    samaritans = next(row for row in rows if row["slug"] == "samaritans")
    assert samaritans["alert"] == '\'=HYPERLINK("https://evil.example")'
