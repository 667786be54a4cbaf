"""A database that hangs (its processes stopped, not down) never hangs a visitor.

A PostgreSQL cluster of the test's own, on a loopback port, suspended with SIGSTOP:
it still accepts connections but never answers, which no server-side timeout can
catch. The site is served as in production (manage.py serve_production: nginx,
gunicorn with gthread workers, the shared Redis cache).
"""

import threading
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from stalkinghelp.settings.database import database_settings
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN
from tests.served.folders import shared_folder
from tests.served.http import Client
from tests.served.ports import free_port
from tests.served.postgres import PostgresCluster
from tests.served.production import (
    empty_redis,
    production_environment,
    serving,
)

pytestmark = pytest.mark.usefixtures("postgres_installed")

CONNECT_TIMEOUT = 2  # the settings' defaults (stalkinghelp.settings.database)
STATEMENT_TIMEOUT = 3
RESPONSE_TIMEOUT = STATEMENT_TIMEOUT + 1
# The longest a request needing the database may wait before its fallback: a health
# check of a kept connection (1 s), then a new connection that never completes.
FALLBACK_SECONDS = 1 + CONNECT_TIMEOUT + 1  # + 1 s for the work around them
ANSWER_SECONDS = 2
SUSPENDED_SECONDS = 30
RECOVERY_SECONDS = 20
CACHED_PAGES = ["/", "/what-is-stalking/", "/services/", "/get-help/"]
# Never cached, so always the database: search results (the answer to a POST).
SEARCH = {"q": "stalking"}


@pytest.fixture(scope="module")
def cluster():
    with shared_folder("postgres") as folder:
        postgres = PostgresCluster(folder, free_port())
        try:
            postgres.start()
            postgres.create_database("stalkinghelp")
            yield postgres
        finally:
            postgres.stop()  # resumes it first, if a test left it stopped


@pytest.fixture
def stoppable(cluster):
    """The cluster, for a test to suspend: it always goes on (SIGCONT) afterwards."""
    try:
        yield cluster
    finally:
        cluster.resume()


@pytest.fixture(scope="module")
def site(cluster, production_static_root, nginx_installed):
    with shared_folder("hung") as folder:
        env = production_environment(
            cluster.url("stalkinghelp"),
            production_static_root,
            DJANGO_CACHE_URL=empty_redis(1),
            # Copies stay fresh all day: the test must not straddle a freshness boundary,
            # after which a cached page asks the database again (and gets its fallback).
            DJANGO_PAGE_CACHE_SECONDS="86400",
        )
        with serving(env, folder / "run") as served:
            yield served


@pytest.fixture
def connection(cluster, django_db_blocker):
    """A connection configured as the settings configure it, to the test's cluster."""
    config = database_settings(
        cluster.url("stalkinghelp"),
        conn_max_age=0,
        connect_timeout=CONNECT_TIMEOUT,
        statement_timeout=STATEMENT_TIMEOUT,
    )
    wrapper = ConnectionHandler({"default": config})["default"]  # not the test database
    wrapper.inc_thread_sharing()  # timed() uses it from a thread of its own
    with django_db_blocker.unblock():
        yield wrapper
        wrapper.close()
    wrapper.dec_thread_sharing()


def timed(action, give_up=15):
    """(seconds taken, the OperationalError raised or None), in a thread: without the
    bounds under test the action waits for as long as the server is stopped, and the
    test must fail rather than hang with it."""
    outcome = {}

    def run():
        started = time.monotonic()
        try:
            action()
        except OperationalError as error:
            outcome["error"] = error
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(give_up)
    assert not thread.is_alive(), f"still waiting for the database after {give_up} s"
    return outcome["seconds"], outcome.get("error")


def select_one(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()


# --- the bounds, one connection at a time --------------------------------------------


def test_a_slow_statement_is_cancelled_by_the_server(connection):
    seconds, error = timed(lambda: connection.cursor().execute("SELECT pg_sleep(10)"))
    assert "statement timeout" in str(error)
    assert seconds < STATEMENT_TIMEOUT + 1


def test_a_query_to_a_hung_server_fails_within_the_response_timeout(connection, stoppable):
    assert select_one(connection) == (1,)
    stoppable.suspend()
    seconds, error = timed(lambda: select_one(connection))
    assert "did not answer" in str(error)
    assert RESPONSE_TIMEOUT - 0.5 < seconds < RESPONSE_TIMEOUT + 1
    # The connection is given up, so the next request does not wait on it again.
    usable = []
    seconds, _ = timed(lambda: usable.append(connection.is_usable()))
    assert usable == [False]
    assert seconds < 0.5


def test_a_kept_connection_to_a_hung_server_fails_its_health_check_in_a_second(
    connection, stoppable
):
    select_one(connection)
    stoppable.suspend()
    usable = []
    seconds, _ = timed(lambda: usable.append(connection.is_usable()))
    assert usable == [False]
    assert seconds < 2


def test_a_new_connection_to_a_hung_server_gives_up_after_the_connect_timeout(
    connection, stoppable
):
    stoppable.suspend()
    seconds, error = timed(connection.ensure_connection)
    assert error is not None
    assert seconds < CONNECT_TIMEOUT + 1


# --- the site ------------------------------------------------------------------------


def assert_shows_emergency_help(html):
    assert 'href="tel:999"' in html
    assert "then press 55" in html
    assert "0808 802 0300" in html


def test_a_suspended_database_never_hangs_a_visitor(site, stoppable):
    visitor = Client(site.url, timeout=30)
    for path in CACHED_PAGES:  # rendered once, so kept in the shared cache
        assert visitor.get(path).status_code == 200, path
    assert visitor.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN).status_code == 200
    assert visitor.post("/search/", SEARCH).status_code == 200
    assert visitor.get("/healthz").status_code == 200

    stoppable.suspend()
    slow, rounds = [], 0
    deadline = time.monotonic() + SUSPENDED_SECONDS
    while time.monotonic() < deadline:
        rounds += 1
        for path in CACHED_PAGES:
            response = visitor.get(path)
            if response.status_code != 200 or response.seconds > ANSWER_SECONDS:
                slow.append((path, response.status_code, response.seconds))
        response = visitor.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN)
        if response.status_code != 200 or response.seconds > ANSWER_SECONDS:
            slow.append(("POST /get-help/", response.status_code, response.seconds))
        assert "Who can help" in response.text
        health = visitor.get("/healthz")
        if health.status_code != 503 or health.seconds > ANSWER_SECONDS:
            slow.append(("/healthz", health.status_code, health.seconds))
        fallback = visitor.post("/search/", SEARCH)
        if fallback.status_code != 503 or fallback.seconds > FALLBACK_SECONDS:
            slow.append(("POST /search/", fallback.status_code, fallback.seconds))
        assert_shows_emergency_help(fallback.text)
    assert not slow, slow
    assert rounds >= 3

    stoppable.resume()
    deadline = time.monotonic() + RECOVERY_SECONDS
    while visitor.get("/healthz").status_code != 200:
        assert time.monotonic() < deadline, "the site did not recover after SIGCONT"
        time.sleep(0.5)
    assert visitor.post("/search/", SEARCH).status_code == 200
    assert visitor.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN).status_code == 200
    assert "WORKER TIMEOUT" not in site.log()
