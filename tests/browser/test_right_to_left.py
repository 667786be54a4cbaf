"""Arabic and Urdu pages, right to left on a small phone: Quick exit and the emergency strip
stay visible and tappable, nothing scrolls sideways, and Shift x3 speaks the page's language
(issue 16, section 4)."""

import pytest
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_PHONE = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
QUICK_EXIT_BAR = 64  # fixed to the bottom of a phone (assets/scss/_site-layout.scss)


@pytest.fixture(params=[SMALL_PHONE, PHONE], ids=["320", "390x844"])
def rtl_phone(request, browser):
    context = browser.new_context(viewport=request.param, is_mobile=True)
    # The quick exit's neutral site is never really reached from tests.
    context.route(
        lambda url: not url.startswith(("http://localhost", "http://127.0.0.1", "data:", "about:")),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>N</title>"),
    )
    page = context.new_page()
    yield page, request.param
    context.close()


def _tappable(page, locator):
    """The element a finger lands on at the middle of `locator` is that element."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return locator.evaluate(
        "(el, [x, y]) => { const hit = document.elementFromPoint(x, y);"
        " return hit === el || el.contains(hit); }",
        [x, y],
    )


@pytest.mark.parametrize(
    "path", ["/ar/", "/ar/what-is-stalking/", "/ur/get-help/", "/ar/no-such-page/"]
)
def test_right_to_left_pages_keep_quick_exit_and_the_strip_in_reach(
    rtl_phone, live_server, starter_data, path
):
    page, viewport = rtl_phone
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    quick_exit = page.locator("[data-quick-exit]")
    box = quick_exit.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"]
    assert _tappable(page, quick_exit)

    for call in page.locator(".emergency-strip a[href^='tel:']").all():
        call.scroll_into_view_if_needed()
        box = call.bounding_box()
        assert box["height"] >= 24
        assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]
        assert box["y"] + box["height"] <= viewport["height"] - QUICK_EXIT_BAR
        assert _tappable(page, call)
        # The number itself stays left to right inside the right-to-left sentence.
        assert call.locator("bdi").count() == 1


def test_the_strip_is_on_the_first_screen_of_a_phone_in_arabic(
    rtl_phone, live_server, starter_data
):
    page, viewport = rtl_phone
    page.goto(live_server.url + "/ar/")
    for call in page.locator(".emergency-strip a[href^='tel:']").all():
        box = call.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] - QUICK_EXIT_BAR


def test_shift_announcements_are_read_from_the_page_in_its_language(
    rtl_phone, live_server, starter_data
):
    page, _viewport = rtl_phone
    page.goto(live_server.url + "/ar/")
    status = page.locator("[data-quick-exit-status]")
    expected = _announcements("ar")
    assert status.get_attribute("data-quick-exit-press-2") == expected[2]  # from the catalogue
    assert expected[2] != _announcements("en-gb")[2]
    page.keyboard.press("Shift")
    assert status.text_content() == expected[2]
    page.keyboard.press("Shift")
    assert status.text_content() == expected[1]
    page.keyboard.press("Shift")
    page.wait_for_url("**/weather")


def _announcements(code):
    """What the page should announce with 2 and 1 presses left, in a language."""
    singular = "Press Shift %(left)s more time to leave this site."
    plural = "Press Shift %(left)s more times to leave this site."
    with translation.override(code):
        return {
            left: translation.ngettext(singular, plural, left) % {"left": left} for left in (2, 1)
        }
