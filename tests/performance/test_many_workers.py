"""A change by staff reaches every visitor at once, whichever gunicorn worker answers.

gunicorn with three workers over a real socket, the embedded default cache (Django's
file cache, here in the test's own folder), a database the test creates (SQLite, and
PostgreSQL when DATABASE_URL is set). A member of staff changes the National Stalking
Helpline's number through the real admin over HTTP and a second member of staff approves
it, each in whichever worker takes the request; then every kind of page, the API and the
help-finder, 30 times each, must show the new number. With a cache kept per process
(local memory), the workers that did not take the save went on showing the old number.
"""

import secrets

import pytest

from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.gunicorn_site import (
    APPROVER_USERNAME,
    Staff,
    fetch,
    gunicorn,
    postgres_url,
    prepare,
    served_database,
    site_environment,
)

WORKERS = 3
TIMES = 30
HELPLINE = "national-stalking-helpline"
OLD_NUMBER = "0808 802 0300"
NEW_NUMBER = "0808 802 0301"
CONTENT_PAGE = "/what-is-stalking/"  # inserts the helpline by service token
GETS = [
    "/",  # the footer's emergency strip
    CONTENT_PAGE,
    f"/services/{HELPLINE}/",
    "/embed/get-help/",
    "/services/",
    "/api/v1/services",
]
HELP_FINDER = "/get-help/"
PAGE_TO_UNPUBLISH = "/keeping-a-record/"  # not one the number test reads: either may run first
VENDORS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not postgres_url(), reason="DATABASE_URL is not PostgreSQL"),
    ),
]


def answers(site, path, times=TIMES):
    if path == HELP_FINDER:
        return [fetch(site.url + path, data=NOT_IN_DANGER_SOMEONE_KNOWN) for _ in range(times)]
    return [fetch(site.url + path) for _ in range(times)]


# One served site per database for the module: building one takes longer than the tests.
@pytest.fixture(scope="module", params=VENDORS)
def site(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp(request.param)
    password = secrets.token_urlsafe(24)
    with served_database(request.param, tmp_path) as database_url:
        # The embedded default (no DJANGO_CACHE_URL) is the file cache in var/cache; the
        # same backend in the test's own folder, so a developer's cache is left alone.
        env = site_environment(database_url, cache_url=f"file://{tmp_path / 'cache'}")
        prepare(env, password)
        with gunicorn(env, tmp_path, workers=WORKERS) as served:
            served.staff_password = password
            yield served


def test_a_number_changed_in_the_admin_shows_on_every_worker_at_once(site):
    paths = [*GETS, HELP_FINDER]
    # Every worker renders and keeps its copies of everything first.
    for path in paths:
        for status, body in answers(site, path, times=10):
            assert status == 200, path
            assert OLD_NUMBER in body, path

    log_line = site.log_lines()
    Staff(site.url, site.staff_password).change_first_voice_number(
        "signposting/service", HELPLINE, NEW_NUMBER
    )
    approver = Staff(site.url, site.staff_password, username=APPROVER_USERNAME)
    saved_at = approver.approve_waiting_change()
    showing_new = {
        path: sum(status == 200 and NEW_NUMBER in body for status, body in answers(site, path))
        for path in paths
    }
    assert showing_new == dict.fromkeys(paths, TIMES)
    # Workers other than the one that took the save answered, or this proved nothing.
    (saved_by,) = site.workers_that_served(saved_at, method="POST", since_line=log_line)
    assert site.workers_that_served("/", since_line=log_line) - {saved_by}


def test_an_unpublished_page_is_gone_on_every_worker_at_once(site):
    for status, _ in answers(site, PAGE_TO_UNPUBLISH, times=10):
        assert status == 200

    log_line = site.log_lines()
    Staff(site.url, site.staff_password).unpublish(PAGE_TO_UNPUBLISH.strip("/"))

    statuses = [status for status, _ in answers(site, PAGE_TO_UNPUBLISH)]
    assert statuses.count(410) == TIMES, statuses
    (saved_by,) = site.workers_that_served("/admin/content/page/", "POST", since_line=log_line)
    assert site.workers_that_served(PAGE_TO_UNPUBLISH, since_line=log_line) - {saved_by}
