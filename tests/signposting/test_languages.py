"""The help-finder, its results and the service pages in every language.

Languages come from settings.LANGUAGES. Until the project's settings name the site's
languages (another part of issue 16 adds them), the test uses the list the issue agrees
on, so it never runs over Django's hundred defaults. Translations are made up here
(tests/signposting/catalogue.py): the real catalogues are written elsewhere.
"""

import datetime as dt
import io
import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils.translation import override
from markupsafe import escape
from openpyxl import load_workbook

from content.diary_files import diary_pdf, diary_xlsx
from signposting import results_page, views
from signposting.forms import questions_html
from signposting.models import Service
from signposting.opening import LONDON, Hours, Session, describe_sessions, open_state
from signposting.serializers import hsds
from signposting.triage import Situation, recommend
from signposting.views import results_context
from tests.signposting.catalogue import catalogue
from tests.signposting.test_triage import EVERY_SITUATION, MOMENTS

pytestmark = pytest.mark.django_db

# The list, until settings.LANGUAGES is the project's own (see the module).
AGREED = [
    ("en-gb", "English"), ("pl", "Polski"), ("ur", "اردو"), ("ar", "العربية"),
    ("ro", "Română"), ("zh-hans", "简体中文"),
]  # fmt: skip
CODES = [
    code for code, _name in (settings.LANGUAGES if settings.is_overridden("LANGUAGES") else AGREED)
]
OTHER_CODES = [code for code in CODES if code != settings.LANGUAGE_CODE]
IN_DANGER = Situation(
    danger=True, can_talk=True, relationship="partner", gender="woman", age="19_plus", area="unsure"
)
WOMAN_AT_HOME = Situation(
    danger=False, can_talk=True, relationship="partner", gender="woman", age="19_plus", area="notts"
)
CARD = '<li class="sh-recommendation">'


def _content(situation, entries, moment, code):
    """The results content (without the page around it) for a situation, in a language."""
    with override(code):
        request = RequestFactory().post("/get-help/")
        parts = results_page.current_parts(request, entries)
        recommendations = recommend(situation, entries, moment)
        context = results_context(situation, {}, [], recommendations, moment)
        html = results_page.render_results(request, context, parts).content.decode()
    return html.removeprefix(parts.before_content).removesuffix(parts.after_content)


def _cards(html):
    return html.split(CARD)[1:]


def _shown(html):
    """(service name, its tel: and sms: links, the numbers its buttons show), card by card."""
    shown = []
    for card in _cards(html):
        name = re.search(r'sh-recommendation__name">(.*?)</h3>', card).group(1)
        links = tuple(re.findall(r'href="((?:tel|sms):[^"]*)"', card))
        buttons = re.findall(r'<span class="sh-call__number">(.*?)</span></a>', card)
        numbers = tuple(
            tuple(re.findall(r"\d[\d ]*\d|\d", re.sub(r"<[^>]+>", "", b))) for b in buttons
        )
        shown.append((name, links, numbers))
    return shown


def _plan(situation, entries, moment, code):
    """What decides the buttons and links on the page: services, groups and channels."""
    with override(code):
        shown = recommend(situation, entries, moment)
    return tuple((r.entry.slug, r.group, r.channels) for r in shown)


@pytest.mark.parametrize("moment", [MOMENTS["weekday"], MOMENTS["christmas-day"]], ids=str)
def test_every_language_shows_the_same_services_numbers_and_order_in_every_situation(
    starter_entries, moment
):
    english = settings.LANGUAGE_CODE
    plans = {s: _plan(s, starter_entries, moment, english) for s in EVERY_SITUATION}
    for code in OTHER_CODES:
        for situation in EVERY_SITUATION:
            assert _plan(situation, starter_entries, moment, code) == plans[situation], code
    # The page follows from the plan and these two answers: render one situation of each
    # kind in every language (rendering all of them would take minutes and prove no more).
    kinds = {}
    for situation, plan in plans.items():
        kinds.setdefault((situation.helper, situation.voice_call_ok, plan), situation)
    for situation in kinds.values():
        shown = _shown(_content(situation, starter_entries, moment, english))
        assert shown, situation
        for code in OTHER_CODES:
            assert _shown(_content(situation, starter_entries, moment, code)) == shown, code


