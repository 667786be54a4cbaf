"""The help-finder pages, the directory pages and the JSON API, through Django's test client."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signposting.models import Service
from tests.answers import IN_DANGER_ONLY, NOT_IN_DANGER_SOMEONE_KNOWN
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
    # The questions, not the header's search box (also a form), come after 999.
    assert html.index('href="tel:999"') < html.index('type="radio"')
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


def _cards(html):
    """The results page's cards, by service name."""
    chunks = html.split('<li class="sh-recommendation">')[1:]
    return {
        re.search(r'sh-recommendation__name">([^<]*)<', chunk).group(1).replace("&#x27;", "'"): (
            chunk.split("</li>\n      {% endfor %}")[0]
        )
        for chunk in chunks
    }


RELAY_NOTE = "Put 18001 in front of any number on this page"


@pytest.mark.parametrize(
    "answers",
    [
        ANSWERS,
        {**ANSWERS, "can_talk": "no"},
        {**ANSWERS, "danger": "yes", "can_speak_and_hear": "no"},
    ],
    ids=["can-talk", "cannot-talk", "deaf-in-danger"],
)
def test_relay_is_explained_once_per_page_and_no_relay_line_repeats(client, starter_data, answers):
    html = client.post("/get-help/", answers).content.decode()
    assert 'class="sh-call" href="tel:+448088020300"' in html
    assert html.count(RELAY_NOTE) == 1
    assert 'sh-relay"' not in html, "no relay link under every number"
    for name, card in _cards(html).items():
        assert card.count('href="tel:18001101"') <= 1, name
        assert card.count('href="tel:18000"') <= 1, name


def test_a_service_page_explains_relay_once(client, starter_data):
    html = client.get("/services/police-101/").content.decode()
    assert html.count(RELAY_NOTE) == 1
    assert html.count("18001 101") == 1


