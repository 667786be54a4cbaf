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


def _translated_page_queries(client, language, slug):
    from tests.translations.helpers import get_in

    with CaptureQueriesContext(connection) as context:
        response = get_in(client, language, slug)  # on an emptied cache, as after a change
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("translated", [True, False])
def test_a_page_in_another_language_needs_one_query_more(client, translated):
    from tests.translations.helpers import make_translation

    page = make_page(slug="plain")
    if translated:
        make_translation(page, "pl")
    # The five of an English page, plus its published translation in the language, read
    # with the English version it was made from and the moment the English moved on
    # (translations.selectors.published_translation). None when there is no translation.
    assert _translated_page_queries(client, "pl", "plain") == 6
    assert _translated_page_queries(client, "en-gb", "plain") == 5


def test_a_translated_page_costs_the_same_with_many_translations_and_english_versions(client):
    from tests.translations.helpers import make_translation, republish_english

    page = make_page(slug="plain")
    make_translation(page, "pl")
    republish_english(page, body="<p>Out of step now.</p>")
    with_one = _translated_page_queries(client, "pl", "plain")
    for language in ("ur", "ar", "ro", "zh-hans"):
        make_translation(page, language)
    for n in range(20):
        make_translation(make_page(slug=f"other-{n}"), "pl")
        republish_english(page, body=f"<p>Version {n}.</p>")
    assert _translated_page_queries(client, "pl", "plain") == with_one
