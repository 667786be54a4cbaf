"""WCAG 1.4.10 Reflow: no public page scrolls sideways on a 320, 360 or 390 px wide screen,
also with the WCAG 1.4.12 text-spacing override applied."""

import pytest
from django.test import Client

from tests.public_urls import every_public_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG 1.4.12's figures: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
WIDTHS = [320, 360, 390]


@pytest.fixture
def every_path(starter_data):
    return every_public_path(Client())


@pytest.mark.parametrize("spacing", [False, True], ids=["as-built", "text-spacing"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_public_page_is_wider_than_the_screen(browser, live_server, every_path, width, spacing):
    # bypass_csp: the text-spacing override is a <style> the page's CSP would refuse.
    context = browser.new_context(
        viewport={"width": width, "height": 640}, is_mobile=True, bypass_csp=spacing
    )
    page = context.new_page()
    too_wide = {}
    try:
        for path in every_path:
            page.goto(live_server.url + path)
            if spacing:
                page.add_style_tag(content=TEXT_SPACING)
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll > client:
                too_wide[path] = scroll
    finally:
        context.close()
    print(
        f"\n{width}px{' with text spacing' if spacing else ''}: {len(too_wide)} of "
        f"{len(every_path)} pages wider than the screen"
    )
    assert not too_wide, too_wide
