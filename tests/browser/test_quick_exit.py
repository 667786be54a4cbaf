"""The quick exit, in a real Chromium at phone width (safety rule 3)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://www.bbc.co.uk/weather"
BEFORE = "https://example.org/before"  # stands in for wherever the visitor was before


def on_our_site(page, live_server):
    return page.url.startswith(live_server.url)


def open_home(page, live_server):
    page.goto(BEFORE)
    page.goto(live_server.url + "/")
    page.wait_for_load_state("load")


def test_quick_exit_is_a_real_link_that_works_without_javascript(phone_page_nojs, live_server):
    open_home(phone_page_nojs, live_server)
    link = phone_page_nojs.locator("[data-quick-exit]")
    assert link.get_attribute("href") == NEUTRAL
    assert set(link.get_attribute("rel").split()) == {"noreferrer", "nofollow"}
    link.click()
    phone_page_nojs.wait_for_url(NEUTRAL)


def test_quick_exit_click_leaves_and_back_does_not_return(phone_page, live_server):
    open_home(phone_page, live_server)
    phone_page.locator("[data-quick-exit]").click()
    phone_page.wait_for_url(NEUTRAL)
    phone_page.go_back()
    phone_page.wait_for_load_state()
    assert not on_our_site(phone_page, live_server)
    assert phone_page.url == BEFORE


def test_quick_exit_blanks_the_page_at_once(phone_page, live_server):
    open_home(phone_page, live_server)
    # The neutral site answers 204 No Content, so the browser stays on the page
    # it was leaving and we can inspect what the visitor would have seen.
    phone_page.route(NEUTRAL, lambda route: route.fulfill(status=204))
    # Waiting for the request to the neutral site itself: the page makes no other.
    with phone_page.expect_request(NEUTRAL):
        phone_page.locator("[data-quick-exit]").click()
    assert phone_page.evaluate("document.documentElement.classList.contains('quick-exit-leaving')")
    assert phone_page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    assert phone_page.evaluate("document.title") == ""


def test_three_shift_presses_leave(phone_page, live_server):
    open_home(phone_page, live_server)
    for _ in range(3):
        phone_page.keyboard.press("Shift")
    phone_page.wait_for_url(NEUTRAL)
    phone_page.go_back()
    assert not on_our_site(phone_page, live_server)


def test_another_key_between_shift_presses_resets_the_count(phone_page, live_server):
    open_home(phone_page, live_server)
    for key in ("Shift", "a", "Shift", "Shift"):
        phone_page.keyboard.press(key)
    phone_page.wait_for_timeout(500)
    assert on_our_site(phone_page, live_server)
    phone_page.keyboard.press("Shift")  # the third Shift since the reset
    phone_page.wait_for_url(NEUTRAL)


def test_shift_used_for_a_capital_letter_does_not_count(phone_page, live_server):
    open_home(phone_page, live_server)
    phone_page.keyboard.press("Shift+A")
    phone_page.keyboard.press("Shift")
    phone_page.keyboard.press("Shift")
    phone_page.wait_for_timeout(500)
    assert on_our_site(phone_page, live_server)


def test_screen_readers_hear_how_many_presses_remain(phone_page, live_server):
    open_home(phone_page, live_server)
    status = phone_page.locator("[data-quick-exit-status]")
    assert status.get_attribute("aria-live") == "polite"
    phone_page.keyboard.press("Shift")
    assert status.text_content() == "Press Shift 2 more times to leave this site."
    phone_page.keyboard.press("Shift")
    assert status.text_content() == "Press Shift 1 more time to leave this site."


def test_presses_more_than_five_seconds_apart_start_again(phone_page, live_server):
    open_home(phone_page, live_server)
    # Move the page's clock rather than waiting: Date.now() drives the 5 s window.
    phone_page.evaluate(
        "() => { window.__offset = 0; const real = Date.now;"
        " Date.now = () => real() + window.__offset; }"
    )
    phone_page.keyboard.press("Shift")
    phone_page.keyboard.press("Shift")
    phone_page.evaluate("() => { window.__offset = 6000; }")
    phone_page.keyboard.press("Shift")
    phone_page.wait_for_timeout(300)
    assert on_our_site(phone_page, live_server)


def test_a_page_restored_from_the_back_forward_cache_is_not_left_blank(phone_page, live_server):
    open_home(phone_page, live_server)
    phone_page.evaluate("document.documentElement.classList.add('quick-exit-leaving')")
    phone_page.evaluate(
        "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"
    )
    assert not phone_page.evaluate(
        "document.documentElement.classList.contains('quick-exit-leaving')"
    )


def test_quick_exit_is_visible_and_thumb_sized_at_phone_width(phone_page, live_server):
    open_home(phone_page, live_server)
    box = phone_page.locator("[data-quick-exit]").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert box["y"] + box["height"] <= 844
    phone_page.mouse.wheel(0, 2000)
    phone_page.wait_for_timeout(200)
    box = phone_page.locator("[data-quick-exit]").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844  # still on screen after scrolling


def test_quick_exit_is_hidden_when_printed(phone_page, live_server):
    open_home(phone_page, live_server)
    phone_page.emulate_media(media="print")
    assert not phone_page.locator("[data-quick-exit]").is_visible()
    assert phone_page.locator(".emergency-strip a[href='tel:999']").first.is_visible()


def test_the_page_has_no_inline_script(phone_page, live_server):
    open_home(phone_page, live_server)
    inline = phone_page.evaluate("[...document.scripts].filter(s => !s.src).length")
    assert inline == 0
