"""The help-finder's error summary with JavaScript: focus goes to it when the page comes
back with errors, and each link shows the whole question, not only its first radio."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit_a_tampered_answer(page, site):
    # Every question may be left out now (a missing answer takes the broadest choice), so
    # only a value that is not a choice brings the form back with errors. The last
    # question is tampered with, so its link has the furthest to bring into view.
    page.goto(site + "/get-help/")
    page.locator('input[name="area"]').first.evaluate(
        "radio => { radio.value = 'atlantis'; radio.checked = true; }"
    )
    page.get_by_role("button", name="Show who can help").first.click()
    page.wait_for_load_state()


def test_the_error_summary_takes_focus(phone_page, live_server, starter_data):
    submit_a_tampered_answer(phone_page, live_server.url)
    assert phone_page.evaluate("document.activeElement.matches('[data-error-summary]')")


def test_an_error_link_focuses_the_answer_and_shows_the_whole_question(
    phone_page, live_server, starter_data
):
    submit_a_tampered_answer(phone_page, live_server.url)
    link = phone_page.locator("[data-error-summary] a").last  # the question furthest down
    target = link.get_attribute("href").removeprefix("#")
    link.click()
    assert phone_page.evaluate("document.activeElement.id") == target
    legend_top = phone_page.evaluate(
        "id => document.getElementById(id).closest('fieldset')"
        ".querySelector('legend').getBoundingClientRect().top",
        target,
    )
    assert legend_top >= 0  # the question's text is on screen, above its answers
    assert phone_page.evaluate("location.hash") == ""  # nothing added to the history
