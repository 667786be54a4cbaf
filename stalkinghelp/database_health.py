"""Does the database answer? Within a bound of our choosing, whatever the database does.

The health check must answer quickly when the database does not (a load balancer
waiting on it is as stuck as a visitor), but a new PostgreSQL connection may take the
whole connect timeout, which psycopg will not set below 2 s. So the probe runs in a
thread of its own and the health check waits for it only `timeout` seconds. At most
one probe per process is in flight: checks arriving while one runs wait for that one,
so hammering /healthz during an outage cannot pile up threads or connections.

The probe opens a fresh connection configured like the caller's, and closes it: it
tests that the database can be reached now, not that an old connection still works.
"""

import threading

from django.db import DEFAULT_DB_ALIAS, connections

_lock = threading.Lock()
_in_flight = {}  # alias -> _Probe


class _Probe:
    def __init__(self, connection):
        self.answered = False
        self.finished = threading.Event()
        # The caller's settings, so a test that swaps the connection is obeyed here too.
        settings_dict = dict(connection.settings_dict)
        backend, alias = type(connection), connection.alias
        thread = threading.Thread(
            target=self._run, args=(backend, settings_dict, alias), daemon=True
        )
        thread.start()

    def _run(self, backend, settings_dict, alias):
        connection = backend(settings_dict, alias)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            self.answered = True
        except Exception:  # noqa: S110 - any failure means "does not answer"
            pass
        finally:
            try:
                connection.close()
            finally:
                self.finished.set()


def database_answers(timeout, alias=DEFAULT_DB_ALIAS):
    """True if the database answers SELECT 1 within `timeout` seconds."""
    with _lock:
        probe = _in_flight.get(alias)
        if probe is None or probe.finished.is_set():
            probe = _in_flight[alias] = _Probe(connections[alias])
    return probe.finished.wait(timeout) and probe.answered
