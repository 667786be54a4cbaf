"""Checks while writing: what the editor is told on save, and the two things refused."""

import pytest
from django.urls import reverse

from content.editor_checks import (
    heading_findings,
    image_findings,
    link_findings,
    reading_findings,
    sentence_findings,
    tel_link_errors,
    writing_findings,
)
from content.models import Page
from content.token_picker import ServiceToken, service_tokens
from tests.accounts.factories import make_contact, make_service

from .admin_helpers import change_url, page_form_data
from .factories import make_draft, make_page, make_staff

HELPLINE = ServiceToken(
    slug="national-stalking-helpline",
    name="National Stalking Helpline",
    numbers=("0808 802 0300",),
    dials=("+448088020300",),
)
EMERGENCY = ServiceToken(
    slug="emergency-999", name="Emergency: 999", numbers=("999",), dials=("999",)
)


def messages(findings):
    return [finding.message for finding in findings]


# --- the checks, as pure functions of the text ---------------------------------------------


def test_the_reading_age_is_always_shown_and_a_hard_text_is_a_warning():
    easy = reading_findings("<p>Call us. We can help. You are not alone.</p>")
    assert easy[0].message.startswith("Reading grade ") and not easy[0].warning
    hard = reading_findings(
        "<p>Notwithstanding considerable institutional heterogeneity, multidisciplinary "
        "safeguarding arrangements necessitate comprehensive documentation.</p>"
    )
    assert hard[0].warning
    assert "Flesch-Kincaid grade" in hard[0].message and "Try shorter sentences" in hard[0].message


def test_the_longest_sentences_are_named_longest_first():
    long = " ".join(["word"] * 30)
    longer = " ".join(["thing"] * 40)
    found = messages(sentence_findings(f"<p>Short one. {long}. {longer}.</p>"))
    assert [m.split(" words")[0] for m in found] == ["A long sentence (40", "A long sentence (30"]
    assert "“thing thing" in found[0] and found[0].endswith("…”")
    assert sentence_findings("<p>Short one. Another short one.</p>") == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<h3>Help</h3>", "A level 3 heading comes straight after the page title"),
        ("<h2>A</h2><h4>B</h4>", "A level 4 heading comes straight after a level 2 heading"),
        ("<h1>Title again</h1>", "start at level 2"),
    ],
)
def test_headings_out_of_order_are_named(html, problem):
    assert any(problem in m for m in messages(heading_findings(html)))


def test_headings_in_order_are_fine():
    assert heading_findings("<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3>") == []


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ('<a href="/diary/">click here</a>', "A link reads “click here”"),
        ('<a href="/diary/">Here.</a>', "A link reads “Here.”"),
        ('<a href="https://example.org/x">https://example.org/x</a>', "bare address"),
        ('<a href="https://example.org">www.example.org</a>', "bare address"),
    ],
)
def test_vague_and_bare_link_text_is_named(link, problem):
    assert any(problem in m for m in messages(link_findings(f"<p>{link}</p>")))


def test_link_text_that_says_where_it_goes_is_fine():
    assert link_findings('<p><a href="/keeping-a-record/">Keep a diary</a></p>') == []


def test_images_without_alt_text_are_counted():
    html = '<p><img src="/a.png"><img src="/b.png" alt=" "><img src="/c.png" alt="A map"></p>'
    assert "2 image(s) have no text description" in messages(image_findings(html))[0]


def test_a_typed_number_is_named_with_the_token_that_replaces_it():
    found = messages(writing_findings("<p>Ring 0808 802 0300 or 999.</p>", [HELPLINE, EMERGENCY]))
    assert any(
        "0808 802 0300: use [[service:national-stalking-helpline]] (National Stalking Helpline)"
        in m
        for m in found
    )
    assert any("999: use [[service:emergency-999]] (Emergency: 999)" in m for m in found)


def test_a_typed_number_no_service_has_says_so():
    found = messages(writing_findings("<p>Ring 0115 947 6490.</p>", [HELPLINE]))
    assert any("0115 947 6490: no service in the directory has this number" in m for m in found)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="tel:07700900123">Call 999</a>',
        '<a href="tel:+448088020300">Ring the helpline</a>',
        '<a href="tel:999">0808 802 0300</a>',
    ],
)
def test_a_phone_link_that_dials_another_number_than_it_shows_is_an_error(link):
    errors = tel_link_errors(f"<p>{link}</p>")
    assert len(errors) == 1 and "A link must show the number it rings" in errors[0]