def test_the_results_headings_reasons_and_phrases_follow_a_catalogue(starter_entries, tmp_path):
    messages = {
        "Emergency help now": "[pl] Pomoc teraz",
        "Who can help you": "[pl] Kto może pomóc",
        "You said you are in danger now. Call {emergency} straight away.": (
            "[pl] Zadzwoń pod {emergency}."
        ),
        "24 hours": "[pl] Całą dobę",
        "Call %(number)s": "[pl] Zadzwoń %(number)s",
        "You can ask for an interpreter.": "[pl] Możesz poprosić o tłumacza.",
    }
    with catalogue(tmp_path, "pl", messages):
        polish = _content(IN_DANGER, starter_entries, MOMENTS["weekday"], "pl")
        english = _content(IN_DANGER, starter_entries, MOMENTS["weekday"], "en-gb")
    for translated in ("[pl] Pomoc teraz", "[pl] Kto może pomóc", "[pl] Całą dobę"):
        assert translated in polish
    # The number in a translated reason and button is the directory's, never the catalogue's.
    assert "[pl] Zadzwoń pod 999." in polish
    assert '<span class="sh-call__number">[pl] Zadzwoń 999</span>' in polish
    assert "[pl] Możesz poprosić o tłumacza." in polish
    assert "[pl]" not in english and "Emergency help now" in english


def test_the_questions_asked_again_are_in_the_language_of_the_page(tmp_path):
    with catalogue(tmp_path, "pl", {"Who is doing it?": "[pl] Kto to robi?"}):
        with override("pl"):
            polish = questions_html(["relationship"])
        with override("en-gb"):
            english = questions_html(["relationship"])
    assert "[pl] Kto to robi?" in polish
    assert "Who is doing it?" in english and "[pl]" not in english


def _card_for(html, name):
    return next(card for card in _cards(html) if f">{escape(name)}</h3>" in card)


def test_cards_say_which_services_offer_interpreters_and_how_sure_we_are(starter_entries):
    html = _content(IN_DANGER, starter_entries, MOMENTS["weekday"], "en-gb")
    assert "You can ask for an interpreter." in _card_for(html, "999 emergency")
    once = "This service once offered interpreters. We have not checked that it still does."
    juno = next(e.name for e in starter_entries if e.interpreters == "once_offered")
    local = _content(WOMAN_AT_HOME, starter_entries, MOMENTS["weekday"], "en-gb")
    assert once in _card_for(local, juno)
    for entry in starter_entries:
        if entry.interpreters == "none_known" and f">{escape(entry.name)}</h3>" in html:
            assert "sh-interpreters" not in _card_for(html, entry.name), entry.slug


def test_the_starter_directory_records_interpreters_from_the_facts(starter_entries):
    offered = {e.slug: e.interpreters for e in starter_entries if e.interpreters != "none_known"}
    assert offered == {
        "emergency-999": "on_request",
        "police-101": "on_request",
        "notts-police-online": "on_request",
        "juno-womens-aid": "once_offered",
    }


def test_service_pages_say_whether_interpreters_are_offered(client, starter_data):
    page = client.get("/services/police-101/").content.decode()
    assert "You can ask for an interpreter." in page
    listing = client.get("/services/").content.decode()
    assert listing.count("You can ask for an interpreter.") == 3
    assert listing.count("This service once offered interpreters.") == 1
    assert "interpreter" not in client.get("/services/samaritans/").content.decode().lower()


def test_open_data_gives_interpretation_services_only_where_known(starter_data):
    pub = hsds.publication(dt.datetime.now(LONDON))
    by_slug = {s.slug: hsds.service_brief(s, pub) for s in pub.services}
    assert by_slug["emergency-999"]["interpretation_services"] == "You can ask for an interpreter."
    assert by_slug["juno-womens-aid"]["interpretation_services"].startswith(
        "This service once offered interpreters."
    )
    assert "interpretation_services" not in by_slug["samaritans"]
    with override("ar"):  # open data stays in English whatever language is active
        arabic = hsds.service_brief(Service.objects.get(slug="police-101"), pub)
    assert arabic["interpretation_services"] == "You can ask for an interpreter."


