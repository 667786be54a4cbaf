"""The help-finder pages, the directory pages and the JSON API, through Django's test client."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signposting.models import Service
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.signposting.factories import make_service

pytestmark = pytest.mark.django_db

ANSWERS = NOT_IN_DANGER_SOMEONE_KNOWN


def post_json(client, body, **extra):
    return client.post(
        "/api/v1/recommendations",
        json.dumps(body) if not isinstance(body, (str, bytes)) else body,
        content_type=extra.pop("content_type", "application/json"),
        **extra,
    )


def test_the_form_shows_emergency_help_above_the_questions(client, starter_data):
    html = client.get("/get-help/").content.decode()
    assert html.index('href="tel:999"') < html.index("<form")
    assert "press 55" in html
    assert 'type="radio"' in html


def test_the_form_page_sets_no_cookie(client, starter_data):
    response = client.get("/get-help/")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_results_are_the_post_response_itself_never_a_redirect(client, starter_data):
    response = client.post("/get-help/", ANSWERS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nottinghamshire Stalking Advocacy Service" in html
    assert 'href="tel:+441159476490"' in html


def test_results_page_is_never_cached(client, starter_data):
    response = client.post("/get-help/", ANSWERS)
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.cookies


def test_answers_are_not_in_any_link_on_the_results_page(client, starter_data):
    html = client.post("/get-help/", ANSWERS).content.decode()
    for value in ("relationship=", "gender=", "danger=", "18_plus"):
        assert f"?{value}" not in html and f"&amp;{value}" not in html
    assert "/get-help/?" not in html


def test_answers_are_not_stored_in_the_database(client, starter_data):
    with CaptureQueriesContext(connection) as queries:
        client.post("/get-help/", ANSWERS)
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries.captured_queries)


def test_every_number_is_a_tel_link_with_relay_beside_it(client, starter_data):
    html = client.post("/get-help/", ANSWERS).content.decode()
    assert 'class="sh-call" href="tel:+448088020300"' in html
    assert 'href="tel:1800108088020300"' in html
    assert "By text relay: 18001 0808 802 0300" in html


def test_missing_answers_give_the_form_back_with_an_error_summary(client, starter_data):
    response = client.post("/get-help/", {"danger": "no"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_relationship_1"' in html and 'id="id_relationship_1"' in html
    assert "<title>Error:" in html
    assert "no-store" in response["Cache-Control"]


def test_invalid_answers_are_errors_not_crashes(client, starter_data):
    response = client.post("/get-help/", {**ANSWERS, "age": "42", "gender": "<script>"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_change_your_answers_shows_them_again_without_errors(client, starter_data):
    response = client.post("/get-help/", {**ANSWERS, "action": "change"})
    html = response.content.decode()
    assert "There is a problem" not in html
    assert 'value="known"\n    \n      checked' in html or 'value="known"' in html
    assert "no-store" in response["Cache-Control"]


def test_helpers_get_a_link_to_the_helping_page(client, starter_data):
    html = client.post("/get-help/", {**ANSWERS, "for_whom": "someone_else"}).content.decode()
    assert 'href="/helping-someone/"' in html
    assert "help them make a safety plan" in html


def test_in_danger_the_results_start_with_999(client, starter_data):
    html = client.post("/get-help/", {**ANSWERS, "danger": "yes"}).content.decode()
    main = html[html.index('id="main-content"') :]
    assert (
        main.index("999 emergency")
        < main.index("Silent Solution")
        < main.index("National Stalking")
    )


def test_a_huge_form_body_is_refused_with_413(client, starter_data):
    response = client.post("/get-help/", {**ANSWERS, "padding": "x" * 20_000})
    assert response.status_code == 413


def test_the_directory_page_groups_services_with_open_now(client, starter_data):
    response = client.get("/services/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "Emergency" in html and "Helpline" in html
    assert "24 hours" in html
    assert "Opening hours not known: call to check" in html


def test_unverified_numbers_never_reach_visitors(client, starter_data):
    assert "0800 995 6999" not in client.get("/services/").content.decode()
    assert "0800 995 6999" not in client.get("/services/equation-mens-line/").content.decode()


def test_a_service_page_shows_channels_hours_eligibility_and_last_checked(client, starter_data):
    html = client.get("/services/national-stalking-helpline/").content.decode()
    assert 'href="tel:+448088020300"' in html
    assert "Wednesday: 1pm to 4pm" in html
    assert "Bank holidays: closed" in html
    assert "Last checked with the service: not yet" in html


def test_an_unknown_service_is_a_404(client, starter_data):
    assert client.get("/services/no-such-service/").status_code == 404


def test_service_inline_include_renders_compactly(starter_data):
    import datetime as dt

    from django.template.loader import render_to_string

    from signposting.opening import LONDON
    from signposting.selectors import services_by_slugs

    services = services_by_slugs(["notts-stalking-advocacy", "missing"])
    assert list(services) == ["notts-stalking-advocacy"]
    html = render_to_string(
        "signposting/includes/service_inline.html",
        {
            "service": services["notts-stalking-advocacy"],
            "now": dt.datetime(2026, 11, 24, 10, tzinfo=LONDON),
        },
    )
    assert "<div" not in html and "<p" not in html  # safe inside a paragraph
    assert 'href="tel:+441159476490"' in html and "Men&#x27;s line" in html
    assert "Opening hours not known: call to check" in html


# ---- API --------------------------------------------------------------------------------


def test_api_recommendations_match_the_page(client, starter_data):
    body = {**ANSWERS, "danger": True, "can_talk": False}
    data = post_json(client, body).json()
    slugs = [r["service"]["slug"] for r in data["recommendations"]]
    assert slugs[:2] == ["emergency-999", "silent-solution"]
    first = data["recommendations"][0]
    assert first["reason"] and first["opening"]["text"] == "24 hours"
    assert first["channels"][0]["href"] == "tel:999"


def test_api_recommendations_are_never_cached_and_allow_no_cors(client, starter_data):
    response = post_json(client, ANSWERS)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("Access-Control-Allow-Origin")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ("[]", 400),
        ('"text"', 400),
        (json.dumps({**ANSWERS, "age": "old"}), 400),
        (json.dumps({**ANSWERS, "danger": 1}), 400),
        (json.dumps({"danger": "no"}), 400),
        ("\xff", 400),
    ],
)
def test_api_bad_bodies_get_a_clear_json_400(client, starter_data, body, status):
    response = post_json(client, body)
    assert response.status_code == status
    assert response.json()["error"]


def test_api_names_the_fields_that_are_wrong(client, starter_data):
    data = post_json(client, {**ANSWERS, "age": "old"}).json()
    assert list(data["fields"]) == ["age"]


def test_api_wrong_content_type_is_415(client, starter_data):
    response = client.post("/api/v1/recommendations", ANSWERS)
    assert response.status_code == 415


def test_api_wrong_method_is_405(client, starter_data):
    assert client.get("/api/v1/recommendations").status_code == 405
    response = client.post("/api/v1/services")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_api_body_over_10kb_is_413(client, starter_data):
    response = post_json(client, {**ANSWERS, "padding": "x" * 11_000})
    assert response.status_code == 413


def test_api_services_is_hsds_shaped_open_data_with_cors(client, starter_data):
    response = client.get("/api/v1/services?full=true")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["total_items"] == Service.objects.count()
    helpline = next(s for s in data["contents"] if s["slug"] == "national-stalking-helpline")
    assert helpline["phones"][0]["number"] == "0808 802 0300"
    wednesday = helpline["schedules"][2]
    assert wednesday["byday"] == "WE"
    assert (wednesday["opens_at"][:5], wednesday["closes_at"][:5]) == ("13:00", "16:00")
    assert helpline["organization"]["name"] == "Suzy Lamplugh Trust"
    equation = next(s for s in data["contents"] if s["slug"] == "equation-mens-line")
    assert [p["number"] for p in equation["phones"]] == ["0115 960 5556"]


# ---- Query budgets ----------------------------------------------------------------------


def _count_queries(client, method, path, data=None):
    getattr(client, method)(path, data)  # warm the emergency-number cache
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("post", "/get-help/", ANSWERS),
        ("get", "/services/", None),
        ("get", "/api/v1/services", None),
    ],
)
def test_pages_make_the_same_queries_with_10_or_200_services(client, method, path, data):
    for _ in range(10):
        make_service()
    with_10 = _count_queries(client, method, path, data)
    for _ in range(190):
        make_service()
    assert Service.objects.count() == 200
    assert _count_queries(client, method, path, data) == with_10 <= 5
