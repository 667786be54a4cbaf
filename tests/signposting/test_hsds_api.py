"""The directory as HSDS 3.0, judged by the standard's own schemas, and the API around it."""

import datetime as dt
import uuid

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from signposting import taxonomy
from signposting.api_query import SERVICE_LIST
from signposting.models import Contact, OpeningTime, Organisation, Service
from signposting.serializers import hsds
from signposting.starter import read_starter
from signposting.uk_offset import offset_period
from tests.hsds_standard import errors, page_validator, validator

pytestmark = pytest.mark.django_db

WINTER = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC)
# Every service the starter directory lists (signposting/starter/directory.yaml).
STARTER_SERVICES = len(read_starter()["services"])


def service_list(client, query=""):
    response = client.get("/api/v1/services" + query)
    assert response.status_code == 200, response.content
    return response.json()


def all_full_services(client):
    return service_list(client, "?full=true")["contents"]


def test_every_service_is_valid_against_the_standards_full_service_schema(client, starter_data):
    schema = validator("compiled/service.json")
    services = all_full_services(client)
    assert len(services) == Service.objects.count() == STARTER_SERVICES
    invalid = {}
    for item in services:
        response = client.get(f"/api/v1/services/{item['id']}")
        assert response.status_code == 200
        assert response.json() == item
        if found := errors(schema, response.json()):
            invalid[item["name"]] = found
    assert not invalid, invalid


