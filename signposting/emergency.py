"""The numbers on every page: 999, the Silent Solution and the National Stalking Helpline.

They come from the directory (design rule 5), from the services in the roles of 999, the
Silent Solution and the stalking helpline (taxonomy.ROLE), with one query, kept in the cache
stamped with the content generation, so any change in the admin is read afresh.
They must render even when the database is down (design rule 4), so a database
error gives the last copy, or else FALLBACK, which matches the starter directory.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache

from stalkinghelp.content_generation import keep_stamped, read_stamped

logger = logging.getLogger(__name__)

CACHE_KEY = "signposting:emergency-contacts:v3"
# Long, because this is also the copy shown while the database is down.
KEEP_SECONDS = 30 * 24 * 60 * 60


@dataclass(frozen=True)
class StripNumber:
    label: str
    number: str  # as shown, e.g. "0808 802 0300"
    tel: str  # for the tel: link, e.g. "+448088020300"
    slug: str = ""  # the directory service it comes from
    still_checking: bool = False  # the directory has not yet verified the service


FALLBACK = {
    "emergency": StripNumber("999", "999", "999", "emergency-999"),
    "silent": StripNumber("999, then 55", "999", "999", "silent-solution"),
    "helpline": StripNumber(
        "National Stalking Helpline", "0808 802 0300", "+448088020300", "national-stalking-helpline"
    ),
}

# The directory's role for each number on the strip.
_KEYS = {
    "emergency_call": "emergency",
    "silent_emergency_call": "silent",
    "stalking_helpline": "helpline",
}


def numbers_in_directory():
    """The strip's numbers the directory has (a dict that may lack some keys); no fallback."""
    from .models import Contact

    rows = (
        Contact.objects.filter(
            service__role__in=_KEYS, kind=Contact.Kind.VOICE, verified=True,
            service__status="active",
        )
        .order_by("service__role", "order", "id")
        .values_list(
            "service__role", "service__slug", "service__name", "value", "dial", "service__verified"
        )
    )  # fmt: skip
    found = {}
    for role, slug, name, value, dial, verified in rows:
        key = _KEYS[role]
        if key in found or not dial:
            continue  # the first voice contact of each service is its main line
        label = FALLBACK[key].label if key != "helpline" else name
        found[key] = StripNumber(label, value, dial, slug, still_checking=not verified)
    return found


def _from_directory():
    found = numbers_in_directory()
    # A service missing from the directory still gets a number on the page.
    return {key: found.get(key, FALLBACK[key]) for key in FALLBACK}


def emergency_contacts():
    generation, copy = read_stamped(CACHE_KEY)
    if copy and copy.generation == generation:
        return copy.value
    try:
        contacts = _from_directory()
    except Exception:  # any database failure: the numbers must still render (rule 4)
        logger.warning("Emergency numbers: database unavailable, using the last copy or fallback")
        return copy.value if copy else FALLBACK
    keep_stamped(CACHE_KEY, generation, contacts, KEEP_SECONDS)
    return contacts


def emergency_contacts_without_database():
    """The numbers for pages rendered while the database is down: the last copy, or FALLBACK."""
    try:
        copy = cache.get(CACHE_KEY)
    except Exception:  # the cache is down too: the built-in numbers still render
        return FALLBACK
    return copy.value if copy else FALLBACK
