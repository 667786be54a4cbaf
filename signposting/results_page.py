"""The help-finder's results page, built from parts that are the same for every visitor.

The results are the one page rendered on every visit: the answers must never be stored
(design rule 2), so the page itself can never be cached. What does not depend on the
answers is rendered once per directory and language instead, kept in the shared cache
stamped with the content generation (stalkinghelp.content_generation), so a change in
the admin reaches every server, in every language, at once:

- the page around the results (base.html: header, emergency strip, footer), split where
  the content goes;
- for each service, the HTML of each of its ways to get in touch, its warning when its
  details are still being checked, and what it says about interpreters;
- the relay note.

Each visit then renders only the answer's own part (templates/jinja2/signposting/
results_content.html, Jinja2: several times faster than Django's engine for the loops
over cards) and joins it with those parts. `build_parts` renders them from the same
Django templates the service pages use, so a wording change there shows here too;
tests/signposting/test_results_page.py proves the page is the same as when every part
is rendered for the visit, for every situation at several moments.
"""

import gzip
from dataclasses import dataclass
from functools import lru_cache

from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.template import engines
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stalkinghelp.content_generation import keep_stamped, read_stamped

from .emergency import emergency_contacts
from .entries import visible_alert
from .interpreters import interpreters_sentence

# One copy per language (the active one's code is added): every part holds its words.
KEY = "signposting:results-parts:v2"
# As long as the directory snapshot: the results keep answering through a database outage.
KEEP_SECONDS = 30 * 24 * 60 * 60
# Where the visitor's content goes in the page around it; never part of any real page.
CONTENT_SLOT = "\x00results-content\x00"
CONTENT_TEMPLATE = "signposting/results_content.html"
# This page is compressed on every visit and never kept, so the wait matters more than the
# last few hundred bytes: zlib's fastest level takes half the time of GZipMiddleware's
# (level 6) for about 10% more bytes, still inside the first-render budget. Pages that are
# kept are compressed once, by GZipMiddleware, which leaves an encoded response alone.
# (GZipMiddleware's random header bytes guard secrets on a page against BREACH; this
# page holds none: no token, nothing but what the visitor sent.)
GZIP_LEVEL = 1


@dataclass(frozen=True)
class CardParts:
    channels: dict  # Channel -> its <li>, safe HTML
    unverified: str  # the warning for details still being checked, safe HTML
    interpreters: str  # what it says about interpreters, safe HTML, or ""


@dataclass(frozen=True)
class Parts:
    before_content: str
    after_content: str
    relay_note: str
    cards: dict  # slug -> CardParts


def _safe(html):
    return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping templates


@lru_cache(maxsize=1)
def _unverified_template():
    # The tag itself, so the warning is worded and linked exactly as on every other page.
    return engines["django"].from_string("{% load signposting %}{% unverified_warning entry %}")


def _card_parts(entry, emergency):
    channels = {
        channel: _safe(render_to_string("signposting/includes/channel.html", {"channel": channel}))
        for channel in entry.channels
    }
    unverified = _unverified_template().render({"entry": entry, "emergency": emergency})
    interpreters = render_to_string(
        "signposting/includes/interpreters.html",
        {"sentence": interpreters_sentence(entry.interpreters)},
    ).strip()
    return CardParts(
        channels=channels, unverified=_safe(unverified), interpreters=_safe(interpreters)
    )


def build_parts(request, entries):
    """Every answer-independent part, rendered now from the directory's `entries`."""
    shell = render_to_string("signposting/results.html", {"content": CONTENT_SLOT}, request)
    before, slot, after = shell.partition(CONTENT_SLOT)
    if not slot or CONTENT_SLOT in after:
        raise ValueError("signposting/results.html must show {{ content }} exactly once")
    emergency = emergency_contacts()
    return Parts(
        before_content=before,
        after_content=after,
        relay_note=_safe(render_to_string("signposting/includes/relay_note.html")),
        cards={entry.slug: _card_parts(entry, emergency) for entry in entries},
    )


def current_parts(request, entries):
    """The parts for the current directory in the active language: the kept copy, or
    rendered and kept now."""
    key = f"{KEY}:{get_language()}"
    generation, copy = read_stamped(key)
    if copy is not None and copy.generation == generation:
        return copy.value
    parts = build_parts(request, entries)
    keep_stamped(key, generation, parts, KEEP_SECONDS)
    return parts


@lru_cache(maxsize=64)
def _state_html(kind, is_open, text):
    # Keyed by the few values the tag shows: a line's state at a moment, never an answer.
    state = {"kind": kind, "is_open": is_open, "text": text}
    return _safe(render_to_string("signposting/includes/open_state.html", {"state": state}))


def state_html(state):
    return _state_html(state.kind, state.is_open, state.text)


def render_results(request, context, parts):
    """The whole results page for one visit: its own content inside the kept parts."""
    content = (
        engines["jinja2"]
        .get_template(CONTENT_TEMPLATE)
        .render({**context, "parts": parts, "alert_at": visible_alert, "state_html": state_html})
    )
    return _compressed(request, HttpResponse(parts.before_content + content + parts.after_content))


def _compressed(request, response):
    patch_vary_headers(response, ("Accept-Encoding",))
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response.content = gzip.compress(response.content, compresslevel=GZIP_LEVEL, mtime=0)
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    return response
