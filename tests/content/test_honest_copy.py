"""What the site says about itself is true (safety rule 7)."""

import re

import pytest
from django.test import Client

from tests.answers import IN_DANGER_CANNOT_TALK
from tests.public_urls import every_public_path

pytestmark = pytest.mark.django_db


def _text(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def every_page_text(starter_data):
    client = Client()
    pages = {path: _text(client.get(path)) for path in every_public_path(client)}
    pages["results"] = _text(client.post("/get-help/", IN_DANGER_CANNOT_TALK))
    return pages


def test_the_footer_says_the_server_logs_visits(every_page_text):
    # gunicorn's access log keeps the time and the path of every request.
    home = every_page_text["/"]
    assert "no record of your visit" not in home
    assert "our server does log which pages are asked for, and when" in home


def test_not_on_the_bill_always_comes_with_the_call_history(every_page_text):
    missing = {}
    for path, text in every_page_text.items():
        for sentence in re.split(r"(?<=[.!?])\s", text):
            if re.search(r"phone bills?\b", sentence) and "call history" not in sentence:
                missing.setdefault(path, []).append(sentence.strip())
    assert not missing, missing
    assert any("phone bill" in text for text in every_page_text.values())


def test_the_safety_page_says_what_the_quick_exit_does_and_does_not_do(every_page_text):
    text = every_page_text["/using-this-site-safely/"]
    # With JavaScript: the page left is replaced in the history, answers come back empty.
    assert "takes the page you were on out of the list that the Back button uses" in text
    assert "they will see the questions with no answers ticked" in text
    assert "stops the Back button bringing you back" not in text  # no longer promised
    # Without JavaScript: what Chromium does (tests/browser/test_back_after_quick_exit.py).
    assert "Back will bring you back to the page you were on" in text
    assert "Confirm form resubmission" in text
    assert "the browser sends your answers to us again" in text
    # What stays behind, and how to delete it on the common phone browsers.
    assert "The pages of this site you visited stay in the list" in text
    for browser in ("Chrome on an Android phone", "Safari on an iPhone", "Samsung Internet"):
        assert browser in text
    assert "the call shows in the call history on your phone" in text


def test_the_accessibility_statement_names_the_standard_the_problems_and_a_way_to_report(
    every_page_text,
):
    text = every_page_text["/accessibility/"]
    assert "version 2.2, level AA" in text
    assert "320 pixels wide" in text and "400%" in text
    assert "We do not know of any problems" not in text
    known = text.split("Known problems", 1)[1].split("Tell us about a problem", 1)[0]
    assert known.count(".") >= 4  # the problems that remain, each said plainly
    # No contact route exists in the facts or the repository: none is invented.
    report = text.split("Tell us about a problem", 1)[1].split("If you cannot call", 1)[0]
    assert "@" not in report and "http" not in report
    assert "We are still setting up a way for you to tell us" in report
