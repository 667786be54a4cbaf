"""Search over live pages (and the service directory): PostgreSQL full text, or a plain fallback.

Nothing here logs or stores the words searched for.
"""

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from .selectors import CARD_FIELDS, live_pages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_RESULTS = 20


def clean_query(raw):
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_pages(query, now=None):
    query = clean_query(query)
    if not query:
        return []
    pages = live_pages(now).only(*CARD_FIELDS)
    if connection.vendor == "postgresql":
        return list(_postgres_search(pages, query)[:MAX_RESULTS])
    return list(_simple_search(pages, query)[:MAX_RESULTS])


def _postgres_search(pages, query):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        pages.annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(document=search_query)
        .order_by("-rank", "title")
    )


def _simple_search(pages, query):
    """Every word must appear somewhere; title matches first. Good enough for SQLite."""
    for term in query.split()[:MAX_TERMS]:
        pages = pages.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)
        )
    first_term = query.split()[0]
    return pages.annotate(
        in_title=Case(
            When(title__icontains=first_term, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("in_title", "title")


def search_services(query):
    """Directory services whose name or description matches, the same way as pages."""
    query = clean_query(query)
    if not query:
        return []
    # The directory belongs to signposting; content only reads it, through its selector.
    from signposting.selectors import listed_services

    # Only names and links are shown, so none of the directory's prefetching is needed.
    services = (
        listed_services()
        .select_related(None)
        .prefetch_related(None)
        .only("name", "slug", "short_description")
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("name", weight="A", config="english") + SearchVector(
            "short_description", "who_it_helps", weight="B", config="english"
        )
        search_query = SearchQuery(query, search_type="websearch", config="english")
        services = (
            services.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(document=search_query)
            .order_by("-rank", "name")
        )
    else:
        for term in query.split()[:MAX_TERMS]:
            services = services.filter(
                Q(name__icontains=term)
                | Q(short_description__icontains=term)
                | Q(who_it_helps__icontains=term)
            )
    return list(services[:MAX_RESULTS])
