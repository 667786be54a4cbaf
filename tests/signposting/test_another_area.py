"""Another police area runs the site with its own directory and settings, and no code change.

Borsetshire is fictional; its numbers are Ofcom's drama numbers (01632 960000 to 960999),
which are never real lines. Its directory is plain HSDS 3.0 (no directory_record
extension), loaded through manage.py import_directory like any area's would be.
"""

import json
import re
import uuid
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command

from signposting import taxonomy
from signposting.forms import DEFAULTS
from signposting.models import Service
from tests.hsds_standard import STANDARD_DIR, errors, validator

pytestmark = pytest.mark.django_db

AREA = {
    "name": "Borsetshire",
    "live_in": "Borsetshire",
    "short_name": "Borsetshire",
    "service_area": "Borsetshire Police area: the county of Borsetshire",
}
NAMESPACE = uuid.UUID("0b5f0c1e-9d36-4c53-8a53-1f2e0c9d7a40")
ALWAYS = "00:00", "23:59"


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _attribute(slug, taxonomy_code, code):
    term = taxonomy.TAXONOMY_BY_CODE[taxonomy_code].term(code)
    return {"id": _id(slug, "attribute", term.id), "taxonomy_term_id": term.id}


def service(slug, name, role, number, *, category="helpline", area="notts", genders="any",
            relationship="any", organisation="Borsetshire Council"):  # fmt: skip
    terms = [
        ("category", category), ("role", role), ("area", area), ("gender", genders),
        ("relationship", relationship), ("verified", "yes"), ("bank_holidays", "open"),
    ]  # fmt: skip
    return {
        "id": _id(slug),
        "slug": slug,
        "name": name,
        "description": f"{name}, for people in Borsetshire.",
        "status": "active",
        "eligibility_description": "Anyone.",
        "organization": {
            "id": _id(organisation),
            "name": organisation,
            "description": f"{organisation}.",
        },  # fmt: skip
        "phones": [{"id": _id(slug, "phone"), "number": number, "type": "voice"}],
        "schedules": [
            {
                "id": _id(slug, "schedule"),
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR,SA,SU",
                "opens_at": ALWAYS[0],
                "closes_at": ALWAYS[1],
            }
        ],  # fmt: skip
        "attributes": [_attribute(slug, *term) for term in terms],
    }


BORSETSHIRE = [
    service("emergency", "999", "emergency_call", "999", category="emergency", area="national",
            organisation="UK emergency services"),
    service("silent-999", "999, then 55", "silent_emergency_call", "999", category="emergency",
            area="national", organisation="UK emergency services"),
    service("borsetshire-stalking-advocates", "Borsetshire Stalking Advocates",
            "local_stalking_advocacy", "01632 960001", category="advocacy",
            relationship="non_domestic"),
    service("stalking-advice-line", "Stalking Advice Line", "stalking_helpline", "01632 960002",
            area="national", organisation="Stalking Advice Trust"),
    service("borsetshire-womens-line", "Borsetshire Women's Line", "domestic_abuse_line_women",
            "01632 960003", genders="women", relationship="domestic",
            organisation="Borsetshire Women's Refuge"),
    service("borsetshire-mens-line", "Borsetshire Men's Line", "domestic_abuse_line_men",
            "01632 960004", genders="men", relationship="domestic",
            organisation="Borsetshire Men's Project"),
    service("borsetshire-police-non-emergency", "Borsetshire Police non-emergency",
            "police_non_emergency", "01632 960005", category="report",
            organisation="Borsetshire Police"),
    service("tell-anonymously", "Tell Anonymously", "anonymous_reporting", "01632 960006",
            category="report", area="national", organisation="Tell Anonymously Trust"),
    service("borsetshire-victim-care", "Borsetshire Victim Care", "victim_support",
            "01632 960007", category="support"),
    service("listening-line", "Listening Line", "emotional_support", "01632 960008",
            category="support", area="national", organisation="Listening Line"),
]  # fmt: skip
NOTTINGHAMSHIRE = re.compile(r"Nottingham|0808 802 0300|Juno|Equation|Paladin|Samaritans|Childline")


@pytest.fixture
def borsetshire(settings, tmp_path):
    """The site configured for Borsetshire, with its directory imported."""
    validator("compiled/service.json")  # skips, or fails under CI, without the standard
    settings.HSDS_STANDARD_DIR = str(STANDARD_DIR)
    settings.PHONE_DRAMA_NUMBERS_ALLOWED = True
    settings.AREA = AREA
    settings.SITE_NAME = "Stalking Help Borsetshire"
    path = tmp_path / "borsetshire.json"
    path.write_text(json.dumps(BORSETSHIRE))
    out = StringIO()
    call_command("import_directory", str(path), "--apply", stdout=out)
    assert "Applied: 10 service(s) created, 0 changed." in out.getvalue()
    return path


def test_the_fictional_directory_is_valid_hsds():
    check = validator("compiled/service.json")
    assert [item["slug"] for item in BORSETSHIRE if errors(check, item)] == []


def test_the_help_finder_asks_about_the_configured_area(client, borsetshire):
    html = client.get("/get-help/").content.decode()
    assert "Does the person being stalked live in Borsetshire?" in html
    assert "Stalking Help <span" in html and ">Borsetshire</span>" in html
    assert not NOTTINGHAMSHIRE.search(html)


def _answers(**given):
    answers = {**DEFAULTS, "danger": "no", "can_talk": "yes", "can_speak_and_hear": "yes"}
    return {**answers, **given}


def _result_numbers(html):
    return re.findall(r"01632 9600\d\d", html)


@pytest.mark.parametrize(
    ("answers", "first", "absent"),
    [
        (_answers(relationship="stranger", area="notts"), "Borsetshire Stalking Advocates",
         "Borsetshire Women's Line"),
        (_answers(relationship="partner", gender="woman", area="notts"),
         "Borsetshire Women's Line", "Borsetshire Stalking Advocates"),
        (_answers(relationship="partner", gender="man", area="notts"),
         "Borsetshire Men's Line", "Borsetshire Women's Line"),
        (_answers(relationship="stranger", area="elsewhere"), "Stalking Advice Line",
         "Borsetshire Stalking Advocates"),
    ],
    ids=["stranger-local", "partner-woman", "partner-man", "stranger-elsewhere"],
)  # fmt: skip
def test_results_route_to_the_areas_own_services(client, borsetshire, answers, first, absent):
    response = client.post("/get-help/", answers)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    support = html.index("Stalking Advice Line")
    assert first in html and html.index(first) <= support
    assert absent not in html
    assert "01632 960002" in html  # the stalking helpline, always
    assert not NOTTINGHAMSHIRE.search(html)


def test_local_numbers_are_shown_only_to_people_in_the_area(client, borsetshire):
    here = _result_numbers(client.post("/get-help/", _answers(area="notts")).content.decode())
    away = _result_numbers(client.post("/get-help/", _answers(area="elsewhere")).content.decode())
    assert {"01632 960001", "01632 960005", "01632 960007"} <= set(here)
    assert not {"01632 960001", "01632 960007"} & set(away)


def test_a_person_unsure_where_they_live_is_told_which_area_a_line_serves(client, borsetshire):
    html = client.post("/get-help/", _answers(area="unsure")).content.decode()
    assert "Only for people who live in Borsetshire." in html


def test_the_open_data_names_the_configured_service_area(client, borsetshire):
    advocates = Service.objects.get(slug="borsetshire-stalking-advocates")
    item = client.get(f"/api/v1/services/{advocates.hsds_id}").json()
    assert item["service_areas"][0]["name"] == AREA["service_area"]
