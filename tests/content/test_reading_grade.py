"""Grade 6 or below wherever a victim reads, measured as they read it (content/readability.py)."""

import pytest
from django.core.management import call_command

from content.plain_words import PLAIN_WORDS, unexplained
from content.readability import GRADE_LIMIT, grade, sentences
from tests.reading_grades import (
    page_grades,
    page_sentences,
    results_grades,
    results_pieces,
    victim_paths,
)
from tests.signposting.test_triage import EVERY_SITUATION, MOMENTS

pytestmark = pytest.mark.django_db


def test_headings_list_items_cells_labels_and_buttons_are_each_a_sentence():
    html = (
        "<h2>Get help</h2><p>Call us <a href='/x/'>now</a> today</p><ul><li>Day</li>"
        "<li>Night!</li></ul><table><tr><th>Open</th><td>9am to 5pm</td></tr></table>"
        "<label>Your name</label><button>Send</button>"
    )
    assert sentences(html) == [
        "Get help.",
        "Call us now today.",
        "Day.",
        "Night!",
        "Open.",
        "9am to 5pm.",
        "Your name.",
        "Send.",
    ]


def test_text_nobody_reads_on_the_page_is_not_measured():
    html = (
        "<p>Read this</p><script>var x = 1;</script><style>p{}</style>"
        "<svg><title>A phone</title></svg><p hidden>Not shown</p>"
        "<div aria-hidden='true'><p>Also not</p></div>[[service:police-101]]"
    )
    assert sentences(html) == ["Read this."]


def test_long_words_and_sentences_score_higher_than_short_ones():
    easy = "<p>Call us. We can help. It is free.</p>"
    hard = (
        "<p>Comprehensive multidisciplinary safeguarding interventions necessitate "
        "consideration of environmental vulnerabilities alongside individual circumstances.</p>"
    )
    assert grade(easy) < GRADE_LIMIT < grade(hard)
    assert grade("") is None and grade("<p> </p>") is None


def test_the_pages_measured_include_every_kind_a_victim_reads(client, directory):
    paths = victim_paths(client)
    for path in ("/", "/get-help/", "/services/", "/what-is-stalking/", "/accessibility/"):
        assert path in paths
    assert "/partners/poster/" in paths and "/partners/card/" in paths
    assert "/services/national-stalking-helpline/" in paths and "/services/samaritans/" in paths
    assert "/partners/" not in paths  # for partner agencies


def test_every_page_a_victim_reads_is_at_grade_6_or_below(client, directory):
    grades = page_grades(client)
    too_hard = {path: g for path, g in grades.items() if g is None or g > GRADE_LIMIT}
    assert not too_hard, f"above grade {GRADE_LIMIT} (or no text): {too_hard}"


@pytest.mark.parametrize("moment", MOMENTS)
def test_every_results_page_for_every_situation_is_at_grade_6_or_below(client, directory, moment):
    from signposting.selectors import directory_entries

    measured = results_grades(
        client, EVERY_SITUATION, {moment: MOMENTS[moment]}, directory_entries()
    )
    assert sum(count for _grade, count, *_ in measured) == len(EVERY_SITUATION)
    too_hard = [(g, str(s)) for g, _count, s, _moment in measured if g > GRADE_LIMIT]
    assert not too_hard, f"{len(too_hard)} results pages above grade {GRADE_LIMIT}: {too_hard[:3]}"


def test_hard_words_are_explained_where_a_victim_first_meets_them(client, directory):
    missing = {
        path: found for path, text in page_sentences(client).items() if (found := unexplained(text))
    }
    assert not missing


def test_every_results_card_explains_its_own_hard_words(client, directory):
    # Each card explains its words itself: cards appear in many orders, so whichever a
    # reader meets first explains them.
    from signposting.selectors import directory_entries

    frames, cards, _pages = results_pieces(
        client, EVERY_SITUATION, {"3am": MOMENTS["3am"]}, directory_entries()
    )
    missing = [
        found for piece in [*frames.values(), *cards.values()] if (found := unexplained(piece))
    ]
    assert not missing, missing[:3]


@pytest.mark.parametrize("word", PLAIN_WORDS, ids=lambda w: w.word)
def test_each_meaning_is_recognised_as_explaining_its_word(word):
    assert word.used.search(word.meaning) and word.explained.search(word.meaning)
    assert unexplained([f"We use the word {word.word} here.", "Nothing else."]) != []
    assert unexplained([f"We use the word {word.word} here.", word.meaning]) == []


def test_the_accessibility_statement_uses_no_acronyms_of_standards(client, directory):
    html = client.get("/accessibility/").content.decode()
    assert "WCAG" not in html


def test_the_reading_ages_command_shows_each_pages_grade(starter_data, capsys):
    call_command("reading_ages")
    lines = capsys.readouterr().out.splitlines()
    line = next(line for line in lines if line.startswith("what-is-stalking "))
    assert "grade" in line and "reading age" in line and "hard to read" not in line