def test_every_optional_field_set_is_still_valid(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    service.last_verified = dt.date(2026, 11, 20)
    service.alert = "Lines are busy today"
    service.alert_until = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    service.min_age, service.max_age = 16, 99
    service.status = Service.Status.TEMPORARILY_CLOSED
    service.save()
    Contact.objects.create(service=service, kind="email", value="advice@example.org")
    Contact.objects.create(service=service, kind="sms", value="0808 802 0300")
    body = client.get(f"/api/v1/services/{service.hsds_id}").json()
    assert not errors(validator("compiled/service.json"), body)
    assert body["assured_date"] == "2026-11-20"
    assert body["alert"] == "Lines are busy today"
    assert body["email"] == "advice@example.org"
    assert body["status"] == "temporarily closed"
    assert {phone["type"] for phone in body["phones"]} == {"voice", "text"}


def test_the_service_list_is_a_full_hsds_page_of_valid_list_items(client, starter_data):
    body = service_list(client)
    assert not errors(page_validator(), body)
    assert body["total_items"] == body["size"] == STARTER_SERVICES
    item_schema = validator("compiled/service_list.json")
    invalid = {item["name"]: errors(item_schema, item) for item in body["contents"]}
    assert not any(invalid.values()), invalid
    # A list item has its own fields and its organisation, not the child arrays.
    assert all("phones" not in item for item in body["contents"])


def test_full_list_items_are_full_services(client, starter_data):
    schema = validator("compiled/service.json")
    services = all_full_services(client)
    assert all("service_areas" in s and "attributes" in s for s in services)
    assert not [e for s in services for e in errors(schema, s)]


def _walk(value, path=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _walk(inner, f"{path}/{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, f"{path}/{index}")
    yield path, value


def test_empty_optional_fields_are_left_out_not_sent_as_null(client, starter_data):
    empty = [
        path
        for path, value in _walk(all_full_services(client))
        if value is None or value == "" or value == [] or value == {}
    ]
    assert not empty, empty[:10]


def _objects(value, kind="service"):
    """(kind, object) for every object with an id, in a service tree."""
    if isinstance(value, dict):
        if "id" in value:
            yield kind, value
        for key, inner in value.items():
            yield from _objects(inner, key)
    elif isinstance(value, list):
        for inner in value:
            yield from _objects(inner, kind)


def test_every_object_has_its_own_id_and_one_id_names_one_object(client, starter_data):
    seen = {}
    for kind, item in _objects(all_full_services(client)):
        uuid.UUID(item["id"])
        # The same organisation or term may appear under many services: the same object.
        previous = seen.setdefault(item["id"], (kind, item))
        assert previous == (kind, item), (kind, item["id"])
    areas = [
        item["id"] for kind, item in _objects(all_full_services(client)) if kind == "service_areas"
    ]
    assert len(areas) == len(set(areas)) == STARTER_SERVICES


def test_a_renamed_service_and_a_changed_number_keep_their_ids(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    before = client.get(f"/api/v1/services/{service.hsds_id}").json()
    service.name = "The National Stalking Helpline"
    service.slug = "stalking-helpline"
    service.save()
    phone = service.contacts.get(kind="voice")
    phone.value = "0808 802 0301"
    phone.save()
    session = service.opening_times.first()
    session.closes = dt.time(17)
    session.save()
    after = client.get(f"/api/v1/services/{service.hsds_id}").json()
    assert after["id"] == before["id"] and after["name"] == "The National Stalking Helpline"
    assert [p["id"] for p in after["phones"]] == [p["id"] for p in before["phones"]]
    assert after["phones"][0]["number"] == "0808 802 0301"
    assert [s["id"] for s in after["schedules"]] == [s["id"] for s in before["schedules"]]
    assert [a["id"] for a in after["attributes"]] == [a["id"] for a in before["attributes"]]


@pytest.mark.parametrize(
    ("now", "suffix", "hours", "valid_from", "valid_to"),
    [
        (WINTER, "+00:00", 0, "2026-10-25", "2027-03-27"),
        (SUMMER, "+01:00", 1, "2026-03-29", "2026-10-24"),
    ],
)
def test_opening_times_carry_the_uk_offset_in_force_and_the_dates_it_holds(
    starter_data, now, suffix, hours, valid_from, valid_to
):
    pub = hsds.publication(now)
    helpline = next(s for s in pub.services if s.slug == "national-stalking-helpline")
    schedules = hsds.service_full(helpline, pub)["schedules"]
    # Monday 9:30am to 4pm UK time, all year round: the wall clock does not move.
    monday = next(s for s in schedules if s["byday"] == "MO")
    assert (monday["opens_at"], monday["closes_at"]) == ("09:30" + suffix, "16:00" + suffix)
    assert monday["timezone"] == hours
    assert (monday["valid_from"], monday["valid_to"]) == (valid_from, valid_to)


def test_a_24_hour_service_opens_at_00_00_and_closes_at_23_59_every_day(client, starter_data):
    service = Service.objects.get(slug="samaritans")
    (schedule,) = client.get(f"/api/v1/services/{service.hsds_id}").json()["schedules"]
    assert schedule["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert schedule["opens_at"][:5] == "00:00" and schedule["closes_at"][:5] == "23:59"


def test_a_service_with_unknown_hours_has_no_schedules(client, starter_data):
    service = Service.objects.filter(always_open=False, opening_times__isnull=True).first()
    assert "schedules" not in client.get(f"/api/v1/services/{service.hsds_id}").json()


def test_the_organisation_has_a_website_and_a_description(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    organisation = client.get(f"/api/v1/services/{service.hsds_id}").json()["organization"]
    assert organisation["website"] == "https://www.suzylamplugh.org"
    assert "url" not in organisation
    # Staff wrote no description for this one: it says only which services it runs.
    assert organisation["description"] == "Runs National Stalking Helpline."


def test_attributes_name_our_taxonomy_terms(client, starter_data):
    service = Service.objects.get(slug="juno-womens-aid")
    attributes = client.get(f"/api/v1/services/{service.hsds_id}").json()["attributes"]
    codes = {
        (taxonomy.TERM_BY_ID[a["taxonomy_term_id"]].taxonomy, a["taxonomy_term"]["code"])
        for a in attributes
    }
    assert {("gender", "women"), ("relationship", "domestic"), ("area", "notts")} <= codes
    assert all(a["taxonomy_term"]["id"] == a["taxonomy_term_id"] for a in attributes)


def test_last_modified_moves_when_anything_about_the_service_changes(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    before = client.get(f"/api/v1/services/{service.hsds_id}").json()["last_modified"]
    phone = service.contacts.get(kind="voice")
    phone.instructions = "Calls are free."
    phone.save()
    after = client.get(f"/api/v1/services/{service.hsds_id}").json()["last_modified"]
    assert after > before


# --- the list's paging and filters --------------------------------------------------------


def test_pages_cover_every_service_once(client, starter_data):
    first = service_list(client, "?per_page=5")
    pages = -(-STARTER_SERVICES // 5)
    assert (first["total_items"], first["total_pages"], first["size"]) == (
        STARTER_SERVICES,
        pages,
        5,
    )
    assert first["first_page"] and not first["last_page"]
    ids = []
    for page in range(1, pages + 1):
        body = service_list(client, f"?per_page=5&page={page}")
        ids += [item["id"] for item in body["contents"]]
    assert body["last_page"] and body["size"] == STARTER_SERVICES - 5 * (pages - 1)
    assert len(ids) == len(set(ids)) == STARTER_SERVICES


def test_a_page_after_the_last_is_empty(client, starter_data):
    pages = -(-STARTER_SERVICES // 10)
    body = service_list(client, f"?per_page=10&page={pages + 1}")
    assert body["empty"] and body["contents"] == [] and body["total_pages"] == pages


def test_modified_after_the_future_returns_nothing(client, starter_data):
    body = service_list(client, "?modified_after=2099-01-01")
    assert body["total_items"] == 0 and body["empty"]


def test_modified_after_returns_only_what_changed(client, starter_data):
    now = dt.datetime.now(dt.UTC)
    service = Service.objects.get(slug="samaritans")
    # Samaritans and everything about it last changed a week ago; the rest just now.
    week_ago = now - dt.timedelta(days=7)
    Service.history.filter(id=service.pk).update(history_date=week_ago)
    Organisation.history.filter(id=service.organisation_id).update(history_date=week_ago)
    Contact.history.filter(service_id=service.pk).update(history_date=week_ago)
    # The clocks changing changes every schedule's offset: a cut-off after that, too.
    cutoff = max(now - dt.timedelta(days=1), offset_period(now).began + dt.timedelta(seconds=1))
    query = f"?modified_after={cutoff.isoformat().replace('+00:00', 'Z')}"
    names = {item["name"] for item in service_list(client, query)["contents"]}
    assert "Samaritans" not in names and len(names) == STARTER_SERVICES - 1
    older = service_list(client, f"?modified_after={(now - dt.timedelta(days=8)).date()}")
    assert older["total_items"] == STARTER_SERVICES


def test_filters_by_taxonomy_term_organisation_and_search_are_cumulative(client, starter_data):
    women = taxonomy.GENDER.term("women").id
    names = {
        item["name"] for item in service_list(client, f"?taxonomy_term_id={women}")["contents"]
    }
    assert names == set(Service.objects.filter(genders="women").values_list("name", flat=True))
    local = taxonomy.AREA.term("notts").id
    both = service_list(client, f"?taxonomy_term_id={women}&search=juno")["contents"]
    assert [item["name"] for item in both] == ["Juno Women's Aid 24-hour helpline"]
    assert service_list(client, f"?taxonomy_term_id={local}&search=samaritans")["empty"]
    organisation = Organisation.objects.get(slug="nottinghamshire-police")
    by_org = service_list(client, f"?organization_id={organisation.hsds_id}")["contents"]
    assert {item["organization_id"] for item in by_org} == {str(organisation.hsds_id)}
    assert len(by_org) == organisation.services.count() > 1
    # Every starter service has a role in the help-finder, published as an attribute.
    by_role = service_list(client, f"?taxonomy_id={taxonomy.ROLE.id}&per_page=100")
    assert by_role["total_items"] == Service.objects.exclude(role="").count() == 22
    advocacy = taxonomy.ROLE.term("local_stalking_advocacy").id
    assert [
        item["name"] for item in service_list(client, f"?taxonomy_term_id={advocacy}")["contents"]
    ] == ["Nottinghamshire Stalking Advocacy Service"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("?page=0", "page"),
        ("?page=two", "page"),
        ("?per_page=0", "per_page"),
        ("?per_page=100000", "per_page"),
        ("?modified_after=yesterday", "modified_after"),
        ("?modified_after=2026-13-45", "modified_after"),
        ("?taxonomy_term_id=women", "taxonomy_term_id"),
        (f"?taxonomy_term_id={uuid.UUID(int=1)}", "taxonomy_term_id"),
        ("?organization_id=police", "organization_id"),
        ("?taxonomy_id=x", "taxonomy_id"),
        ("?search=" + "x" * 201, "search"),
        ("?full=maybe", "full"),
        ("?minimal=true", "minimal"),
        ("?format=ndjson", "format"),
        ("?modifed_after=2026-01-01", "modifed_after"),
        ("?page=1&page=2", "page"),
    ],
)
def test_a_parameter_we_cannot_honour_is_refused_with_a_400_that_says_which(client, query, says):
    response = client.get("/api/v1/services" + query)
    assert response.status_code == 400
    assert says in response.json()["error"]


# --- the root, the taxonomy and unknown addresses --------------------------------------------


def test_the_root_says_the_hsds_version_and_where_the_openapi_document_is(client, settings):
    body = client.get("/api/v1/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"] == settings.SITE_URL + "/api/v1/openapi.json"
    assert "profile" not in body  # we claim no profile we have not checked
    assert body["license"]["name"] == "Open Government Licence v3.0"


def test_the_taxonomies_and_terms_are_valid_hsds_pages(client):
    taxonomies = client.get("/api/v1/taxonomies").json()
    terms = client.get("/api/v1/taxonomy_terms").json()
    for body in (taxonomies, terms):
        assert not errors(page_validator(), body)
    assert not [
        e for item in taxonomies["contents"] for e in errors(validator("taxonomy.json"), item)
    ]
    assert not [
        e for item in terms["contents"] for e in errors(validator("taxonomy_term.json"), item)
    ]
    assert terms["total_items"] == len(taxonomy.TERMS)
    names = {item["name"] for item in taxonomies["contents"]}
    assert {
        "Who is doing it",
        "Who the service is for: gender",
        "Who the service is for: age",
    } <= names
    role = client.get(f"/api/v1/taxonomy_terms?taxonomy_id={taxonomy.ROLE.id}").json()
    codes = {item["code"] for item in role["contents"]}
    assert {"local_stalking_advocacy", "domestic_abuse_line_women", "anonymous_reporting"} <= codes


def test_a_term_and_a_taxonomy_have_their_own_addresses(client):
    term = taxonomy.RELATIONSHIP.term("domestic")
    body = client.get(f"/api/v1/taxonomy_terms/{term.id}").json()
    assert body["name"] == term.name and body["taxonomy_detail"]["id"] == taxonomy.RELATIONSHIP.id
    assert (
        client.get(f"/api/v1/taxonomies/{taxonomy.RELATIONSHIP.id}").json()["name"]
        == "Who is doing it"
    )
    assert client.get(f"/api/v1/taxonomy_terms/{uuid.UUID(int=5)}").status_code == 404


@pytest.mark.parametrize(
    ("taxonomy_", "choices"),
    [
        (taxonomy.CATEGORY, Service.Category),
        (taxonomy.RELATIONSHIP, Service.Relationship),
        (taxonomy.GENDER, Service.Genders),
        (taxonomy.AREA, Service.Area),
        (taxonomy.BANK_HOLIDAYS, Service.BankHolidays),
    ],
)
def test_the_taxonomy_has_a_term_for_every_value_the_directory_can_hold(taxonomy_, choices):
    assert [term.code for term in taxonomy_.terms] == list(choices.values)


def test_the_age_terms_are_the_help_finders_age_groups():
    from signposting.triage import AGE_RANGES

    # "Prefer not to say" is an answer, not an age a service can take.
    assert taxonomy.AGE_RANGES == {k: v for k, v in AGE_RANGES.items() if k != "prefer_not"}


@pytest.mark.parametrize(
    "path",
    ["/api/", "/api/v2/services", "/api/v1/nothing", "/api/v1/services/", "/api/v1/services/123"],
)
def test_an_unknown_api_address_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_an_unknown_service_id_is_a_json_404(client, starter_data):
    response = client.get(f"/api/v1/services/{uuid.UUID(int=7)}")
    assert response.status_code == 404
    assert str(uuid.UUID(int=7)) in response.json()["error"]


def test_opening_time_ids_are_the_stored_ones(client, starter_data):
    session = OpeningTime.objects.filter(service__slug="national-stalking-helpline").first()
    body = client.get(f"/api/v1/services/{session.service.hsds_id}").json()
    assert str(session.hsds_id) in {s["id"] for s in body["schedules"]}


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from([*SERVICE_LIST, "x", "page[]", ""]),
        st.text(max_size=60),
        max_size=4,
    )
)
def test_any_query_is_answered_with_a_page_or_a_400_that_says_why(client, starter_data, params):
    response = client.get("/api/v1/services", params)
    assert response.status_code in (200, 400), (params, response.status_code)
    body = response.json()
    if response.status_code == 400:
        assert body["error"].strip()
    else:
        assert not errors(page_validator(), body)
