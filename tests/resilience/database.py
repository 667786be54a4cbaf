"""Make the database unreachable for a while, the way an outage would.

The connection object is swapped for one aimed at a closed port (PostgreSQL) or a
file that cannot exist (SQLite), rather than closing the real one: SQLite's
in-memory test database vanishes when its connection closes, and the test's own
transaction must still be there to roll back afterwards.
"""

import copy
from contextlib import contextmanager

from django.db import connections

CLOSED_PORT = "1"


@contextmanager
def database_unreachable(alias="default"):
    original = connections[alias]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=CLOSED_PORT)
        settings_dict.setdefault("OPTIONS", {})["connect_timeout"] = 2
    else:
        settings_dict["NAME"] = "/nonexistent-stalkinghelp-outage/db.sqlite3"
    broken = original.__class__(settings_dict, alias)
    connections[alias] = broken
    try:
        yield
    finally:
        broken.close()
        connections[alias] = original