@pytest.mark.parametrize("code", OTHER_CODES)
def test_numbers_stay_left_to_right_in_right_to_left_languages(starter_entries, code):
    html = _content(IN_DANGER, starter_entries, MOMENTS["weekday"], code)
    buttons = re.findall(r'<span class="sh-call__number">(.*?)</span></a>', html)
    assert buttons
    with override(code):
        from django.utils.translation import get_language_bidi

        bidi = get_language_bidi()
    for button in buttons:
        assert ('<bdi dir="ltr">' in button) == bidi, button


def test_english_numbers_are_written_as_before(starter_entries):
    html = _content(IN_DANGER, starter_entries, MOMENTS["weekday"], "en-gb")
    assert "<bdi" not in html
    assert '<span class="sh-call__number">Call 999</span>' in html


WEEKDAYS = Hours(
    sessions=tuple(Session(day, dt.time(9, 30), dt.time(16, 0)) for day in range(5)),
    bank_holidays="closed",
)
SATURDAY_NIGHT = dt.datetime(2026, 11, 28, 23, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("code", "monday", "opens"),
    [
        ("en-gb", "Monday: 9:30am to 4pm", "Closed, opens Monday at 9:30am"),
        ("pl", "Poniedziałek: 09:30 to 16:00", "Closed, opens Poniedziałek at 09:30"),
        ("ar", "الاثنين: 9:30 ص to 4:00 م", "Closed, opens الاثنين at 9:30 ص"),
        ("zh-hans", "星期一: 09:30 to 16:00", "Closed, opens 星期一 at 09:30"),
    ],
)
@pytest.mark.usefixtures("untranslated_interface")
def test_weekdays_and_times_are_written_as_the_language_writes_them(code, monday, opens):
    # Django's own catalogues and locale formats; our phrases are untranslated here.
    with override(code):
        assert describe_sessions(WEEKDAYS)[0] == monday
        assert open_state(WEEKDAYS, SATURDAY_NIGHT).text == opens


def test_a_date_more_than_a_week_away_follows_the_translators_order(tmp_path):
    christmas_eve = dt.datetime(2026, 12, 24, 20, 0, tzinfo=LONDON)
    fortnight = Hours(sessions=(Session(0, dt.time(9, 0), dt.time(17, 0)),), bank_holidays="closed")
    with override("en-gb"):
        assert open_state(fortnight, christmas_eve).text == "Closed, opens Monday 4 January at 9am"
    with catalogue(
        tmp_path, "pl", {"a weekday and date, as in Monday 7 December\x04l j E": "l, j E"}
    ):
        with override("pl"):
            text = open_state(fortnight, christmas_eve).text
    assert text == "Closed, opens Poniedziałek, 4 stycznia at 09:00"


def test_the_diary_spreadsheet_headings_follow_the_language(tmp_path):
    with catalogue(
        tmp_path, "pl", {"Date and time": "[pl] Data i godzina", "Diary": "[pl] Dziennik"}
    ):
        with override("pl"):
            polish = load_workbook(io.BytesIO(diary_xlsx())).active
            pdf = diary_pdf()
        with override("en-gb"):
            english = load_workbook(io.BytesIO(diary_xlsx())).active
    assert polish["A2"].value == "[pl] Data i godzina"
    assert polish.title == "pl Dziennik"  # Excel allows no [ ] in a sheet's name
    assert english["A2"].value == "Date and time"
    # The PDF's built-in font writes Latin-1 only, so it stays English (content.diary_files).
    assert pdf == diary_pdf()


def test_the_help_finder_page_is_marked_for_translation(tmp_path):
    # The view itself, so the language is the one this test activates, not an address's.
    with catalogue(tmp_path, "pl", {"Find the right help": "[pl] Znajdź pomoc"}):
        with override("pl"):
            page = views.help_finder(RequestFactory().get("/get-help/")).content.decode()
    assert '<h1 class="govuk-heading-l">[pl] Znajdź pomoc</h1>' in page
