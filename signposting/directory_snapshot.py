"""The directory the help-finder works from: the database's, or the last good copy of it.

The triage takes plain, immutable entries (signposting.entries), so the whole directory
can be kept in the shared cache, stamped with the content generation it was read under.
While the stamp matches, the help-finder needs no query at all; any change in the admin
replaces the generation, so the next answer reads the directory afresh. When the
database is down, the last copy, however old, keeps the help-finder answering: old
opening hours are far better than no numbers.
"""

import logging

from django.db import Error as DatabaseError

from stalkinghelp.content_generation import keep_stamped, read_stamped

from . import selectors

logger = logging.getLogger(__name__)

KEY = "signposting:directory-snapshot:v4"  # v4: entries carry a role
# Long, because this is also the copy that answers through a database outage.
KEEP_SECONDS = 30 * 24 * 60 * 60


def directory_entries():
    """The entries for triage.recommend. Raises a database error only if no copy was ever kept."""
    generation, copy = read_stamped(KEY)
    if copy and copy.generation == generation:
        return list(copy.value)
    try:
        entries = selectors.directory_entries()
    except DatabaseError:
        if copy is None:
            raise  # stalkinghelp.outage shows the emergency numbers instead
        logger.warning("Directory: database unavailable, using the last good copy")
        return list(copy.value)
    keep_stamped(KEY, generation, tuple(entries), KEEP_SECONDS)
    return entries
