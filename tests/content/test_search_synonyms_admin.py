"""Staff keep the search synonyms in the admin: Publishers change them, Editors only read."""

import pytest
from django.urls import reverse

from accounts.roles import EDITOR, PUBLISHER
from content.models import SearchSynonym
from content.search import search_pages
from tests.accounts.factories import make_staff, verified_client

from .factories import make_page

pytestmark = pytest.mark.django_db


def test_a_publisher_adds_a_synonym_and_search_uses_it_at_once():
    page = make_page(title="Hidden trackers")
    client = verified_client(make_staff(PUBLISHER))
    response = client.post(
        reverse("admin:content_searchsynonym_add"),
        {"phrases": "  AirTag \n\n tracking my phone, Tile ", "pages": [page.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    synonym = SearchSynonym.objects.get()
    assert synonym.phrases == "airtag\ntracking my phone\ntile"  # one plain phrase a line
    assert search_pages("is there an airtag on me") == [page]


def test_the_synonym_list_shows_the_words_and_their_pages():
    page = make_page(title="Hidden trackers")
    SearchSynonym.objects.create(phrases="airtag\ntracker").pages.set([page])
    client = verified_client(make_staff(PUBLISHER))
    html = client.get(reverse("admin:content_searchsynonym_changelist")).content.decode()
    assert "airtag, tracker" in html and "Hidden trackers" in html


def test_an_editor_can_read_synonyms_but_not_change_them():
    page = make_page(title="Hidden trackers")
    client = verified_client(make_staff(EDITOR))
    assert client.get(reverse("admin:content_searchsynonym_changelist")).status_code == 200
    response = client.post(
        reverse("admin:content_searchsynonym_add"), {"phrases": "airtag", "pages": [page.pk]}
    )
    assert response.status_code == 403
    assert not SearchSynonym.objects.exists()