def test_an_answer_that_is_not_a_choice_gives_the_form_back_with_an_error_summary(
    client, starter_data
):
    response = client.post("/get-help/", {**ANSWERS, "relationship": "boss"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_relationship_1"' in html and 'id="id_relationship_1"' in html
    assert "<title>Error:" in html
    assert "no-store" in response["Cache-Control"]


def test_answering_only_danger_shows_the_emergency_results_at_once(client, starter_data):
    response = client.post("/get-help/", IN_DANGER_ONLY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" not in html and "<title>Who can help" in html
    main = html[html.index('id="main-content"') :]
    names = list(_cards(html))
    assert names[:5] == [
        "999 emergency",
        "Silent Solution (999, then 55)",
        "emergencySMS (text 999)",
        "Relay UK (18000)",
        "999 BSL",
    ]
    assert "If you do not press 55 and make no sound, the call is ended." in main
    # The other questions are offered below the results, with the answer given kept.
    more = main[main.index('id="more-questions"') :]
    assert main.index("999 BSL") < main.index('id="more-questions"')
    assert '<input type="hidden" name="danger" value="yes">' in more
    assert 'name="danger" type="radio"' not in more and 'type="radio" name="danger"' not in more
    for question in ("for_whom", "can_talk", "can_speak_and_hear", "relationship", "age", "area"):
        assert f'name="{question}"' in more
    assert "no-store" in response["Cache-Control"]


def test_an_empty_form_gives_the_broadest_results_not_an_error(client, starter_data):
    html = client.post("/get-help/", {}).content.decode()
    cards = _cards(html)
    assert "There is a problem" not in html
    advocacy = cards["Nottinghamshire Stalking Advocacy Service"]
    assert "Women&#x27;s line" in advocacy and "Men&#x27;s line" in advocacy  # gender not given
    assert "Only for people who live in Nottingham or Nottinghamshire." in advocacy
    assert "For people aged 18 or under." in cards["Childline"]
    assert "emergencySMS (text 999)" in cards  # can they speak and hear: not given
    assert 'id="more-questions"' in html


def test_a_full_set_of_answers_offers_no_more_questions(client, starter_data):
    html = client.post("/get-help/", ANSWERS).content.decode()
    assert 'id="more-questions"' not in html
    assert "You did not answer every question" not in html


def test_a_deaf_person_in_danger_who_can_talk_gets_text_relay_and_bsl_routes(client, starter_data):
    answers = {**ANSWERS, "danger": "yes", "can_talk": "yes", "can_speak_and_hear": "no"}
    cards = _cards(client.post("/get-help/", answers).content.decode())
    assert "https://www.999bsl.co.uk" in cards["999 BSL"]
    assert "text the word register to 999" in cards["emergencySMS (text 999)"]
    assert "18000" in cards["Relay UK (18000)"] and "18001" in cards["Relay UK (18000)"]


def test_an_18_year_old_finds_childline(client, starter_data):
    cards = _cards(client.post("/get-help/", {**ANSWERS, "age": "18"}).content.decode())
    assert "Childline" in cards
    assert "Childline" not in _cards(client.post("/get-help/", ANSWERS).content.decode())


WARNING = "We are still checking these contact details."
FALLBACK = "call the National Stalking Helpline on"


def test_a_line_still_being_checked_carries_the_warning_inside_its_card(client, starter_data):
    cards = _cards(client.post("/get-help/", ANSWERS).content.decode())
    advocacy = cards["Nottinghamshire Stalking Advocacy Service"]
    assert WARNING in advocacy and FALLBACK in advocacy
    assert 'href="tel:+448088020300"' in advocacy
    assert WARNING not in cards["National Stalking Helpline"]
    assert list(cards).index("National Stalking Helpline") < list(cards).index(
        "Nottinghamshire Stalking Advocacy Service"
    )


@pytest.mark.parametrize(
    ("path", "warned"),
    [
        ("/services/notts-stalking-advocacy/", True),
        ("/services/mens-advice-line/", True),
        ("/services/notts-police-signvideo/", True),
        ("/services/national-stalking-helpline/", False),
    ],
)
def test_a_service_page_warns_when_its_details_are_still_being_checked(
    client, starter_data, path, warned
):
    html = client.get(path).content.decode()
    assert (WARNING in html) is warned
    assert (FALLBACK in html) is warned


def test_the_directory_page_warns_on_each_service_still_being_checked(client, starter_data):
    html = client.get("/services/").content.decode()
    items = html.split('<li class="sh-service">')[1:]
    warned = {
        re.search(r'class="govuk-link" href="/services/([^/]+)/"', item).group(1)
        for item in items
        if WARNING in item
    }
    assert (
        warned
        == set(Service.objects.filter(verified=False).values_list("slug", flat=True))
        == {
            "notts-stalking-advocacy",
            "equation-mens-line",
            "mens-advice-line",
            "karma-nirvana",
            "notts-police-signvideo",
        }
    )


@pytest.mark.parametrize("slug", ["mens-advice-line", "karma-nirvana", "galop"])
def test_hours_the_sources_disagree_on_say_not_confirmed_never_open_or_closed(
    client, starter_data, slug
):
    html = client.get(f"/services/{slug}/").content.decode()
    main = html[html.index('id="main-content"') :]
    assert "Opening hours not confirmed: call to check" in main
    assert "Open now" not in main and "Closed" not in main
    assert "9am to 5pm" not in main


def test_the_helplines_own_warning_does_not_send_people_to_itself(client, starter_data):
    Service.objects.filter(slug="national-stalking-helpline").update(verified=False)
    html = client.get("/services/national-stalking-helpline/").content.decode()
    assert WARNING in html and FALLBACK not in html


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
    assert "Bank holidays (public holidays): closed" in html
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
    assert "We are still checking these contact details." in html  # inside the span
    assert html.rstrip().endswith("</span>")


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
        (json.dumps({"danger": "maybe"}), 400),
        (json.dumps({**ANSWERS, "can_speak_and_hear": "no way"}), 400),
        ("\xff", 400),
    ],
)
def test_api_bad_bodies_get_a_clear_json_400(client, starter_data, body, status):
    response = post_json(client, body)
    assert response.status_code == status
    assert response.json()["error"]


def test_api_answering_only_danger_gives_the_emergency_results(client, starter_data):
    response = post_json(client, {"danger": True})
    assert response.status_code == 200
    slugs = [r["service"]["slug"] for r in response.json()["recommendations"]]
    assert slugs[:5] == ["emergency-999", "silent-solution", "emergency-sms", "relay-uk", "bsl-999"]


def test_api_takes_the_old_adult_age_band_as_19_or_over(client, starter_data):
    old = post_json(client, {**ANSWERS, "age": "18_plus"}).json()["recommendations"]
    new = post_json(client, {**ANSWERS, "age": "19_plus"}).json()["recommendations"]
    assert old == new


def test_api_services_say_what_is_still_being_checked(client, starter_data):
    services = {s["slug"]: s for s in client.get("/api/v1/services").json()["contents"]}
    advocacy = services["notts-stalking-advocacy"]["unverified_note"]
    assert advocacy.startswith("We are still checking these contact details.")
    assert "National Stalking Helpline on 0808 802 0300" in advocacy
    assert services["galop"]["unverified_note"] == "Opening hours not confirmed: call to check."
    assert "unverified_note" not in services["national-stalking-helpline"]


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
