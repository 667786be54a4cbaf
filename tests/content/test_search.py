"""Search: synonyms, word forms and near spellings, on PostgreSQL and on SQLite; live pages only."""

import re

import pytest

from content.models import SearchSynonym
from content.search import MAX_QUERY_LENGTH, clean_query, search_pages, search_services
from stalkinghelp.language import language_from_path, path_in_language
from tests.public_urls import every_public_path

from .factories import make_page

pytestmark = pytest.mark.django_db


def test_every_word_must_match():
    make_page(title="Phone safety", body="<p>Tracking apps.</p>")
    make_page(title="Gifts", body="<p>Unwanted gifts.</p>")
    assert [page.title for page in search_pages("phone tracking")] == ["Phone safety"]


def test_title_matches_come_first():
    make_page(title="About gifts", body="<p>Nothing.</p>")
    make_page(title="Another", body="<p>Stalkers may send gifts.</p>")
    make_page(title="Zzz gifts page", summary="gifts")
    assert search_pages("gifts")[-1].title == "Another"


def test_the_directory_is_searched_too(starter_data):
    names = [service.name for service in search_services("helpline")]
    assert any("National Stalking Helpline" in name for name in names)


def test_long_queries_are_cut_and_spaces_tidied():
    assert clean_query("  a   b  ") == "a b"
    assert len(clean_query("x" * 1000)) == MAX_QUERY_LENGTH


@pytest.mark.parametrize("query", ["%", "_", "' OR 1=1 --", "<script>", "a & b | !c", ":*"])
def test_odd_queries_do_not_break_search(client, query):
    make_page(title="Page")
    assert client.post("/search/", {"q": query}).status_code == 200


def test_a_synonym_finds_a_page_that_never_uses_the_word():
    page = make_page(title="Hidden trackers", body="<p>Small devices left in a bag.</p>")
    make_page(title="Airtags in the news", summary="Not about you.", status="draft")
    assert search_pages("airtag") == []
    SearchSynonym.objects.create(phrases="airtag\ntracker").pages.set([page])
    assert [found.slug for found in search_pages("an airtag in my bag")] == [page.slug]


def test_a_synonym_comes_before_pages_that_only_share_a_word():
    exes = make_page(title="Stalking by a partner or an ex", body="<p>Domestic abuse.</p>")
    make_page(title="Boyfriend", summary="Boyfriend boyfriend", body="<p>boyfriend</p>")
    SearchSynonym.objects.create(phrases="ex boyfriend").pages.set([exes])
    assert search_pages("ex boyfriend")[0] == exes


def test_a_synonym_matches_other_forms_and_slips_but_not_a_different_short_word():
    page = make_page(title="Signs", body="<p>Signs.</p>")
    SearchSynonym.objects.create(phrases="texting\nex").pages.set([page])
    assert search_pages("he texted me") == [page]  # another form
    assert search_pages("textingg") == [page]  # a slip
    assert search_pages("eg") == []  # short words must be spelt right


def test_a_synonym_never_shows_a_page_that_is_not_live():
    draft = make_page(title="Draft", status="draft")
    SearchSynonym.objects.create(phrases="airtag").pages.set([draft])
    assert search_pages("airtag") == []


@pytest.mark.parametrize(
    ("typed", "written"), [("harrasment", "harassment"), ("stalkin", "stalking")]
)
def test_near_spellings_find_the_page(typed, written):
    make_page(title="The law", body=f"<p>The law on {written}.</p>")
    make_page(title="Other", body="<p>Nothing like it.</p>")
    assert [page.title for page in search_pages(typed)] == ["The law"]


def test_accents_do_not_matter():
    make_page(title="Meeting in a café", body="<p>Naïve plans.</p>")
    assert [page.title for page in search_pages("cafe naive")] == ["Meeting in a café"]


def test_other_word_forms_find_the_page():
    make_page(title="Phone safety", body="<p>Someone may be tracking your phone.</p>")
    assert [page.title for page in search_pages("tracked")] == ["Phone safety"]


def test_every_public_page_has_a_search_box_that_posts(client, starter_data):
    # The embedded widget lives inside partners' own pages, which have their own header.
    for path in (p for p in every_public_path(client) if not p.startswith("/embed/")):
        html = client.get(path).content.decode()
        # In the page's own language: /pl/search/ from a Polish page.
        search = re.escape(path_in_language("/search/", language_from_path(path)))
        form = re.search(rf'<form class="site-search" method="post" action="{search}"[^>]*>', html)
        assert form, path
        assert 'name="q"' in html[form.end() :].split("</form>")[0], path


def test_the_header_search_sends_its_words_by_post_only(client, starter_data):
    response = client.post("/search/", {"q": "airtag"})
    assert response.status_code == 200
    assert "Staying safe on your phone and online" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    # A GET with words in the address is not a search: nothing is looked up.
    assert "Staying safe" not in client.get("/search/?q=airtag").content.decode()


def test_results_in_another_language_link_to_its_pages_and_mark_english_titles(
    client, starter_data
):
    page = client.post("/pl/search/", {"q": "stalking"}).content.decode()
    assert '<li lang="en" dir="ltr">\n            <a class="govuk-link" href="/pl/' in page
    assert 'href="/what-is-stalking/"' not in page.split('id="main-content"')[1]
    english = client.post("/search/", {"q": "stalking"}).content.decode()
    assert '<li lang="en"' not in english
    assert '<a class="govuk-link" href="/what-is-stalking/">' in english
