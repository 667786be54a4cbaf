"""Every database connection is bounded in time (stalkinghelp.settings.database)."""

import pytest

from stalkinghelp.settings.database import database_settings

BOUNDS = {"conn_max_age": 60, "connect_timeout": 2, "statement_timeout": 3}


def test_postgresql_gets_the_bounded_backend_and_all_three_bounds():
    config = database_settings("postgres://u:p@db:5432/site", **BOUNDS)
    assert config["ENGINE"] == "stalkinghelp.bounded_postgresql"
    assert config["OPTIONS"] == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=3000",
        "response_timeout": 4,  # after the server's own cancel
    }


def test_server_options_in_the_url_are_kept():
    config = database_settings("postgres://db/site?options=-c%20search_path%3Dx", **BOUNDS)
    assert config["OPTIONS"]["options"] == "-c search_path=x -c statement_timeout=3000"


def test_sqlite_waits_for_a_lock_no_longer_than_the_statement_timeout():
    config = database_settings("sqlite:////tmp/site.sqlite3", **BOUNDS)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"] == {"timeout": 3}


@pytest.mark.parametrize("url", ["postgres://db/site", "sqlite:////tmp/site.sqlite3"])
def test_a_statement_timeout_of_0_switches_the_statement_bounds_off(url):
    options = database_settings(url, **(BOUNDS | {"statement_timeout": 0}))["OPTIONS"]
    assert "options" not in options
    assert "response_timeout" not in options
    assert "timeout" not in options
