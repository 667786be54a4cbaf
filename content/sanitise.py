"""Server-side cleaning of page HTML: an allow-list, so anything we did not think of is removed.

Editors paste from Word and web pages; the result must be plain, structural HTML
that cannot run script, load anything from elsewhere or carry styling.
"""

import re

import nh3

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
}

ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

ALLOWED_SCHEMES = {"http", "https", "tel", "mailto"}

# Relative links are allowed only as site paths ("/get-help/") or fragments.
# "//host" and "\\host" are other sites in disguise, so they go.
_SAFE_HREF = re.compile(r"^(?:(?:https?|tel|mailto):|/(?![/\\])|#)", re.IGNORECASE)

# Tags whose content is dropped as well as the tag itself: never text for a reader.
_DROP_WITH_CONTENT = {"script", "style", "svg", "math", "iframe", "object", "embed", "template"}

# Word and Google Docs leave empty paragraphs ("<p>&nbsp;</p>") as spacing.
_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|summary)>(?:\s|&nbsp;|\xa0|<br>)*</\1>")


def _filter_attribute(tag, attribute, value):
    if attribute == "href" and not _SAFE_HREF.match(value.strip()):
        return None
    if attribute in {"colspan", "rowspan"} and not value.isdigit():
        return None
    if attribute == "scope" and value not in {"col", "row", "colgroup", "rowgroup"}:
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=_DROP_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_SCHEMES,
    attribute_filter=_filter_attribute,
    link_rel=None,  # no target=_blank is allowed, and the site sends no referrer anyway
    strip_comments=True,
)


def sanitise_html(html):
    """Return `html` reduced to the allow-list. Safe to run more than once."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html)
    previous = None
    while previous != cleaned:  # nested empties: <li><p></p></li>
        previous = cleaned
        cleaned = _EMPTY_BLOCK.sub("", cleaned)
    return cleaned.strip()
