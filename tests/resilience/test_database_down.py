"""With the database unreachable, every public address still gives the emergency numbers."""

import json

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation

from stalkinghelp.content_generation import bump_generation
from stalkinghelp.language import language_from_path
from tests.answers import IN_DANGER_CANNOT_TALK
from tests.public_urls import public_paths

from .database import database_unreachable

pytestmark = pytest.mark.django_db

ANSWERS = IN_DANGER_CANNOT_TALK


def _in_language_of(path, text, **placeholders):
    """`text` as the page at `path` words it: in the language of its address."""
    with translation.override(language_from_path(path)):
        return translation.gettext(text) % placeholders


SILENT = "Call <bdi>%(number)s</bdi>, then press %(keys)s when asked"


def assert_shows_emergency_help(response, path="/"):
    html = response.content.decode()
    assert 'href="tel:999"' in html
    # English pages (the embed too) say "then press 55"; others say it in their language.
    silent = _in_language_of(path, SILENT, number="999", keys="55")
    assert (
        "then press 55" in html
        if silent == SILENT % {"number": "999", "keys": "55"}
        else silent in html
    )
    assert "National Stalking Helpline" in html
    assert "0808 802 0300" in html
    assert "Traceback" not in html


@pytest.fixture
def paths(starter_data):
    return public_paths(Client())


def test_every_public_page_shows_the_emergency_numbers_with_nothing_cached(paths):
    cache.clear()
    visitor = Client()
    with database_unreachable():
        for path in paths:
            response = visitor.get(path)
            assert response.status_code in (200, 503), path  # 200: needs no database
            if response.status_code == 503:
                assert response["Cache-Control"] == "no-store", path
                assert response["Retry-After"], path
                unavailable = _in_language_of(path, "Sorry, this page is not available right now")
                assert unavailable in response.content.decode(), path
            assert_shows_emergency_help(response, path)


def test_every_public_page_serves_its_last_good_copy(paths):
    visitor = Client()
    before = {path: visitor.get(path) for path in paths}
    bump_generation()  # an edit since: every copy is stale, and the database must be asked
    with database_unreachable():
        for path in paths:
            response = visitor.get(path)
            if before[path].status_code != 200:
                assert response.status_code == 503, path  # only pages that worked are kept
            else:
                assert response.status_code == 200, path
                assert response.content == before[path].content, path
            assert_shows_emergency_help(response, path)


def test_health_check_says_503(client):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_the_help_finder_answers_from_the_last_good_directory(client, starter_data):
    assert client.post("/get-help/", ANSWERS).status_code == 200  # keeps a copy
    bump_generation()  # the copy is out of date, but the best there is
    with database_unreachable():
        response = client.post("/get-help/", ANSWERS)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Who can help" in html
    assert "Paladin" in html  # from the directory copy, not the built-in numbers
    assert_shows_emergency_help(response)


def test_the_api_answers_from_the_last_good_directory(client, starter_data):
    body = json.dumps({"danger": True, "can_talk": False} | _api_answers())
    client.post("/api/v1/recommendations", body, content_type="application/json")
    bump_generation()
    with database_unreachable():
        response = client.post("/api/v1/recommendations", body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["recommendations"][0]["service"]["slug"] == "emergency-999"


def _api_answers():
    return {k: v for k, v in ANSWERS.items() if k not in ("danger", "can_talk")}


def test_the_help_finder_with_no_directory_copy_shows_the_emergency_page(client, starter_data):
    cache.clear()
    with database_unreachable():
        response = client.post("/get-help/", ANSWERS)
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert_shows_emergency_help(response)


def test_the_api_with_no_directory_copy_answers_503_in_json(client, starter_data):
    cache.clear()
    body = json.dumps({"danger": True, "can_talk": False} | _api_answers())
    with database_unreachable():
        response = client.post("/api/v1/recommendations", body, content_type="application/json")
    assert response.status_code == 503
    data = response.json()
    assert "unavailable" in data["error"]
    assert data["emergency"]["emergency"]["number"] == "999"
    assert data["emergency"]["helpline"]["number"] == "0808 802 0300"


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1},
    }
}


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_pages_still_render_when_the_cache_is_down(client, starter_data):
    for path in ["/", "/services/", "/what-is-stalking/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_shows_emergency_help(response)
    assert client.post("/get-help/", ANSWERS).status_code == 200


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_with_the_cache_and_the_database_down_the_numbers_still_show(client, starter_data):
    with database_unreachable():
        for path in ["/", "/services/", "/what-is-stalking/"]:
            response = client.get(path)
            assert response.status_code == 503, path
            assert_shows_emergency_help(response)
