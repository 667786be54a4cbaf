"""One token, kept in the shared cache, that changes whenever anything a visitor sees changes.

Cached pages and the help-finder's copy of the directory are stamped with the token
they were built under. Staff saving a page, a number or an opening time replaces the
token, so the very next request in any worker on any server finds a stamp that no
longer matches and renders afresh. That holds only because every process reads the
same cache (stalkinghelp/settings/caches.py: the file cache, or Redis, never one per
process): this token is the one invalidation mechanism, and nothing else expires a
copy early. Nothing is deleted: the old copies stay behind as the last good versions,
for when the database is down.

The token is random rather than a counter, so a cache that loses it (an eviction, a
restarted Redis) can never hand back a number an old copy was stamped with.
"""

import logging
import secrets
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.cache import cache

logger = logging.getLogger(__name__)

KEY = "stalkinghelp:content-generation"


def new_generation():
    return secrets.token_hex(8)


def current_generation(known=None):
    """The current token, creating one if the cache has none; None if the cache is down.

    `known` is a value already fetched for KEY (e.g. by get_many), to save a round trip.
    """
    if known is not None:
        return known
    try:
        token = cache.get(KEY)
        if token is None:
            # add() is atomic: when two servers race, both end up with the winner's token.
            cache.add(KEY, new_generation(), timeout=None)
            token = cache.get(KEY)
    except Exception:  # a cache outage means "no cached copies", never an error page
        logger.warning("Page cache: the cache is unreachable")
        return None
    return token


# The token as this request first read it, so a request that consults several kept copies
# (the schedule, the directory, the results page's parts) asks the shared cache once, and
# sees one consistent state. OneReadPerRequest holds it for the request's length only; a
# change made during the request forgets it, so the rest of the request reads afresh.
_this_request = ContextVar("content_generation_this_request", default=None)


class OneReadPerRequest:
    """Middleware: one read of the token per request, however many copies it consults."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _this_request.set({})
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(reset)


def _request_generation():
    held = _this_request.get()
    if held is not None and "token" in held:
        return held["token"]
    token = current_generation(known=cache.get(KEY))
    if held is not None and token is not None:
        held["token"] = token
    return token


def bump_generation(**kwargs):
    """Invalidate every cached page and directory copy (a signal receiver, hence kwargs)."""
    if (held := _this_request.get()) is not None:
        held.pop("token", None)
    try:
        cache.set(KEY, new_generation(), timeout=None)
    except Exception:  # noqa: S110 - copies then expire with their freshness window instead
        logger.warning("Page cache: could not record a change; copies expire on their own")


@dataclass(frozen=True)
class Stamped:
    """A value kept in the cache with the generation it was read under."""

    generation: str
    value: object


# The last copy of each key this process read or kept, so a request whose generation still
# matches does not fetch and unpickle the whole copy again. It is checked against the
# shared token on every read, so it can never be staler than the shared cache: a change
# in the admin reaches every process at once. Directory data only, never an answer.
_read_here = {}


def read_stamped(key):
    """(current generation, the Stamped copy under `key` or None).

    No round trip while this request has read the token and this process holds the current
    copy; one for the token on a request's first read; one more for a copy not held here. A
    cache outage gives (None, None): callers then read the database as if nothing were kept.
    """
    try:
        generation = _request_generation()
        held = _read_here.get(key)
        if held is not None and held.generation == generation:
            return generation, held
        copy = cache.get(key)
    except Exception:
        return None, None
    if generation is None:
        return None, None
    copy = copy if isinstance(copy, Stamped) else None
    if copy is not None and copy.generation == generation:
        _read_here[key] = copy
    return generation, copy


def keep_stamped(key, generation, value, timeout):
    """Keep `value` as the copy read under `generation` (nothing when the cache is down)."""
    if generation is None:
        return
    stamped = Stamped(generation, value)
    try:
        cache.set(key, stamped, timeout)
    except Exception:  # noqa: S110 - the value was served; only the copy is lost
        return
    _read_here[key] = stamped
