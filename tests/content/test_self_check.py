"""The "Is it stalking?" self-check: four questions, answered by POST, kept nowhere."""

import logging
import re

import pytest

from content.models import Page

pytestmark = pytest.mark.django_db

URL = "/is-it-stalking/"


@pytest.fixture
def self_check(starter_data):
    return Page.objects.get(slug="is-it-stalking")


def test_the_self_check_shows_four_questions_in_a_post_form(client, self_check):
    html = client.get(URL).content.decode()
    assert '<form method="post"' in html
    for key in ("fixated", "obsessive", "unwanted", "repeated"):
        assert f'value="{key}"' in html


@pytest.mark.parametrize(
    "answers, expected",
    [
        (["fixated", "obsessive", "unwanted", "repeated"], "You ticked all four."),
        (["unwanted", "repeated"], "You ticked 2 of the four."),
        (["repeated"], "You ticked 1 of the four."),
        ([], "You did not tick any."),
    ],
)
def test_the_result_depends_on_the_answers_and_leads_to_the_help_finder(
    client, self_check, answers, expected
):
    response = client.post(URL, {"answers": answers})
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    assert 'href="/get-help/"' in html


def test_the_result_is_never_cached_and_sets_no_cookie(client, self_check):
    response = client.post(URL, {"answers": ["fixated"]})
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response.cookies == {}


def test_the_result_never_says_it_is_not_stalking(client, self_check):
    html = client.post(URL, {}).content.decode().lower()
    assert "not stalking" not in html


def test_nonsense_answers_are_ignored_safely(client, self_check):
    response = client.post(URL, {"answers": ["<script>", "fixated"]})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_the_answers_are_not_logged(client, self_check, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post(URL, {"answers": ["obsessive"]})
    assert "obsessive" not in caplog.text


def test_the_self_check_needs_no_csrf_cookie(self_check):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"answers": ["fixated"]}).status_code == 200


def test_search_needs_no_csrf_cookie(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/search/", {"q": "stalking"}).status_code == 200


def test_the_self_check_still_works_after_its_address_changes(client, self_check):
    self_check.slug = "am-i-being-stalked"
    self_check.save()
    assert client.post("/am-i-being-stalked/", {"answers": ["fixated"]}).status_code == 200
    assert client.get(URL).status_code == 301


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_answer_has_its_own_page_title(client, self_check):
    # Screen readers announce the title first: it must say the page has changed.
    question = _title(client.get(URL).content.decode())
    answer = _title(client.post(URL, {"answers": ["fixated"]}).content.decode())
    assert answer != question
    assert answer.startswith("What your answers mean")


def test_the_self_check_does_not_promise_the_answers_go_nowhere(client, self_check):
    # They are sent to our server to work out the answer (and not kept): say so.
    html = client.get(URL).content.decode()
    assert "sent to anyone" not in html
    assert "not saved" in html
