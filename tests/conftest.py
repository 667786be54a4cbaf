import os
import shutil

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse database access from it. Tests are the only place this is set.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Chromium as the machine allows it: no sandbox as root, no background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def empty_cache():
    # The cache is process-wide and outlives each test's database: a page cached by one
    # test must not answer for the next one's data.
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def starter_data(db):
    call_command("load_starter_data", verbosity=0)


@pytest.fixture
def untranslated_interface(settings, tmp_path):
    """Our catalogues set aside, so other languages' pages show our msgids in English: for
    tests of what a page does in a language, not of its translation (tests/i18n check those)."""
    settings.LOCALE_PATHS = [tmp_path]  # Django's own catalogues still apply


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    """The starter data once for a module whose tests only read it, rolled back after."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_starter_data", verbosity=0)
        yield
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: browser tests must run)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _new_page(browser, viewport, javascript):
    context = browser.new_context(
        viewport=viewport, java_script_enabled=javascript, is_mobile=viewport == PHONE
    )
    # Outside origins are never really reached from tests; the quick exit's
    # neutral site answers with a stand-in page.
    context.route(
        lambda url: not url.startswith(("http://localhost", "http://127.0.0.1", "data:", "about:")),
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Neutral</title>"
        ),
    )
    return context, context.new_page()


@pytest.fixture
def phone_page(browser):
    context, page = _new_page(browser, PHONE, javascript=True)
    yield page
    context.close()


@pytest.fixture
def phone_page_nojs(browser):
    context, page = _new_page(browser, PHONE, javascript=False)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP, javascript=True)
    yield page
    context.close()


@pytest.fixture
def desktop_page_nojs(browser):
    context, page = _new_page(browser, DESKTOP, javascript=False)
    yield page
    context.close()
