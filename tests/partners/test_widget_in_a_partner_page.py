"""The widget as partners embed it: a page on another origin, a phone, perhaps a sandbox.

Chromium loads a partner's page from a second local server; the page holds our snippet
exactly as /partners/ gives it, pointing at the live site.
"""

import pytest
from django.core.management import call_command

from partners.embed import SANDBOX, embed_snippet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTHS = [320, 360, 375, 390]


@pytest.fixture
def site(live_server, settings):
    call_command("load_starter_data", verbosity=0)
    settings.SITE_URL = live_server.url  # the snippet points at this site
    return live_server.url


@pytest.fixture
def phone(browser):
    contexts = []

    def open_at(width):
        context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
        # The quick exit's neutral site is never really reached: a stand-in answers.
        context.route(
            lambda url: not url.startswith(("http://127.0.0.1", "http://localhost", "data:")),
            lambda route: route.fulfill(
                status=200, content_type="text/html", body="<title>Neutral</title>"
            ),
        )
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def partner_page(snippet):
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>A partner</title></head><body><h1>Our charity</h1>"
        f"<p>If you need help with stalking:</p>{snippet}<p>More of our page.</p></body></html>"
    )


def widget_frame(page):
    frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_load_state("load")
    return frame


def _frame_metrics(frame):
    return frame.evaluate(
        """() => {
            const exit = document.querySelector('.embed__exit').getBoundingClientRect();
            return {
                content: document.documentElement.scrollHeight,
                height: window.innerHeight,
                width: window.innerWidth,
                contentWidth: document.documentElement.scrollWidth,
                exitTop: exit.top, exitBottom: exit.bottom,
            };
        }"""
    )


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_the_snippet_shows_the_whole_widget_on_a_phone(phone, site, other_origin, width):
    pages, origin = other_origin
    pages["/partner.html"] = partner_page(embed_snippet())
    page = phone(width)
    page.goto(origin + "/partner.html")
    metrics = _frame_metrics(widget_frame(page))
    assert metrics["content"] <= metrics["height"], metrics  # nothing cut off at the bottom
    assert metrics["contentWidth"] <= metrics["width"], metrics  # nor at the side


@pytest.mark.parametrize("width", [320, 390])
def test_the_quick_exit_stays_in_view_in_a_frame_too_short_for_the_widget(
    phone, site, other_origin, width
):
    pages, origin = other_origin
    short = embed_snippet().replace('height="', 'data-was="')
    pages["/partner.html"] = partner_page(short.replace("<iframe ", '<iframe height="140" '))
    page = phone(width)
    page.goto(origin + "/partner.html")
    frame = widget_frame(page)
    frame.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    metrics = _frame_metrics(frame)
    assert metrics["content"] > metrics["height"], "the frame really is too short"
    assert 0 <= metrics["exitTop"] and metrics["exitBottom"] <= metrics["height"], metrics


def test_in_the_documented_sandbox_the_links_leave_the_frame(phone, site, other_origin):
    pages, origin = other_origin
    pages["/partner.html"] = partner_page(embed_snippet(sandboxed=True))
    page = phone(360)
    page.goto(origin + "/partner.html")
    frame = widget_frame(page)
    assert SANDBOX in page.locator("iframe").get_attribute("sandbox")
    # Our stylesheet still applies in the sandbox (the quick exit is a black button).
    colour = frame.evaluate(
        "() => getComputedStyle(document.querySelector('.embed__exit')).backgroundColor"
    )
    assert colour == "rgb(0, 0, 0)"
    frame.get_by_role("link", name="Find the right help for you").click()
    page.wait_for_url(site + "/get-help/")


def test_in_the_documented_sandbox_the_quick_exit_leaves_the_partners_page(
    phone, site, other_origin, settings
):
    pages, origin = other_origin
    pages["/partner.html"] = partner_page(embed_snippet(sandboxed=True))
    page = phone(320)
    page.goto(origin + "/partner.html")
    widget_frame(page).get_by_role("link", name="Quick exit").click()
    page.wait_for_url(settings.QUICK_EXIT_URL)


def test_without_the_sandbox_token_the_links_are_stuck_in_the_frame(phone, site, other_origin):
    # Why the token is documented: a bare sandbox stops every link leaving the frame.
    pages, origin = other_origin
    bare = embed_snippet().replace("<iframe ", '<iframe sandbox="" ')
    pages["/partner.html"] = partner_page(bare)
    page = phone(360)
    page.goto(origin + "/partner.html")
    widget_frame(page).get_by_role("link", name="Find the right help for you").click()
    page.wait_for_timeout(1000)  # a bounded wait for a navigation that must not happen
    assert page.url == origin + "/partner.html"
