"""axe finds no WCAG 2.2 A/AA or best-practice violations on the help-finder's results and
a service page, at phone and desktop width, with JavaScript on and off."""

import re

import pytest

from tests.answers import IN_DANGER_CANNOT_TALK
from tests.browser.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERVICE = "/services/national-stalking-helpline/"
ANSWERS = IN_DANGER_CANNOT_TALK
WIDTHS = [("phone_page", "phone_page_nojs"), ("desktop_page", "desktop_page_nojs")]


def open_service(page, site):
    page.goto(site + SERVICE)


def open_results(page, site):
    page.goto(site + "/get-help/")
    for name, value in ANSWERS.items():
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Show who can help").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Who can help you").is_visible()


OPENERS = {"service page": open_service, "results page": open_results}


@pytest.mark.parametrize("which", OPENERS)
@pytest.mark.parametrize(("with_js", "_without_js"), WIDTHS)
def test_page_has_no_axe_violations_with_javascript(
    request, live_server, starter_data, which, with_js, _without_js
):
    page = request.getfixturevalue(with_js)
    OPENERS[which](page, live_server.url)
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("which", OPENERS)
@pytest.mark.parametrize(("with_js", "without_js"), WIDTHS)
def test_page_has_no_axe_violations_without_javascript(
    request, live_server, starter_data, which, with_js, without_js
):
    # axe needs JavaScript: the page as a script-less browser got it is replayed into a
    # scripting browser, scripts removed, for axe to check.
    plain = request.getfixturevalue(without_js)
    OPENERS[which](plain, live_server.url)
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", plain.content(), flags=re.S | re.I)
    checker = request.getfixturevalue(with_js)
    url = live_server.url + "/replayed/"
    checker.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    checker.goto(url)
    violations = axe_violations(checker)
    assert not violations, describe(violations)
