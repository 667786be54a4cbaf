"""axe finds no WCAG 2.2 A/AA or best-practice violations on any public page,
phone and desktop, JavaScript on and off."""

import re

import pytest
from django.test import Client

from tests.browser.axe import axe_violations, describe
from tests.public_urls import public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def all_public_paths(starter_data):
    return public_paths(Client())


def without_scripts(html):
    return re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S | re.I)


def serve(html):
    def handler(route):
        route.fulfill(body=html, content_type="text/html")

    return handler


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_every_public_page_has_no_axe_violations(
    request, page_fixture, live_server, all_public_paths
):
    page = request.getfixturevalue(page_fixture)
    failures = {}
    for path in all_public_paths:
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            failures[path] = describe(violations)
    assert not failures, failures


def test_every_public_page_has_no_axe_violations_without_javascript(
    phone_page, phone_page_nojs, live_server, all_public_paths
):
    # axe itself needs JavaScript, so the page as served with scripts off is
    # replayed, scripts removed, into a scripting browser that axe can drive.
    failures = {}
    for path in all_public_paths:
        url = live_server.url + path
        phone_page_nojs.goto(url)
        html = without_scripts(phone_page_nojs.content())
        phone_page.route(url, serve(html))
        phone_page.goto(url)
        phone_page.unroute(url)
        violations = axe_violations(phone_page)
        if violations:
            failures[path] = describe(violations)
    assert not failures, failures
