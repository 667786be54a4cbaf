"""After the quick exit, Back never shows what a visitor answered (safety rules 2 and 3).

Exit from the help-finder's results, from a service page reached from them and from the
self-check's answer, then press Back until the visitor would be off this site, with
JavaScript on and off.

These contexts route no requests: while Playwright intercepts requests, Chromium fetches
a history entry from the network and silently sends a POST again, which a visitor's
Chromium does not do. So the "neutral site" is this test server under another origin.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = NOT_IN_DANGER_SOMEONE_KNOWN
MAX_BACKS = 4
# Chromium's page for a history entry whose POST it will not re-send by itself.
RESEND_PROMPT = "ERR_CACHE_MISS"


@pytest.fixture
def neutral_url(settings, live_server, starter_data):
    # The same server under its other name is another origin: not "our site" to the browser.
    parts = urlsplit(live_server.url)
    other = "127.0.0.1" if parts.hostname == "localhost" else "localhost"
    settings.QUICK_EXIT_URL = f"http://{other}:{parts.port}/robots.txt"
    return settings.QUICK_EXIT_URL


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def visitor(request, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=request.param)
    page = context.new_page()
    page.javascript = request.param
    yield page
    context.close()


def open_results(page, site):
    page.goto(site + "/get-help/")
    for name, value in ANSWERS.items():
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Show who can help").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Who can help you").is_visible()


def open_service_from_results(page, site):
    open_results(page, site)
    page.locator("a", has_text="More about").first.click()
    page.wait_for_load_state()
    assert "/services/" in page.url


def open_self_check_answer(page, site):
    page.goto(site + "/is-it-stalking/")
    page.locator("input[name='answers']").nth(0).check()
    page.locator("input[name='answers']").nth(2).check()
    page.get_by_role("button", name="See what this means").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="What your answers mean").is_visible()


OPENERS = {
    "results": open_results,
    "service page from results": open_service_from_results,
    "self-check answer": open_self_check_answer,
}


def what_back_shows(page):
    """Press Back once and say what the visitor sees."""
    try:
        page.go_back(wait_until="load")
    except PlaywrightError as error:
        if RESEND_PROMPT in str(error):
            # Chromium shows its error page in its own process: let it finish arriving.
            page.wait_for_url("chrome-error://**")
            page.wait_for_load_state()
            return "resend prompt"
        raise
    if page.url.startswith("chrome-error://"):
        return "resend prompt"
    return page.url


def answers_on_screen(page):
    ticked = page.locator("input:checked").count()
    results = page.get_by_role("heading", name="Who can help").count()
    meaning = page.get_by_role("heading", name="What your answers mean").count()
    return ticked + results + meaning


def back_through_our_pages(page, site, neutral):
    """Each step Back takes from the neutral site: (what was shown, answers on screen)."""
    steps = []
    for _ in range(MAX_BACKS):
        shown = what_back_shows(page)
        if shown == "resend prompt":
            steps.append((shown, 0))
            continue
        if not shown.startswith(site):
            break  # off our site: before our first page, or back at the neutral site
        steps.append((urlsplit(shown).path, answers_on_screen(page)))
    return steps


@pytest.mark.parametrize("opener", OPENERS)
def test_back_after_quick_exit_never_shows_answers(visitor, live_server, neutral_url, opener):
    site = live_server.url
    OPENERS[opener](visitor, site)
    sent_again = []
    # Responses, not requests: Chromium starts a cache-only POST for a history entry and
    # stops with ERR_CACHE_MISS; only a POST answered by the server went out again.
    visitor.on(
        "response",
        lambda r: sent_again.append(r.url) if r.request.method == "POST" else None,
    )
    visitor.locator("[data-quick-exit]").click()
    visitor.wait_for_url(neutral_url)

    steps = back_through_our_pages(visitor, site, neutral_url)

    assert steps, "Back should reach this site's pages before the visitor's first one"
    assert [step for step in steps if step[1]] == []
    assert sent_again == []  # Back never sends the answers to us again
    if visitor.javascript:
        # The answer pages rewrote their history entries as plain visits: Back shows the
        # empty form, and never offers to send the answers again.
        assert "resend prompt" not in [shown for shown, _ in steps]


def test_without_javascript_back_reaches_chromiums_resend_prompt(browser, live_server, neutral_url):
    # What the "Using this site safely" page says about Back without JavaScript: the
    # browser keeps the answers with the results' history entry and offers to send them
    # again. If Chromium stops doing that, the page must be checked again.
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    try:
        open_results(page, live_server.url)
        page.locator("[data-quick-exit]").click()
        page.wait_for_url(neutral_url)
        assert what_back_shows(page) == "resend prompt"
    finally:
        context.close()


def test_reloading_the_results_shows_the_empty_form(phone_page, live_server, starter_data):
    # With JavaScript the results' history entry is a plain visit, so Reload (or Back,
    # later) asks for the form, not the answers.
    open_results(phone_page, live_server.url)
    with phone_page.expect_request(lambda r: r.url.endswith("/get-help/")) as reloaded:
        phone_page.reload()
    assert reloaded.value.method == "GET"
    assert phone_page.get_by_role("heading", name="Find the right help").is_visible()
    assert phone_page.locator("input:checked").count() == 0


def restore_from_back_forward_cache(page):
    # Chromium does not keep these no-store pages in the back-forward cache today; other
    # browsers and later versions may. The events are what the page would see.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
    hidden = page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    return hidden


def test_results_from_the_back_forward_cache_are_hidden_and_reloaded_empty(
    phone_page, live_server, starter_data
):
    open_results(phone_page, live_server.url)
    with phone_page.expect_request(lambda r: r.url.endswith("/get-help/")) as reloaded:
        assert restore_from_back_forward_cache(phone_page)
    assert reloaded.value.method == "GET"
    phone_page.wait_for_load_state()
    assert phone_page.locator("input:checked").count() == 0


@pytest.mark.parametrize(
    ("path", "fill"),
    [
        ("/get-help/", lambda page: page.locator("input[type=radio]").first.check()),
        ("/is-it-stalking/", lambda page: page.locator("input[name=answers]").first.check()),
        ("/search/", lambda page: page.locator("main input[name=q]").fill("tracker on my car")),
    ],
)
def test_a_form_brought_back_from_history_is_empty(
    phone_page, live_server, starter_data, path, fill
):
    phone_page.goto(live_server.url + path)
    form = phone_page.locator("form[data-forget-answers]")
    assert form.get_attribute("autocomplete") == "off"
    fill(phone_page)
    phone_page.evaluate(
        "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
    )
    assert phone_page.locator("input:checked").count() == 0
    # Every search box (the header's and the search page's own) is empty.
    typed = phone_page.locator("input[name=q]").evaluate_all("boxes => boxes.map(b => b.value)")
    assert not any(typed)
