"""Starter pages in real Chromium: axe at phone width, self-check and search with JS off."""

import pytest

from content.starter import starter_pages
from tests.browser.axe import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTER_PATHS = ["/", "/search/", "/keeping-a-record/diary/"] + [
    f"/{page.slug}/" for page in starter_pages()
]


@pytest.mark.parametrize("path", STARTER_PATHS)
def test_starter_page_has_no_axe_violations_at_phone_width(
    starter_data, live_server, phone_page, path
):
    response = phone_page.goto(live_server.url + path)
    assert response.status == 200
    violations = axe_violations(phone_page)
    assert not violations, describe(violations)


def test_self_check_result_has_no_axe_violations(starter_data, live_server, phone_page):
    phone_page.goto(live_server.url + "/is-it-stalking/")
    phone_page.get_by_label("Is the contact unwanted?").check()
    phone_page.get_by_role("button", name="See what this means").click()
    phone_page.wait_for_selector("#self-check-result")
    violations = axe_violations(phone_page)
    assert not violations, describe(violations)


def test_self_check_works_without_javascript(starter_data, live_server, phone_page_nojs):
    page = phone_page_nojs
    page.goto(live_server.url + "/is-it-stalking/")
    for question in (
        "Does the person seem fixated on you?",
        "Does their behaviour seem obsessive?",
        "Is the contact unwanted?",
        "Has it happened more than once?",
    ):
        page.get_by_label(question).check()
    with page.expect_navigation():
        page.get_by_role("button", name="See what this means").click()
    assert "You ticked all four." in page.inner_text("#self-check-result")
    # The answers are not in the address, so not in the browser's history either.
    assert page.url.split("#")[0] == live_server.url + "/is-it-stalking/"
    assert page.context.cookies() == []
    page.get_by_role("link", name="Find the right help for you").click()
    assert page.url == live_server.url + "/get-help/"


def test_search_works_without_javascript_and_keeps_words_out_of_the_address(
    starter_data, live_server, phone_page_nojs
):
    page = phone_page_nojs
    page.goto(live_server.url + "/search/")
    page.get_by_label("What are you looking for?").fill("tracking")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Search").click()
    assert "tracking" not in page.url
    assert page.get_by_role("link", name="Staying safe on your phone and online").count() >= 1
    assert page.context.cookies() == []


def test_printing_a_page_keeps_its_phone_numbers(starter_data, live_server, desktop_page):
    desktop_page.goto(live_server.url + "/reporting-to-the-police/")
    desktop_page.emulate_media(media="print")
    main = desktop_page.inner_text("main")
    assert "101" in main
    assert desktop_page.locator("main a[href^='tel:']").first.is_visible()


def test_the_diary_prints_on_landscape_pages(starter_data, live_server, desktop_page):
    desktop_page.goto(live_server.url + "/keeping-a-record/diary/")
    pdf = desktop_page.pdf(prefer_css_page_size=True)
    from io import BytesIO

    from pypdf import PdfReader

    first = PdfReader(BytesIO(pdf)).pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)


def _sign_in(page, live_server, user):
    """Give the browser a staff session cookie, as signing in would (scoped to the admin)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": cookie.value,
                "url": live_server.url + settings.SESSION_COOKIE_PATH,
            }
        ]
    )


def test_the_rich_text_editor_loads_in_admin_under_the_strict_csp(
    starter_data, live_server, desktop_page
):
    from django.urls import reverse

    from content.models import Page

    from .factories import make_staff

    page = desktop_page
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )
    _sign_in(page, live_server, make_staff("chief-editor", superuser=True))
    target = Page.objects.get(slug="privacy")
    page.goto(live_server.url + reverse("admin:content_page_change", args=[target.pk]))
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for(timeout=10000)
    assert "cookies" in editor.inner_text()
    assert not [text for text in blocked if "script" in text.lower()], blocked


def test_the_header_search_works_without_javascript(starter_data, live_server, phone_page_nojs):
    page = phone_page_nojs
    page.goto(live_server.url + "/clares-law/")
    page.get_by_role("search").get_by_label("Search this site").fill("airtag")
    with page.expect_navigation():
        page.get_by_role("search").get_by_role("button", name="Search").click()
    assert page.url == live_server.url + "/search/"
    assert page.get_by_role("link", name="Staying safe on your phone and online").count() >= 1
    assert page.context.cookies() == []


def test_back_after_a_header_search_does_not_show_the_words(starter_data, live_server, phone_page):
    phone_page.goto(live_server.url + "/clares-law/")
    phone_page.locator("#site-search-q").fill("he tracks my phone")
    with phone_page.expect_navigation():
        phone_page.locator(".site-search button").click()
    phone_page.go_back()
    phone_page.wait_for_url(live_server.url + "/clares-law/")
    assert phone_page.locator("#site-search-q").input_value() == ""
