"""Service tokens: `[[service:<slug>]]` in a page body, filled from the directory when shown.

Numbers and opening hours live only in the service directory (design rule 5), so
a changed number changes on every page at once. Tokens are checked when a page is
saved (an unknown slug is an error) and rendered with one directory query per page.
"""

import re
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from .pictograms import PICTURE, picture_errors

TOKEN = re.compile(r"\[\[\s*service\s*:\s*([a-z0-9-]+)\s*\]\]", re.IGNORECASE)
# Anything that looks like an attempt at a token, to catch typos such as "[[servce:x]]".
_TOKEN_LIKE = re.compile(r"\[\[[^\]]*\]\]")


def token_for(slug):
    return f"[[service:{slug}]]"


def slugs_in(html):
    """The service slugs used in `html`, in order of first use, without repeats."""
    return list(dict.fromkeys(match.lower() for match in TOKEN.findall(html or "")))


def services_by_slugs(slugs):
    # Imported here so content does not need the directory to import, only to render.
    from signposting.selectors import services_by_slugs as directory_lookup

    return directory_lookup(slugs) if slugs else {}


class _AttributeTokenFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        if any(value and _TOKEN_LIKE.search(value) for _name, value in attrs):
            self.found = True


def token_errors(html):
    """Plain-English problems with the tokens in `html`; an empty list means all is well."""
    html = html or ""
    errors = []
    finder = _AttributeTokenFinder()
    finder.feed(html)
    if finder.found:
        errors.append(
            "A service token is inside a link. Put the token in the text on its own: "
            "it makes its own links."
        )
    for attempt in _TOKEN_LIKE.findall(html):
        if not TOKEN.fullmatch(attempt) and not PICTURE.fullmatch(attempt):
            errors.append(
                f"“{attempt}” is not a service token. Tokens look like "
                f"{token_for('national-stalking-helpline')}."
            )
    errors += picture_errors(html)
    slugs = slugs_in(html)
    known = services_by_slugs(slugs)
    for slug in slugs:
        if slug not in known:
            errors.append(
                f"There is no service “{slug}” in the directory. Check the spelling "
                "against the service's address in the directory."
            )
    return errors


def render_tokens(html, services=None, now=None):
    """Replace each token with the directory's current details for that service.

    `services` may be passed in when the caller already fetched them (a list of
    pages); otherwise one lookup is made for this body.
    """
    html = html or ""
    slugs = slugs_in(html)
    if not slugs:
        return mark_safe(html)  # noqa: S308 - the body was sanitised on save
    if services is None:
        services = services_by_slugs(slugs)
    now = now or timezone.now()

    def replace(match):
        service = services.get(match.group(1).lower())
        if service is None:
            # Removed from the directory since the page was saved: point to the directory,
            # never show a stale number.
            return render_to_string("content/includes/service_missing.html")
        return render_to_string(
            "signposting/includes/service_inline.html", {"service": service, "now": now}
        ).strip()

    return mark_safe(TOKEN.sub(replace, html))  # noqa: S308 - sanitised body, our templates
