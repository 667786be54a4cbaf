"""The database connection, bounded in time: a hung or locked database is an outage, not a hang.

Every limit here is well inside gunicorn's and nginx's timeouts, so a request that needs
the database gets stalkinghelp.outage's fallback (the page's last good copy, or the
database-free page with 999) within a few seconds, instead of a thread or a worker
blocked until the database comes back.

PostgreSQL, three bounds:
- connect_timeout: seconds to wait for a new connection (psycopg's minimum is 2).
- statement_timeout: the server cancels any statement running longer, lock waits
  included, and says so (a clean error).
- response_timeout: how long this side waits for any reply at all, a little longer than
  statement_timeout so the server's own cancel comes first; it is what fires when the
  server is hung or unreachable (see stalkinghelp.bounded_postgresql for why TCP
  settings cannot do this).
SQLite: the busy timeout, so a database locked by a writer fails instead of waiting.

A statement timeout of 0 switches the statement and response bounds off (e.g. for a
long `manage.py migrate`: `DATABASE_STATEMENT_TIMEOUT=0 manage.py migrate`).
"""

import dj_database_url

POSTGRESQL = "django.db.backends.postgresql"
BOUNDED_POSTGRESQL = "stalkinghelp.bounded_postgresql"
SQLITE = "django.db.backends.sqlite3"
# The server cancels a statement first; this side gives up this much later.
RESPONSE_MARGIN_SECONDS = 1


def database_settings(url, *, conn_max_age, connect_timeout, statement_timeout):
    """DATABASES["default"] for `url`, with the time bounds above (all in seconds)."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == POSTGRESQL:
        config["ENGINE"] = BOUNDED_POSTGRESQL
        options["connect_timeout"] = connect_timeout
        if statement_timeout:
            server_options = f"-c statement_timeout={statement_timeout * 1000}"
            options["options"] = f"{options.get('options', '')} {server_options}".strip()
            options["response_timeout"] = statement_timeout + RESPONSE_MARGIN_SECONDS
    elif config["ENGINE"] == SQLITE and statement_timeout:
        options["timeout"] = statement_timeout
    return config
