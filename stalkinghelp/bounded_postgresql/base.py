"""PostgreSQL with every wait for the server bounded on our side.

`statement_timeout` (stalkinghelp.settings.database) makes a slow or blocked query fail
on the server, cleanly. It cannot help when the server does not answer at all: a hung
or stopped server, or one cut off by the network, leaves the client waiting for ever.
TCP keepalives and `tcp_user_timeout` do not help either while the server's kernel
still acknowledges every packet, which is what a stopped (SIGSTOPped) PostgreSQL does:
a query sent with both set was still waiting after 8 s, and answered after SIGCONT.

psycopg waits for every reply in `Connection.wait()`, which takes a timeout that its own
callers leave unset. This backend's connections give it one (OPTIONS["response_timeout"],
in seconds), so a request gets a database error, and so stalkinghelp.outage's fallback,
in bounded time rather than a thread blocked until the server wakes up. A connection
that timed out is closed: the reply it was waiting for may still arrive later.

Use it as ENGINE "stalkinghelp.bounded_postgresql" (the settings do, for any
postgres:// DATABASE_URL). Not for LISTEN/NOTIFY without a timeout, nor with OPTIONS
"pool" (psycopg_pool makes its own connections).
"""

from contextlib import contextmanager

import psycopg
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql import base
from psycopg import IsolationLevel
from psycopg.errors import _WaitTimeout

# Django's health check is a SELECT 1 on a connection it is about to reuse: a server
# that answers at all answers that at once, so it gets less time than a real query.
HEALTH_CHECK_SECONDS = 1.0


class BoundedConnection(psycopg.Connection):
    response_timeout = None  # seconds; None waits for ever, as psycopg does

    def wait(self, gen, *args, timeout=None, **kwargs):
        if timeout is not None or self.response_timeout is None:
            return super().wait(gen, *args, timeout=timeout, **kwargs)
        try:
            return super().wait(gen, *args, timeout=self.response_timeout, **kwargs)
        except _WaitTimeout:
            self.close()
            raise psycopg.OperationalError(
                f"the database did not answer within {self.response_timeout} s"
            ) from None

    @contextmanager
    def bounded(self, seconds):
        """Give every wait inside the block at most `seconds` (never more than usual)."""
        usual = self.response_timeout
        self.response_timeout = seconds if usual is None else min(seconds, usual)
        try:
            yield
        finally:
            self.response_timeout = usual


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        self.response_timeout = params.pop("response_timeout", None)
        return params

    def get_new_connection(self, conn_params):
        # As Django's own, for the settings this project uses (no pool, no isolation
        # option), but connecting with BoundedConnection.
        options = self.settings_dict["OPTIONS"]
        if "pool" in options or "isolation_level" in options:
            raise ImproperlyConfigured(
                "stalkinghelp.bounded_postgresql supports neither OPTIONS 'pool' nor"
                " 'isolation_level'."
            )
        self.isolation_level = IsolationLevel.READ_COMMITTED
        connection = BoundedConnection.connect(**conn_params)
        connection.response_timeout = self.response_timeout
        return connection

    def is_usable(self):
        if self.connection is None:
            return False
        with self.connection.bounded(HEALTH_CHECK_SECONDS):
            return super().is_usable()
