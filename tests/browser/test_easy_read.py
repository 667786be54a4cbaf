"""Easy read pages in a real browser: large text, no sideways scrolling at 320 px, axe clean."""

import pytest

from content.starter import starter_pages
from tests.browser.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EASY_READ = [page.slug for page in starter_pages() if page.easy_read_of]
SMALLEST_TEXT_PX = 21  # 16 pt, as easy read guidance asks

# The computed size of every element in <main> that holds text of its own.
TEXT_SIZES = """() => [...document.querySelectorAll('main *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(el => el.getClientRects().length && !el.closest('.govuk-visually-hidden'))
  .map(el => [el.tagName + ': ' + el.textContent.trim().slice(0, 40),
              parseFloat(getComputedStyle(el).fontSize)])"""


@pytest.mark.parametrize("slug", EASY_READ)
def test_all_text_on_an_easy_read_page_is_at_least_21px(
    phone_page, live_server, starter_data, slug
):
    phone_page.goto(f"{live_server.url}/{slug}/")
    sizes = phone_page.evaluate(TEXT_SIZES)
    assert sizes
    small = [(text, size) for text, size in sizes if size < SMALLEST_TEXT_PX]
    assert not small


@pytest.mark.parametrize("slug", EASY_READ)
def test_an_easy_read_page_fits_a_320px_screen_and_passes_axe(
    browser, live_server, starter_data, slug
):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/{slug}/")
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client
        pictures = page.locator("main svg.easy-read__picture")
        assert pictures.count() > 0
        for index in range(pictures.count()):
            assert pictures.nth(index).get_attribute("aria-label")
            assert pictures.nth(index).bounding_box()["width"] > 0
        violations = axe_violations(page)
        assert not violations, describe(violations)
    finally:
        context.close()
