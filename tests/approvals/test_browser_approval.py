"""The approval flow in a real browser: an Editor changes a live page and sends it; a
Publisher sees it on the admin home page, with what will change, and approves it (with
JavaScript off: the approval screens need none); visitors then see the new version."""

import pytest
from django.urls import reverse

from accounts.roles import EDITOR, PUBLISHER
from content.models import Page
from tests.accounts.factories import PASSWORD, make_page, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base_url, user):
    page.goto(base_url + reverse("admin:index"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#changes-dashboard")


def test_an_editor_asks_and_a_publisher_approves(live_server, desktop_page, desktop_page_nojs):
    editor, publisher = make_staff(EDITOR), make_staff(PUBLISHER)
    live = make_page(title="Old title", slug="live-page", status=Page.Status.PUBLISHED)
    base = live_server.url

    page = desktop_page
    _sign_in(page, base, editor)
    page.goto(base + reverse("admin:content_page_change", args=[live.pk]))
    assert "This page is live" in page.inner_text("#live-page-note")
    page.fill("#id_title", "New title")
    page.click("input[name=_submit_for_review]")
    page.wait_for_selector("#change-state")
    assert "Sent for approval" in page.inner_text(".messagelist")
    assert page.inner_text("#change-state") == "Waiting for approval."
    assert page.locator("button[value=approve]").count() == 0  # not for their own change
    assert page.locator("button[value=withdraw]").count() == 1
    assert "Old title" in page.context.new_page().goto(base + "/live-page/").text()

    approver = desktop_page_nojs
    _sign_in(approver, base, publisher)
    waiting = approver.locator("#changes-to-approve")
    assert "Page: New title" in waiting.inner_text()
    assert "Old title" in waiting.locator(".diff-before").first.inner_text()
    assert "New title" in waiting.locator(".diff-after").first.inner_text()
    waiting.get_by_role("link", name="Page: New title").click()
    approver.get_by_role("button", name="Approve").click()
    approver.wait_for_selector(".messagelist")
    state = approver.inner_text("#change-state")
    assert state.startswith(f"Approved by {publisher.username} at") and "live since" in state

    page.goto(base + "/live-page/")
    assert "New title" in page.inner_text("h1")
    page.goto(base + reverse("admin:index"))
    assert f"Approved by {publisher.username} at" in page.inner_text("#changes-mine")
