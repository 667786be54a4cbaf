"""Easy read pages: short sentences, a picture for each idea, no hard words, linked both ways."""

import re

import pytest
import textstat

from content.pictograms import PICTOGRAMS, render_pictures
from content.plain_words import unexplained
from content.readability import sentences
from content.starter import starter_pages
from content.tokens import token_errors
from tests.reading_grades import main_text

pytestmark = pytest.mark.django_db

EASY_READ = {page.slug: page.easy_read_of for page in starter_pages() if page.easy_read_of}
MOST_WORDS = 15
_PAGE_BODY = re.compile(r'<div class="page-body">(.*?)</div>\s*(?:<p|</div>)', re.DOTALL)
_SVG_PICTURE = re.compile(r'<svg class="easy-read__picture" role="img" aria-label="([^"]*)"')


def test_the_five_topics_have_easy_read_versions():
    assert set(EASY_READ.values()) == {
        "what-is-stalking",
        "signs-of-stalking",
        "reporting-to-the-police",
        "keeping-a-record",
        "using-this-site-safely",
    }


def _easy_read_html(client, slug):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    return main_text(response.content.decode())


@pytest.mark.parametrize("slug", EASY_READ)
def test_every_sentence_has_at_most_15_words(client, directory, slug):
    long = [
        sentence
        for block in sentences(_easy_read_html(client, slug))
        for sentence in re.split(r"(?<=[.!?])\s+", block)
        if textstat.lexicon_count(sentence) > MOST_WORDS
    ]
    assert not long


@pytest.mark.parametrize("slug", EASY_READ)
def test_each_idea_is_a_line_with_a_picture_and_its_text_alternative(client, directory, slug):
    body = _PAGE_BODY.search(_easy_read_html(client, slug)).group(1)
    lines = re.findall(r"<li>(.*?)</li>", body, re.DOTALL)
    assert lines
    for line in lines:
        alternatives = _SVG_PICTURE.findall(line)
        assert len(alternatives) == 1 and alternatives[0].strip(), line
        assert line.lstrip().startswith("<svg"), "the picture comes first, beside its idea"
    assert "[[picture" not in body


@pytest.mark.parametrize("slug", EASY_READ)
def test_easy_read_pages_use_no_hard_words_unexplained(client, directory, slug):
    text = sentences(_easy_read_html(client, slug))
    assert unexplained(text) == []
    for jargon in ("JavaScript", "cookie", "browser", "advocate", "WCAG"):
        assert jargon.lower() not in " ".join(text).lower()


@pytest.mark.parametrize(("easy_read", "standard"), EASY_READ.items())
def test_the_standard_page_links_to_its_easy_read_version_near_the_top(
    client, directory, easy_read, standard
):
    html = main_text(client.get(f"/{standard}/").content.decode())
    link = html.index(f'href="/{easy_read}/"')
    assert link < html.index('class="page-body"') and link < html.index("govuk-body-l")


@pytest.mark.parametrize(("easy_read", "standard"), EASY_READ.items())
def test_the_easy_read_page_links_back_to_its_standard_page(client, directory, easy_read, standard):
    html = _easy_read_html(client, easy_read)
    assert html.index(f'href="/{standard}/"') < html.index('class="page-body"')


def test_help_numbers_on_the_easy_read_page_come_from_the_directory(client, directory):
    html = _easy_read_html(client, "get-help-easy-read")
    for href in ('href="tel:999"', 'href="tel:101"', 'href="tel:+448088020300"'):
        assert href in html


def test_an_easy_read_page_is_paired_through_a_field_staff_edit(client, directory):
    from content.models import EDITABLE_FIELDS, Page

    assert "easy_read_of" in EDITABLE_FIELDS
    easy_read = Page.objects.get(slug="keeping-a-record-easy-read")
    assert "Read this page in easy read" in client.get("/keeping-a-record/").content.decode()
    easy_read.easy_read_of = None
    easy_read.save()
    assert "Read this page in easy read" not in client.get("/keeping-a-record/").content.decode()


def test_a_page_with_an_unknown_picture_cannot_be_saved():
    assert token_errors("<ul><li>[[picture:phone]] Call.</li></ul>") == []
    (error,) = token_errors("<ul><li>[[picture:fone]] Call.</li></ul>")
    assert "no picture called “fone”" in error


def test_pictures_draw_from_one_sprite_holding_only_the_symbols_used():
    html = str(render_pictures("<p>[[picture:phone]] a</p><p>[[picture:phone]] b</p>"))
    assert html.count("<symbol ") == 1 and html.count("<use ") == 2
    assert 'aria-label="A phone"' in html and "[[picture" not in html


@pytest.mark.parametrize("name", PICTOGRAMS)
def test_every_picture_has_a_text_alternative(name):
    alternative, shapes = PICTOGRAMS[name]
    assert alternative and shapes.startswith("<")
