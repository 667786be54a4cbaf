"""The service token picker on the page form, in a real browser under the real CSP."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from content.models import Page
from tests.accounts.factories import PASSWORD, make_contact, make_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(live_server, desktop_page):
    """A site administrator signed in through the admin's own form (2FA off in tests)."""
    User.objects.create_superuser("picker", "picker@example.org", PASSWORD)
    for name, slug, number in [
        ("National Stalking Helpline", "national-stalking-helpline", "0808 802 0300"),
        ("Samaritans", "samaritans", "116 123"),
        ("Victim Support", "victim-support", "0808 168 9111"),
    ]:
        make_contact(make_service(name=name, slug=slug), number)
    page = desktop_page
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "picker")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    return page


def test_an_editor_finds_a_service_and_inserts_its_token(live_server, signed_in):
    page = signed_in
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(live_server.url + reverse("admin:content_page_add"))
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for(timeout=10000)

    panel = page.locator("#service-tokens")
    rows = panel.locator("tbody tr")
    assert rows.count() == 3
    page.fill("#service-token-search", "samar")
    assert panel.locator("tbody tr:visible").count() == 1
    assert page.text_content("#service-token-status") == "1 of 3 services shown"
    panel.locator("tbody tr:visible button", has_text="Insert").click()
    assert "[[service:samaritans]]" in editor.inner_text()

    page.fill("#id_title", "Someone to talk to")
    page.fill("#id_summary", "Where to talk.")
    page.click("input[name=_save]")
    page.wait_for_url(live_server.url + reverse("admin:content_page_changelist"))
    assert "[[service:samaritans]]" in Page.objects.get(slug="someone-to-talk-to").body
    # As in test_browser.py: no script of ours or the editor's is refused. (The editor's
    # own inline styles are refused by style-src 'self' and do not matter here.)
    assert not [text for text in refused if "script" in text.lower()], refused


def test_without_javascript_the_tokens_are_a_list_to_copy(live_server, browser):
    User.objects.create_superuser("picker", "picker@example.org", PASSWORD)
    make_contact(make_service(name="Samaritans", slug="samaritans"), "116 123")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "picker")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("admin:content_page_add"))
    assert page.is_visible("#service-tokens code:has-text('[[service:samaritans]]')")
    assert not page.is_visible("#service-token-search")  # a search box that could not work
    assert not page.is_visible("#service-tokens button")
    context.close()
