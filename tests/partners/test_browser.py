"""The partners pieces in a real Chromium: print to A4, framing from another origin, axe."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.browser.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTNER_PATHS = ["/partners/", "/partners/poster/", "/partners/card/", "/embed/get-help/"]


@pytest.fixture
def site(live_server):
    call_command("load_starter_data", verbosity=0)
    return live_server.url


def printed_pages(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")  # the QR code image is in before printing
    pdf = page.pdf(format="A4")
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_the_poster_prints_on_one_a4_page(desktop_page, site):
    assert printed_pages(desktop_page, site + "/partners/poster/") == 1


def test_the_wallet_cards_print_on_one_a4_page(desktop_page, site):
    assert printed_pages(desktop_page, site + "/partners/card/") == 1


def test_the_printed_poster_shows_only_the_poster(desktop_page, site):
    desktop_page.goto(site + "/partners/poster/")
    desktop_page.emulate_media(media="print")
    assert desktop_page.locator(".poster").is_visible()
    for chrome in (".site-header", ".emergency-strip", ".site-footer", ".quick-exit"):
        assert not desktop_page.locator(chrome).is_visible(), chrome


def test_four_cards_print_but_one_shows_on_screen(desktop_page, site):
    desktop_page.goto(site + "/partners/card/")
    visible = desktop_page.locator(".wallet-card:visible")
    assert visible.count() == 1
    desktop_page.emulate_media(media="print")
    assert visible.count() == 4


def test_the_printed_card_stays_wallet_sized(desktop_page, site):
    desktop_page.goto(site + "/partners/card/")
    desktop_page.emulate_media(media="print")
    card = desktop_page.locator(".wallet-card").first
    box = card.bounding_box()
    mm = 96 / 25.4  # CSS pixels per millimetre
    assert round(box["height"] / mm) <= 55
    assert round(box["width"] / mm) <= 172
    # Nothing spills out of the card and gets cut off on paper.
    overflow = card.evaluate(
        "card => [...card.querySelectorAll('.wallet-card__panel')]"
        ".some(p => p.scrollHeight > p.clientHeight + 1)"
    )
    assert not overflow


def test_the_widget_can_be_framed_from_another_origin_and_no_other_page_can(
    desktop_page, site, other_origin
):
    pages, origin = other_origin
    frames = {"embed": "/embed/get-help/", "home": "/", "partners": "/partners/"}
    pages["/partner.html"] = "<!DOCTYPE html><title>A partner</title>" + "".join(
        f'<iframe id="{name}" src="{site}{path}" title="{name}"></iframe>'
        for name, path in frames.items()
    )
    desktop_page.goto(origin + "/partner.html")
    desktop_page.wait_for_load_state("networkidle")

    widget = desktop_page.locator("#embed").element_handle().content_frame()
    assert widget.url == site + "/embed/get-help/"
    assert widget.locator('a[href="tel:999"]').first.is_visible()
    for blocked in ("home", "partners"):
        frame = desktop_page.locator(f"#{blocked}").element_handle().content_frame()
        # Chromium replaces a refused frame with its own error page, never our content.
        assert not frame.url.startswith(site), (blocked, frame.url)
        assert frame.locator('a[href^="tel:"]').count() == 0, blocked


def test_the_widgets_help_link_opens_in_the_whole_window(desktop_page, site, other_origin):
    pages, origin = other_origin
    pages["/partner.html"] = (
        f'<!DOCTYPE html><title>A partner</title><iframe src="{site}/embed/get-help/" '
        'title="Get help"></iframe>'
    )
    desktop_page.goto(origin + "/partner.html")
    desktop_page.frame_locator("iframe").get_by_role(
        "link", name="Find the right help for you"
    ).click()
    desktop_page.wait_for_url(site + "/get-help/")


def test_the_widget_makes_no_request_to_any_other_origin(desktop_page, site):
    requested = []
    desktop_page.on("request", lambda request: requested.append(request.url))
    desktop_page.goto(site + "/embed/get-help/")
    desktop_page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site) for url in requested), requested
    assert not desktop_page.context.cookies()


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_partner_pages_have_no_axe_violations(request, page_fixture, site):
    page = request.getfixturevalue(page_fixture)
    failures = {}
    for path in PARTNER_PATHS:
        page.goto(site + path)
        if violations := axe_violations(page):
            failures[path] = describe(violations)
    assert not failures, failures


def test_the_printed_poster_and_card_have_no_axe_violations(desktop_page, site):
    failures = {}
    for path in ("/partners/poster/", "/partners/card/"):
        desktop_page.goto(site + path)
        desktop_page.emulate_media(media="print")
        if violations := axe_violations(desktop_page):
            failures[path] = describe(violations)
    assert not failures, failures
