"""Every public page fits a cheap phone on a weak signal: 20 KB, 4 requests, one origin.

The pages a person in danger sees first (home, the help-finder, its results) can be
painted after one round trip: their HTML and render-blocking CSS, compressed, as
Chromium receives them, together at most 12 KB, so that with the headers they fit TCP's
initial window (about 14.6 KB).

Counted in a real Chromium at 390x844 with an empty cache, against the site served as in
production (gzip pages, WhiteNoise's pre-compressed static files). Bytes and requests
only: nothing here depends on how fast the machine is. `pytest -s` prints the figures.
"""

import pytest
from django.test import Client, override_settings

from tests.answers import IN_DANGER_CANNOT_TALK
from tests.public_urls import UNLISTED_PUBLIC_PATHS, public_paths

from .page_weight import Recorder, clear_browser_cache, first_render, new_phone_page
from .served_site import ServedSite

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_BYTES = 20 * 1024
MAX_REQUESTS = 4
MAX_FIRST_RENDER_BYTES = 12 * 1024
ANSWERS = IN_DANGER_CANNOT_TALK


@pytest.fixture(scope="session")
def site(django_db_setup, tmp_path_factory):
    served = ServedSite(tmp_path_factory.mktemp("served"))
    served.start()
    yield served.url
    served.stop()


def _problems(weight):
    problems = []
    if weight.transferred > MAX_BYTES:
        problems.append(f"{weight.transferred} bytes > {MAX_BYTES}")
    if weight.requests > MAX_REQUESTS:
        problems.append(f"{weight.requests} requests > {MAX_REQUESTS}")
    if weight.other_origins:
        problems.append(f"other origins: {weight.other_origins}")
    if weight.after_load:
        problems.append(f"after load: {weight.after_load}")
    return problems


def _weigh(browser, site, path):
    context, page = new_phone_page(browser)
    try:
        recorder = Recorder(page)
        page.goto(site + path)
        return recorder.weigh(path, site)
    finally:
        context.close()


def _report(weights):
    print("\nPage weight at 390x844, empty cache (bytes as transferred):")
    for weight in weights:
        print("  " + weight.row())
    return {w.label: _problems(w) for w in weights if _problems(w)}


def test_every_public_page_fits_the_budget(browser, site, starter_data):
    paths = public_paths(Client())
    weights = [_weigh(browser, site, path) for path in paths]
    assert not _report(weights)


@pytest.mark.parametrize("path", UNLISTED_PUBLIC_PATHS)
def test_pages_outside_the_sitemap_fit_the_budget(browser, site, starter_data, path):
    weight = _weigh(browser, site, path)
    assert not _report([weight])


def test_the_help_finder_results_fit_the_budget(browser, site, starter_data):
    context, page = new_phone_page(browser)
    try:
        recorder = Recorder(page)
        page.goto(site + "/get-help/")
        for name, value in ANSWERS.items():
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        page.wait_for_timeout(200)
        clear_browser_cache(context, page)  # the results page counted as a first visit
        recorder.restart()
        page.get_by_role("button", name="Show who can help").click()
        weight = recorder.weigh("/get-help/ (results, POST)", site)
        assert page.get_by_role("heading", name="Who can help you").is_visible()
        render = first_render(page)
    finally:
        context.close()
    _assert_one_round_trip("results", render)
    assert weight.requests >= 2  # the results and their stylesheet, at least
    assert not _report([weight])


def _assert_one_round_trip(label, render):
    print(f"\nFirst render of {label}: {render.html} B HTML + {render.blocking} = {render.total} B")
    assert render.blocking, "a page without its stylesheet would paint unstyled"
    assert render.total <= MAX_FIRST_RENDER_BYTES, f"{label}: {render}"


@pytest.mark.parametrize("path", ["/", "/get-help/"])
def test_the_first_pages_paint_after_one_round_trip(browser, site, starter_data, path):
    context, page = new_phone_page(browser)
    try:
        page.goto(site + path)
        render = first_render(page)
    finally:
        context.close()
    _assert_one_round_trip(path, render)


@override_settings(ROOT_URLCONF="tests.security.failing_urls")
def test_the_500_page_fits_the_budget(browser, site, starter_data):
    weight = _weigh(browser, site, "/boom/")
    assert not _report([weight])
