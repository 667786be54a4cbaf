"""The directory the help-finder works from: the database's, or the last good copy of it.

The triage takes plain, immutable entries (signposting.entries), so the whole directory
can be kept in the shared cache, stamped with the content generation it was read under.
While the stamp matches, the help-finder needs no query at all; any change in the admin
replaces the generation, so the next answer reads the directory afresh. When the
database is down, the last copy, however old, keeps the help-finder answering: old
opening hours are far better than no numbers.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import Error as DatabaseError

from stalkinghelp.content_generation import KEY as GENERATION_KEY
from stalkinghelp.content_generation import current_generation

from . import selectors
from .entries import Entry

logger = logging.getLogger(__name__)

KEY = "signposting:directory-snapshot:v1"
# Long, because this is also the copy that answers through a database outage.
KEEP_SECONDS = 30 * 24 * 60 * 60


@dataclass(frozen=True)
class Snapshot:
    generation: str
    entries: tuple[Entry, ...]


def _cached():
    try:
        return cache.get_many([GENERATION_KEY, KEY])
    except Exception:  # a cache outage: read the database as if nothing were kept
        return {}


def _keep(snapshot):
    try:
        cache.set(KEY, snapshot, KEEP_SECONDS)
    except Exception:  # noqa: S110 - the answer is served; only the copy is lost
        pass


def directory_entries():
    """The entries for triage.recommend. Raises a database error only if no copy was ever kept."""
    found = _cached()
    generation = current_generation(known=found.get(GENERATION_KEY))
    snapshot = found.get(KEY)
    if not isinstance(snapshot, Snapshot):
        snapshot = None
    if snapshot and snapshot.generation == generation:
        return list(snapshot.entries)
    try:
        entries = selectors.directory_entries()
    except DatabaseError:
        if snapshot is None:
            raise  # stalkinghelp.outage shows the emergency numbers instead
        logger.warning("Directory: database unavailable, using the last good copy")
        return list(snapshot.entries)
    if generation:
        _keep(Snapshot(generation, tuple(entries)))
    return entries
