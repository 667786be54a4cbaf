"""Each language's pages are cached apart, and the outage page speaks the visitor's language."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.resilience.database import database_unreachable

from .catalogue import compiled_catalogue

pytestmark = pytest.mark.django_db

NOT_AVAILABLE = "Sorry, this page is not available right now"
IN_POLISH = "Przepraszamy, ta strona jest teraz niedostępna"


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


@pytest.mark.parametrize("english", ["/", "/what-is-stalking/", "/services/", "/get-help/"])
def test_a_cached_copy_in_one_language_is_never_served_for_another(starter_data, english):
    visitor = Client()
    polish, _ = _get(visitor, "/pl" + english)
    again, queries = _get(visitor, "/pl" + english)
    assert queries == 0 and again.content == polish.content  # served from the cache
    english_page, _ = _get(visitor, english)
    assert '<html lang="en-GB"' in english_page.content.decode()
    assert english_page["Content-Language"] == "en-GB"
    arabic, _ = _get(visitor, "/ar" + english)
    assert '<html lang="ar" dir="rtl"' in arabic.content.decode()
    assert arabic["Content-Language"] == "ar"
    # And each copy, once cached, is still its own language's.
    assert '<html lang="pl"' in _get(visitor, "/pl" + english)[0].content.decode()


def test_the_database_down_page_is_in_the_visitors_language(starter_data, tmp_path):
    visitor = Client()
    with compiled_catalogue(tmp_path, "pl", {NOT_AVAILABLE: IN_POLISH}):
        with database_unreachable():
            polish = visitor.get("/pl/what-is-stalking/")
            english = visitor.get("/what-is-stalking/")
    assert polish.status_code == english.status_code == 503
    html = polish.content.decode()
    assert '<html lang="pl"' in html and IN_POLISH in html
    assert 'href="tel:999"' in html  # the numbers, from the directory's last copy
    assert NOT_AVAILABLE in english.content.decode()
    assert IN_POLISH not in english.content.decode()