@pytest.mark.parametrize(
    "link",
    [
        '<a href="tel:999">Call 999</a>',
        '<a href="tel:+448088020300">0808 802 0300</a>',
        '<a href="tel:08088020300">Call 0808 802 0300</a>',
        '<a href="tel:116123">116 123</a>',
    ],
)
def test_a_phone_link_showing_its_own_number_is_fine(link):
    assert tel_link_errors(f"<p>{link}</p>") == []


# --- through the admin ---------------------------------------------------------------------

EDITOR_PERMS = ("add_page", "change_page", "view_page", "preview_page")


@pytest.fixture
def publisher(client, db):
    user = make_staff("publisher", (*EDITOR_PERMS, "publish_page", "revert_page"))
    client.force_login(user)
    return user


@pytest.fixture
def helpline(db):
    service = make_service(name="National Stalking Helpline", slug="national-stalking-helpline")
    make_contact(service, "0808 802 0300")
    return service


WRITTEN_BADLY = (
    "<h3>Get help</h3><p>Ring 0808 802 0300. For the diary click "
    '<a href="/keeping-a-record/">here</a>.</p>'
)


@pytest.mark.django_db
def test_saving_a_draft_shows_every_warning_and_keeps_the_text(client, publisher, helpline):
    page = make_draft(slug="draft")
    response = client.post(change_url(page), page_form_data(page, body=WRITTEN_BADLY), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reading grade" in html
    assert "A level 3 heading comes straight after the page title" in html
    assert "A link reads “here”" in html
    assert "0808 802 0300: use [[service:national-stalking-helpline]]" in html
    page.refresh_from_db()
    assert "0808 802 0300" in page.body


@pytest.mark.django_db
def test_publishing_with_a_typed_number_is_refused_with_the_token(client, publisher, helpline):
    page = make_draft(slug="draft")
    data = page_form_data(page, body="<p>Ring 0808 802 0300.</p>", status="published")
    response = client.post(change_url(page), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "can&#x27;t be published with phone numbers typed by hand" in html
    assert "0808 802 0300: use [[service:national-stalking-helpline]]" in html
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT


@pytest.mark.django_db
def test_a_live_page_cannot_take_a_typed_number_either(client, publisher, helpline):
    page = make_page(slug="live")
    response = client.post(change_url(page), page_form_data(page, body="<p>Ring 999.</p>"))
    assert response.status_code == 200
    page.refresh_from_db()
    assert "999" not in page.body


@pytest.mark.django_db
def test_a_phone_link_that_misleads_is_refused_on_save(client, publisher):
    page = make_draft(slug="draft")
    body = '<p><a href="tel:07700900123">Call 999</a></p>'
    response = client.post(change_url(page), page_form_data(page, body=body))
    html = response.content.decode()
    assert response.status_code == 200
    assert "A phone link reads “Call 999” but dials 07700900123" in html
    page.refresh_from_db()
    assert "tel:" not in page.body


@pytest.mark.django_db
def test_the_page_form_lists_every_service_token_with_name_and_number(client, publisher, helpline):
    other = make_service(name="Samaritans", slug="samaritans")
    make_contact(other, "116 123")
    html = client.get(reverse("admin:content_page_add")).content.decode()
    assert 'id="service-tokens"' in html
    for name, number, token in [
        ("National Stalking Helpline", "0808 802 0300", "[[service:national-stalking-helpline]]"),
        ("Samaritans", "116 123", "[[service:samaritans]]"),
    ]:
        assert name in html and number in html and token in html
    assert 'src="/static/content/token-picker.js"' in html


@pytest.mark.django_db
def test_service_tokens_are_read_in_a_fixed_number_of_queries(django_assert_num_queries):
    for n in range(3):
        make_contact(make_service(), f"0808 802 030{n}")
    with django_assert_num_queries(4):  # services; contacts, opening times, exceptions
        tokens = service_tokens()
    assert len(tokens) == 3 and all(token.numbers for token in tokens)


def test_the_reading_measure_is_installed_with_the_site_not_only_for_tests():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    assert "textstat==0.7.4" in project["dependencies"]
    assert not any(d.startswith("textstat") for d in project["optional-dependencies"]["test"])


def test_the_summary_counts_towards_reading_age_and_long_sentences():
    summary = " ".join(["considerable"] * 30)
    found = messages(writing_findings("<p>Short.</p>", [], summary=summary))
    assert any(m.startswith("A long sentence (30 words") for m in found)
