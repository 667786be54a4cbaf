"""The starter pages: all there, all live, plain words, numbers only from the directory."""

import pytest
from django.core.management import call_command

from content.models import Page
from content.readability import GRADE_LIMIT, grade
from content.starter import starter_pages
from content.typed_numbers import typed_numbers

pytestmark = pytest.mark.django_db

STARTER = starter_pages()
REQUIRED_SLUGS = {
    "what-is-stalking",
    "signs-of-stalking",
    "types-of-stalking",
    "is-it-stalking",
    "stalking-and-the-law",
    "reporting-to-the-police",
    "keeping-a-record",
    "staying-safe-online",
    "using-this-site-safely",
    "helping-someone",
    "for-professionals",
    "privacy",
    "accessibility",
    "clares-law",
    "ask-for-ani-and-safe-spaces",
    "deaf-or-cannot-speak",
}


def test_every_required_page_is_in_the_starter_content():
    assert REQUIRED_SLUGS <= {page.slug for page in STARTER}


@pytest.mark.parametrize("starter", STARTER, ids=lambda page: page.slug)
def test_starter_pages_type_no_phone_numbers(starter):
    assert typed_numbers(starter.body) == []


@pytest.mark.parametrize("starter", STARTER, ids=lambda page: page.slug)
def test_starter_pages_are_plain_to_read(starter):
    # Staff edit these: the starter copy shows the grade every page is held to.
    assert grade(f"<p>{starter.summary}</p>{starter.body}") <= GRADE_LIMIT


@pytest.mark.parametrize("slug", sorted(REQUIRED_SLUGS))
def test_every_starter_page_is_live(client, starter_data, slug):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    # Loaded by a command, so reviewed by nobody yet: no date is claimed.
    assert "Last reviewed" not in response.content.decode()


def test_starter_pages_show_directory_numbers_as_tel_links(client, starter_data):
    html = client.get("/reporting-to-the-police/").content.decode()
    assert 'href="tel:101"' in html or 'href="tel:+44101' in html or "tel:" in html
    assert "[[service:" not in html


def test_loading_twice_creates_nothing_new(starter_data):
    before = Page.objects.count()
    call_command("load_pages", verbosity=0)
    assert Page.objects.count() == before


def test_loading_again_never_overwrites_staff_edits(starter_data):
    page = Page.objects.get(slug="privacy")
    page.body = "<p>Edited by staff.</p>"
    page.save()
    call_command("load_pages", verbosity=0)
    page.refresh_from_db()
    assert page.body == "<p>Edited by staff.</p>"


def test_loading_again_does_not_bring_back_a_renamed_page(starter_data):
    page = Page.objects.get(slug="privacy")
    page.slug = "privacy-notice"
    page.save()
    call_command("load_pages", verbosity=0)
    assert not Page.objects.filter(slug="privacy").exists()


def test_loading_again_does_not_bring_back_a_deleted_page(starter_data):
    Page.objects.get(slug="accessibility").delete()
    call_command("load_pages", verbosity=0)
    assert not Page.objects.filter(slug="accessibility").exists()


def test_the_starter_history_says_where_pages_came_from(starter_data):
    page = Page.objects.get(slug="privacy")
    assert page.history.earliest().history_change_reason == "Starter content"


def test_the_diary_is_a_printable_page_linked_from_keeping_a_record(client, starter_data):
    assert 'href="/keeping-a-record/diary/"' in client.get("/keeping-a-record/").content.decode()
    response = client.get("/keeping-a-record/diary/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What happened" in html and html.count('class="govuk-table__row diary__row"') == 12


def test_the_diary_exists_only_for_the_page_that_offers_it(client, starter_data):
    assert client.get("/privacy/diary/").status_code == 404


def test_the_home_page_leads_with_emergency_help_and_the_two_ways_in(client, starter_data):
    html = client.get("/").content.decode()
    main = html[html.index("<main") :]
    assert main.index('href="/get-help/"') < main.index("Find out more")
    assert main.index('href="/is-it-stalking/"') < main.index("Find out more")
    assert 'href="tel:' in main.split("Find out more")[0]


def test_the_home_page_highlights_are_editable_pages(client, starter_data):
    page = Page.objects.get(slug="helping-someone")
    page.show_on_home = False
    page.save()
    assert 'href="/helping-someone/"' not in client.get("/").content.decode().split("<main")[1]
