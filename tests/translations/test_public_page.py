"""A page in a visitor's language: the translation when there is one, with a notice when it
is out of step or unchecked; the English with a notice when there is none. Never a 404."""

import subprocess
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import formats, timezone, translation

from content.models import Page
from tests.accounts.factories import make_page
from translations.models import PageTranslation

from .helpers import get_in, make_translation, republish_english

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("untranslated_interface")]

MISSING = "This page has not been translated into your language yet, so it is shown in English."
UNCHECKED = "A fluent speaker has not checked the translation yet."
OUT_OF_STEP = "This page changed in English on"


@pytest.fixture
def page():
    return make_page(
        title="What is stalking",
        slug="what-it-is",
        summary="English summary.",
        body="<p>English words.</p>",
        status=Page.Status.PUBLISHED,
    )


def _text(response):
    assert response.status_code == 200
    return response.content.decode()


def _notice(html):
    start = html.find('id="translation-notice"')
    return "" if start == -1 else html[start : html.find("</div>", start)]


def test_a_current_checked_translation_is_shown_with_no_notice(client, page):
    make_translation(page, "pl", title="Czym jest nękanie", body="<p>Polskie słowa.</p>")
    html = _text(get_in(client, "pl", "what-it-is"))
    assert "Czym jest nękanie" in html
    assert "Polskie słowa." in html
    assert "English words." not in html
    assert 'id="translation-notice"' not in html
    assert 'lang="en"' not in html


def test_an_unchecked_translation_says_so_with_a_link_to_the_english(client, page):
    make_translation(page, "pl", checked_by="", checked_on=None, body="<p>Polskie.</p>")
    html = _text(get_in(client, "pl", "what-it-is"))
    notice = _notice(html)
    assert "Polskie." in html
    assert UNCHECKED in notice
    assert 'href="/what-it-is/" hreflang="en"' in notice
    assert 'lang="pl"' in notice
    assert OUT_OF_STEP not in notice


def test_an_english_page_published_again_puts_the_translation_out_of_step(client, page):
    make_translation(page, "pl", body="<p>Polskie.</p>")
    republish_english(page, body="<p>English words, rewritten.</p>")
    changed = timezone.localtime(page.history.latest().history_date)
    html = _text(get_in(client, "pl", "what-it-is"))
    notice = _notice(html)
    assert "Polskie." in html  # still the translation, now with the notice
    with translation.override("pl"):
        day = formats.date_format(changed, "j F Y")
    assert f"{OUT_OF_STEP} {day}." in notice
    assert '<a class="govuk-link" href="/what-it-is/" hreflang="en">' in notice
    assert "The English version is here." in notice
    assert UNCHECKED not in notice


def test_the_date_is_when_the_english_first_moved_on_from_the_translated_version(client, page):
    make_translation(page, "pl")
    republish_english(page, body="<p>First rewrite.</p>")
    first = page.history.latest().history_date
    republish_english(page, body="<p>Second rewrite.</p>")
    PageTranslation.objects.get()  # one translation, however many English versions
    from translations.selectors import published_translation

    assert published_translation(page, "pl").english_changed_at == first


def test_rescheduling_the_english_leaves_the_translation_current(client, page):
    make_translation(page, "pl")
    republish_english(page, publish_until=timezone.now() + timedelta(days=30))
    assert 'id="translation-notice"' not in _text(get_in(client, "pl", "what-it-is"))


def test_reverting_the_english_to_the_translated_version_makes_it_current_again(client, page):
    make_translation(page, "pl")
    republish_english(page, body="<p>Changed.</p>")
    assert OUT_OF_STEP in _text(get_in(client, "pl", "what-it-is"))
    republish_english(page, body="<p>English words.</p>")
    assert 'id="translation-notice"' not in _text(get_in(client, "pl", "what-it-is"))


@pytest.mark.parametrize("language", ["pl", "ur", "ar", "ro", "zh-hans"])
def test_a_missing_translation_falls_back_to_the_english_never_a_404(client, page, language):
    html = _text(get_in(client, language, "what-it-is"))
    assert "English words." in html
    assert (
        'class="govuk-grid-row" lang="en" dir="ltr"' in html
    )  # English reads left to right, also on Arabic pages
    notice = _notice(html)
    assert MISSING in notice
    assert f'lang="{language}"' in notice


def test_a_draft_translation_is_missing_for_visitors(client, page):
    make_translation(page, "ro", status=PageTranslation.Status.DRAFT, body="<p>Ciornă.</p>")
    html = _text(get_in(client, "ro", "what-it-is"))
    assert "Ciornă." not in html
    assert MISSING in _notice(html)


def test_another_languages_translation_is_not_shown(client, page):
    make_translation(page, "ar", body="<p>كلمات</p>")
    html = _text(get_in(client, "pl", "what-it-is"))
    assert "كلمات" not in html
    assert MISSING in html


def test_an_english_visitor_sees_the_english_and_no_notice(client, page):
    make_translation(page, "pl", body="<p>Polskie.</p>")
    html = _text(get_in(client, "en-gb", "what-it-is"))
    assert "English words." in html
    assert "Polskie." not in html
    assert 'id="translation-notice"' not in html


def test_a_translated_body_takes_its_numbers_from_the_directory(client, starter_data):
    english = Page.objects.get(slug="what-is-stalking")
    PageTranslation.objects.filter(page=english).delete()  # the team's starter translations
    make_translation(
        english, "pl", body="<p>Zadzwoń:</p><p>[[service:national-stalking-helpline]]</p>"
    )
    html = _text(get_in(client, "pl", "what-is-stalking"))
    assert 'href="tel:' in html


NOTICE_PO = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: pl\\n"

msgid "This page has not been translated into your language yet, so it is shown in English."
msgstr "Ta strona nie została jeszcze przetłumaczona, dlatego jest po angielsku."
"""


def test_the_notice_is_in_the_visitors_language(client, page, tmp_path):
    """Through gettext: with a catalogue for the language, the notice is in it."""
    messages = tmp_path / "pl" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(NOTICE_PO, encoding="utf-8")
    subprocess.run(["msgfmt", "-o", messages / "django.mo", messages / "django.po"], check=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        html = _text(get_in(client, "pl", "what-it-is"))
    assert "Ta strona nie została jeszcze przetłumaczona" in _notice(html)
    assert MISSING not in html
