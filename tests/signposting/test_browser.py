"""The help-finder end to end in a real Chromium at phone width, JavaScript off and on, with axe."""

import pytest
from django.core.management import call_command

from tests.browser.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "danger": "no",
    "for_whom": "me",
    "can_talk": "no",
    "can_speak_and_hear": "yes",
    "relationship": "known",
    "gender": "woman",
    "age": "19_plus",
    "area": "notts",
}
SHOW = {"name": "Show who can help", "exact": True}


@pytest.fixture
def site(live_server):
    call_command("load_starter_data", verbosity=0)
    return live_server.url


def answer(page, answers):
    for name, value in answers.items():
        page.locator(f'input[name="{name}"][value="{value}"]').check()


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)


def assert_big_tap_targets(page, selector):
    links = page.locator(selector)
    assert links.count() > 0
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (selector, i, box)


@pytest.mark.parametrize("page_fixture", ["phone_page_nojs", "phone_page"])
def test_help_finder_end_to_end_at_phone_width(request, page_fixture, site):
    page = request.getfixturevalue(page_fixture)
    page.goto(site + "/get-help/")
    assert page.locator('a[href="tel:999"]').first.is_visible()
    answer(page, ANSWERS)
    page.get_by_role("button", **SHOW).click()
    page.wait_for_load_state()

    assert page.url == site + "/get-help/", "the answers never go in the URL"
    assert page.get_by_role("heading", name="Who can help you").is_visible()
    names = page.locator(".sh-recommendation__name").all_inner_texts()
    # Cannot talk: the silent and text routes come before the support lines.
    assert names[0].startswith("Silent Solution")
    assert names.index("Nottinghamshire Stalking Advocacy Service") > names.index(
        "Relay UK (18000)"
    )
    assert page.locator('a[href="tel:+441159476490"]').count() == 1
    assert (
        page.locator('a[href="tel:+441159605556"]').count() == 0
    )  # men's line not shown to a woman
    assert page.get_by_text("put 18001 in front of any number on this page").count() == 1
    # The warning is part of the card it is about, where a screen reader meets it.
    advocacy = page.locator(".sh-recommendation").filter(
        has=page.get_by_role("heading", name="Nottinghamshire Stalking Advocacy Service")
    )
    assert advocacy.get_by_text("We are still checking these contact details.").is_visible()
    assert_big_tap_targets(page, ".sh-recommendations .sh-call")


@pytest.mark.parametrize("page_fixture", ["phone_page_nojs", "phone_page"])
def test_answering_only_danger_shows_emergency_help_with_the_other_questions_below(
    request, page_fixture, site
):
    page = request.getfixturevalue(page_fixture)
    page.goto(site + "/get-help/")
    answer(page, {"danger": "yes"})
    page.get_by_role("button", **SHOW).click()
    page.wait_for_load_state()

    assert page.locator(".govuk-error-summary").count() == 0
    names = page.locator(".sh-recommendation__name").all_inner_texts()
    assert names[:5] == [
        "999 emergency",
        "Silent Solution (999, then 55)",
        "emergencySMS (text 999)",
        "Relay UK (18000)",
        "999 BSL",
    ]
    more = page.get_by_role("heading", name="Answer the other questions")
    assert more.is_visible()
    # Answering one more question below keeps the first answer.
    answer(page, {"relationship": "partner"})
    page.get_by_role("button", **SHOW).first.click()
    page.wait_for_load_state()
    names = page.locator(".sh-recommendation__name").all_inner_texts()
    assert names[0] == "999 emergency" and "Juno Women's Aid 24-hour helpline" in names


def _send_a_value_that_is_not_a_choice(page):
    # A person cannot do this with the radios; a tampered request can.
    page.locator('input[name="relationship"][value="known"]').evaluate(
        "radio => { radio.value = 'boss'; radio.checked = true; }"
    )
    page.get_by_role("button", **SHOW).click()
    page.wait_for_load_state()


def test_a_value_that_is_not_a_choice_shows_the_error_summary_linked_to_the_field(phone_page, site):
    page = phone_page
    page.goto(site + "/get-help/")
    _send_a_value_that_is_not_a_choice(page)
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Error:")
    link = summary.get_by_role("link", name="Select who is doing it")
    assert page.locator(link.get_attribute("href")).count() == 1


def test_change_your_answers_keeps_them(phone_page_nojs, site):
    page = phone_page_nojs
    page.goto(site + "/get-help/")
    answer(page, ANSWERS)
    page.get_by_role("button", **SHOW).click()
    page.get_by_role("button", name="Change your answers").click()
    assert page.locator('input[name="relationship"][value="known"]').is_checked()
    assert page.locator(".govuk-error-summary").count() == 0


def test_axe_finds_nothing_on_the_form_an_error_and_the_results(phone_page, site):
    page = phone_page
    page.goto(site + "/get-help/")
    assert_no_axe_violations(page)

    _send_a_value_that_is_not_a_choice(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert_no_axe_violations(page)

    answer(page, {**ANSWERS, "danger": "yes"})
    page.get_by_role("button", **SHOW).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Who can help you").is_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    ["/services/", "/services/national-stalking-helpline/", "/services/notts-stalking-advocacy/"],
)
def test_axe_finds_nothing_on_the_directory_pages(phone_page, site, path):
    phone_page.goto(site + path)
    assert_no_axe_violations(phone_page)
    assert_big_tap_targets(phone_page, "main .sh-call")
