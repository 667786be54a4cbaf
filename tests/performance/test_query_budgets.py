"""Every public page costs the same few queries however much data there is.

Counted cold (the cache emptied first): the budget is what rendering costs, which is
what a crowd pays whenever the page cache is invalidated. Then again with twenty times
the pages and services: a count that grows with the data is a missing prefetch.
"""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from content.starter import starter_pages
from tests.answers import IN_DANGER_CANNOT_TALK
from tests.public_urls import FIXED_PUBLIC_PATHS

from .growth import grow_twentyfold

pytestmark = pytest.mark.django_db

# Counted cold (an empty cache). The open-data exports are the dearest (10): the
# directory's tables, plus the emergency numbers every page reads, whose helpline
# unverified notes name (signposting.unverified). The Atom feed needs 9, one per kind
# of history record. One more, cold only: the next scheduled change (approvals.schedule),
# read once per content token and then kept stamped in the shared cache.
MAX_QUERIES = 11
ANSWERS = IN_DANGER_CANNOT_TALK
API_ANSWERS = ANSWERS | {"danger": True, "can_talk": False}

GETS = [
    *FIXED_PUBLIC_PATHS,
    *(f"/{page.slug}/" for page in starter_pages()),
    "/services/national-stalking-helpline/",
    "/search/",
    "/keeping-a-record/diary/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/services",
    "/api/v1/openapi.json",
    "/partners/data/directory.json",
    "/partners/data/directory.csv",
    "/partners/changes.atom",
]
POSTS = [
    ("/get-help/", ANSWERS, None),
    ("/api/v1/recommendations", json.dumps(API_ANSWERS), "application/json"),
    ("/search/", {"q": "stalking helpline"}, None),
    ("/is-it-stalking/", {"answers": ["fixated"]}, None),
]
REQUESTS = [("get", path, None, None) for path in GETS] + [
    ("post", path, data, content_type) for path, data, content_type in POSTS
]


def _cold_queries(method, path, data, content_type):
    cache.clear()
    client = Client()
    extra = {"content_type": content_type} if content_type else {}
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data, **extra) if data else client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    return len(queries)


@pytest.mark.parametrize(("method", "path", "data", "content_type"), REQUESTS)
def test_a_page_costs_the_same_few_queries_with_twenty_times_the_data(
    starter_data, method, path, data, content_type
):
    at_1x = _cold_queries(method, path, data, content_type)
    grow_twentyfold()
    at_20x = _cold_queries(method, path, data, content_type)
    print(f"\n  queries {path} ({method.upper()}): {at_1x} at 1x, {at_20x} at 20x")
    assert at_1x == at_20x
    assert at_1x <= MAX_QUERIES
