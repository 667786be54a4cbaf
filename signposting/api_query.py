"""The query parameters of the HSDS list endpoints: each honoured, or refused with why.

A parameter we do not know is refused too: a misspelt filter silently ignored returns
everything, which looks like an answer and is not one.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from . import taxonomy

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_SEARCH_LENGTH = 200
MAX_PAGE = 100_000


class QueryError(ValueError):
    """A parameter we cannot honour; the message says which and why, for a 400."""


@dataclass(frozen=True)
class ListQuery:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    modified_after: dt.datetime | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    parent_id: str | None = None
    top_only: bool = False
    full: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def _whole_number(name, text, low, high):
    try:
        number = int(text)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {text[:40]!r}.") from None
    if not low <= number <= high:
        raise QueryError(f"{name} must be from {low} to {high}.")
    return number


def _boolean(name, text):
    values = {"true": True, "false": False}
    if text.lower() not in values:
        raise QueryError(f"{name} must be true or false.")
    return values[text.lower()]


def _uuid(name, text):
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise QueryError(f"{name} must be a UUID, e.g. {uuid.UUID(int=0)}.") from None


def _moment(name, text):
    # A date alone means the start of that day, and a time without an offset is UK time,
    # as everywhere else on this site.
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text)):
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None:
        raise QueryError(
            f"{name} must be a date or a date and time in ISO 8601, "
            "e.g. 2026-12-01 or 2026-12-01T09:00:00Z."
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _term(name, text):
    term_id = _uuid(name, text)
    if term_id not in taxonomy.TERM_BY_ID:
        raise QueryError(f"{name} {term_id} is not one of our terms: see /api/v1/taxonomy_terms.")
    return term_id


def _taxonomy(name, text):
    taxonomy_id = _uuid(name, text)
    if taxonomy_id not in taxonomy.TAXONOMY_BY_ID:
        raise QueryError(
            f"{name} {taxonomy_id} is not one of our taxonomies: see /api/v1/taxonomies."
        )
    return taxonomy_id


def _search(name, text):
    if len(text) > MAX_SEARCH_LENGTH:
        raise QueryError(f"{name} must be at most {MAX_SEARCH_LENGTH} characters.")
    return " ".join(text.split())


def _format(name, text):
    if text != "json":
        raise QueryError(f"{name} must be json: we do not offer {text[:20]!r}.")
    return None


def _minimal(name, text):
    if _boolean(name, text):
        raise QueryError(f"{name}=true is not offered: use modified_after to fetch what changed.")
    return None


PARSERS = {
    "page": lambda name, text: _whole_number(name, text, 1, MAX_PAGE),
    "per_page": lambda name, text: _whole_number(name, text, 1, MAX_PER_PAGE),
    "search": _search,
    "modified_after": _moment,
    "taxonomy_term_id": _term,
    "taxonomy_id": _taxonomy,
    "organization_id": _uuid,
    "parent_id": _uuid,
    "top_only": _boolean,
    "full": _boolean,
    "format": _format,
    "minimal": _minimal,
}

SERVICE_LIST = (
    "page", "per_page", "search", "modified_after", "taxonomy_term_id", "taxonomy_id",
    "organization_id", "full", "minimal", "format",
)  # fmt: skip
TAXONOMY_LIST = ("page", "per_page", "search", "format")
TERM_LIST = ("page", "per_page", "search", "taxonomy_id", "parent_id", "top_only", "format")
SINGLE = ("format",)


def parse_query(params, allowed):
    """A ListQuery from request.GET, or QueryError naming the first thing wrong."""
    unknown = [name for name in params if name not in allowed]
    if unknown:
        raise QueryError(
            f"Unknown parameter {unknown[0][:40]!r}. This address takes: {', '.join(allowed)}."
        )
    values = {}
    for name in params:
        texts = params.getlist(name)
        if len(texts) > 1:
            raise QueryError(f"Give {name} once.")
        value = PARSERS[name](name, texts[0].strip())
        if value is not None:
            values[name] = value
    return ListQuery(**values)
