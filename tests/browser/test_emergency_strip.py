"""Emergency help is one tap away, on the first screen of a phone (safety rule 4)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("path", ["/", "/no-such-page/"])
def test_emergency_tel_links_are_visible_without_scrolling(phone_page, live_server, path):
    phone_page.goto(live_server.url + path)
    for selector, text in [
        (".emergency-strip a[href='tel:999'] >> nth=0", "Call 999"),
        (".emergency-strip a[href='tel:999'] >> nth=1", "press 55"),
    ]:
        link = phone_page.locator(selector)
        assert text in link.text_content()
        box = link.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844 - 64
        assert box["height"] >= 24


def test_emergency_strip_works_without_javascript(phone_page_nojs, live_server):
    phone_page_nojs.goto(live_server.url + "/")
    assert phone_page_nojs.locator(".emergency-strip a[href='tel:999']").count() == 2


def test_no_request_leaves_our_origin(phone_page, live_server):
    outside = []
    phone_page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )
    phone_page.goto(live_server.url + "/")
    phone_page.wait_for_load_state("networkidle")
    assert outside == []
