"""The diary on a 320 to 390 px phone: cards of labelled boxes, no sideways scrolling;
on paper, still the six-column table."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIARY = "/keeping-a-record/diary/"


@pytest.fixture
def phone(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 700}, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("phone", [320, 360, 390], indirect=True, ids=lambda w: f"{w}px")
def test_the_diary_is_cards_of_labelled_boxes_on_a_phone(starter_data, live_server, phone):
    phone.goto(live_server.url + DIARY)
    scroll, width = phone.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= width
    assert not phone.locator(".diary__table thead").is_visible()
    first_card = phone.locator(".diary__row").first
    box = first_card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Each box says what goes in it, as the table's headings did.
    labels = first_card.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels[0] == '"Date and time"' and len(labels) == 6
    cells = first_card.locator("td").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)"
    )
    assert min(cells) > width * 0.6  # one box under another, full width, not six columns


@pytest.mark.parametrize("phone", [390], indirect=True, ids=lambda w: f"{w}px")
def test_the_diary_prints_as_a_table_even_from_a_phone(starter_data, live_server, phone):
    phone.goto(live_server.url + DIARY)
    phone.emulate_media(media="print")
    assert phone.locator(".diary__table thead").is_visible()
    assert phone.locator(".diary__row td").first.evaluate("c => getComputedStyle(c).display") == (
        "table-cell"
    )
