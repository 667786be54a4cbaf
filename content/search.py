"""Search over live pages (and the service directory), for the words people really use.

Three things find a page: staff's synonyms ("ex boyfriend" finds the page on stalking
by a partner or ex), the words of the page in any form ("tracked" finds "tracking"),
and near spellings ("harrasment"). On PostgreSQL the database does the second and third
(full-text search with accents removed, and pg_trgm's word similarity); elsewhere
(SQLite) the Snowball stemmer and rapidfuzz do them in Python. Both score a page the
same way (`_score`), so a search finds the same first page on either database.

Nothing here logs or stores the words searched for.
"""

import math
from collections import Counter
from functools import reduce
from operator import add, or_

from django.db import connection
from django.db.models import Case, Q, Value, When
from django.db.models.lookups import GreaterThanOrEqual
from rapidfuzz import fuzz, process

from .models import SearchSynonym, Section
from .readability import plain_text
from .search_terms import (
    NEAR_SPELLING,
    Synonym,
    phrases_from,
    query_words,
    stem,
    synonym_weights,
    words,
)
from .selectors import CARD_FIELDS, live_pages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_RESULTS = 20

# The created text search configuration (content migration 0003): English stems, no accents.
CONFIG = "english_unaccent"
# How much a word counts where it is found: in the title, the summary, the body. The same
# proportions as PostgreSQL's default weights for A, B and C.
FIELD_WEIGHTS = {"title": 1.0, "summary": 0.4, "body": 0.2}
# pg_trgm word similarity from which a word counts as a near spelling ("harrasment": 0.57).
NEAR_SIMILARITY = 0.5
# A synonym outweighs any amount of ordinary word matching: staff chose that page.
SYNONYM_WEIGHT = 100
SECTIONS = list(Section.values)


def clean_query(raw):
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_pages(query, now=None):
    query = clean_query(query)
    typed = query_words(query)[:MAX_TERMS]
    boosts = synonym_weights(query, synonyms())
    if not typed and not boosts:
        return []
    pages = live_pages(now)
    if connection.vendor == "postgresql":
        scored = _postgres_scores(pages, typed, boosts)
    else:
        scored = _fallback_scores(pages, typed)
    ranked = sorted(
        ((_score(boosts.get(page.pk, 0), rank, nears), page) for page, rank, nears in scored),
        key=lambda item: (-item[0], *_reading_order(item[1])),
    )
    return [page for score, page in ranked if score > 0][:MAX_RESULTS]


def _reading_order(page):
    """Ties go in the site's own order: understanding first, this site's small print last."""
    return (SECTIONS.index(page.section), page.nav_order, page.title)


def synonyms():
    return [
        Synonym(phrases_from(row.phrases), tuple(page.pk for page in row.pages.all()))
        for row in SearchSynonym.objects.prefetch_related("pages")
    ]


def _score(boost, rank, nears):
    """Synonyms first, then pages with the words themselves, then near spellings."""
    return SYNONYM_WEIGHT * boost + rank + sum(nears) / 2


def _postgres_scores(pages, typed, boosts):
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        TrigramWordSimilarity,
    )

    vector = reduce(
        add,
        (
            SearchVector(field, weight=letter, config=CONFIG)
            for field, letter in zip(FIELD_WEIGHTS, "ABC", strict=True)
        ),
    )
    # Per word, its near spellings in each field, added up, each from NEAR_SIMILARITY up.
    nears = {
        f"near_{index}": reduce(
            add,
            (
                Case(
                    When(
                        GreaterThanOrEqual(TrigramWordSimilarity(word, field), NEAR_SIMILARITY),
                        then=TrigramWordSimilarity(word, field) * weight,
                    ),
                    default=Value(0.0),
                )
                for field, weight in FIELD_WEIGHTS.items()
            ),
        )
        for index, word in enumerate(typed)
    }
    matches = Q(pk__in=list(boosts))
    if typed:
        search_query = reduce(
            or_, (SearchQuery(word, search_type="plain", config=CONFIG) for word in typed)
        )
        # ts_rank's figures are small (about 0.1 a word): scaled to weigh like a whole word.
        pages = pages.annotate(document=vector, rank=SearchRank(vector, search_query) * 10, **nears)
        matches |= Q(document=search_query)
        for name in nears:
            matches |= Q(**{f"{name}__gt": 0})
    rows = pages.filter(matches).only(*CARD_FIELDS)
    return [
        (
            page,
            getattr(page, "rank", 0.0),
            [getattr(page, name) for name in nears],
        )
        for page in rows
    ]


def _fallback_scores(pages, typed):
    """The same scores as PostgreSQL's, worked out in Python from each page's words."""
    scored = []
    for page in pages:
        fields = {
            "title": words(page.title),
            "summary": words(page.summary),
            "body": words(plain_text(page.body)),
        }
        stems = {field: Counter(stem(word) for word in found) for field, found in fields.items()}
        rank, nears = 0.0, []
        for word in typed:
            # Like ts_rank, a word said more often counts for more, but less and less.
            rank += sum(
                weight * (1 + math.log(count))
                for field, weight in FIELD_WEIGHTS.items()
                if (count := stems[field][stem(word)])
            )
            nears.append(
                sum(
                    _nearest(word, fields[field]) * weight
                    for field, weight in FIELD_WEIGHTS.items()
                )
            )
        scored.append((page, rank, [near for near in nears if near > 0]))
    return scored


def _nearest(word, known):
    best = process.extractOne(word, set(known), scorer=fuzz.ratio, score_cutoff=NEAR_SPELLING)
    return best[1] / 100 if best else 0.0


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
