"""Query budgets: a page costs the same number of queries with 10 pages or 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Page

from .factories import make_page

pytestmark = pytest.mark.django_db


def _make_pages(total):
    pages = [
        Page(
            title=f"Page {n}",
            slug=f"bulk-{n}",
            summary=f"Summary {n} about stalking.",
            body=f"<p>Body {n} about stalking.</p>",
            status=Page.Status.PUBLISHED,
            section=("understand", "act", "safety")[n % 3],
            show_on_home=n % 5 == 0,
        )
        for n in range(total)
    ]
    Page.objects.bulk_create(pages)


def _queries(client, method, path, data=None):
    # Once to warm process-wide caches (the emergency numbers), then count.
    getattr(client, method)(path, data or {})
    with CaptureQueriesContext(connection) as context:
        response = getattr(client, method)(path, data or {})
    assert response.status_code == 200, path
    return len(context.captured_queries)


REQUESTS = [
    ("get", "/", None),
    ("get", "/bulk-1/", None),
    ("get", "/is-it-stalking/", None),
    ("post", "/is-it-stalking/", {"answers": ["fixated"]}),
    ("post", "/search/", {"q": "stalking"}),
    ("get", "/sitemap.xml", None),
    ("get", "/what-is-stalking/", None),
]


@pytest.mark.parametrize("method, path, data", REQUESTS)
def test_query_count_does_not_grow_with_the_number_of_pages(
    client, starter_data, method, path, data
):
    _make_pages(10)
    with_ten = _queries(client, method, path, data)
    Page.objects.filter(slug__startswith="bulk-").delete()
    _make_pages(500)
    assert _queries(client, method, path, data) == with_ten


def test_a_plain_page_needs_at_most_five_queries(client, django_assert_max_num_queries):
    make_page(slug="plain")
    # The page, its easy read pair, its section's navigation, the directory's numbers for
    # its tokens, and (once per content generation, on a cold cache) the next scheduled
    # change's moment. Nothing grows with the page (the test above).
    with django_assert_max_num_queries(5):
        client.get("/plain/")
