"""The poster and the wallet card carry the directory's current numbers, and nothing unsafe."""

import datetime as dt
import re

import pytest

from partners.hours_in_brief import hours_in_brief
from signposting.models import Contact, Service
from signposting.opening import Hours, Session

pytestmark = pytest.mark.django_db

PRINTED = ["/partners/poster/", "/partners/card/"]
T = dt.time


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("path", PRINTED)
@pytest.mark.parametrize(
    "number",
    [
        "999",  # emergency and the Silent Solution
        "0808 802 0300",  # National Stalking Helpline
        "101",  # police, not an emergency
        "0115 947 6490",  # Stalking Advocacy Service, women's line
        "0808 800 0340",  # Juno Women's Aid
        "0800 304 7575",  # Notts Victim CARE
    ],
)
def test_printed_pieces_show_the_directorys_numbers(client, starter_data, path, number):
    assert number in text_of(client.get(path))


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pieces_explain_the_silent_solution(client, starter_data, path):
    assert "press 55" in text_of(client.get(path))


@pytest.mark.parametrize("path", PRINTED)
def test_a_changed_number_changes_the_printed_pieces(client, starter_data, path):
    contact = Contact.objects.get(service__slug="notts-victim-care", kind="voice")
    contact.value = "0800 555 0199"
    contact.save()
    text = text_of(client.get(path))
    assert "0800 555 0199" in text
    assert "0800 304 7575" not in text


@pytest.mark.parametrize("path", PRINTED)
def test_a_changed_helpline_number_changes_the_printed_pieces(client, starter_data, path):
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.value = "0808 802 0301"
    contact.save()
    text = text_of(client.get(path))
    assert "0808 802 0301" in text
    assert "0808 802 0300" not in text


@pytest.mark.parametrize("path", PRINTED)
def test_a_contact_hidden_for_checking_is_not_printed(client, starter_data, path):
    Contact.objects.filter(service__slug="juno-womens-aid").update(verified=False)
    assert "0808 800 0340" not in text_of(client.get(path))


@pytest.mark.parametrize("path", PRINTED)
def test_a_temporarily_closed_local_line_is_not_printed(client, starter_data, path):
    Service.objects.filter(slug="notts-victim-care").update(status="temporarily_closed")
    assert "0800 304 7575" not in text_of(client.get(path))


WARNING = (
    "We are still checking these contact details. If they do not work, call the "
    "National Stalking Helpline on 0808 802 0300"
)


def _lines(response):
    """Each printed line's text, by the service name it starts with."""
    items = response.content.decode().split('<li class="printed-lines__item">')[1:]
    return [" ".join(re.sub(r"<[^>]+>", " ", item.split("</li>")[0]).split()) for item in items]


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pieces_mark_each_line_still_being_checked_and_give_the_warning(
    client, starter_data, path
):
    # The Stalking Advocacy Service and Equation are not yet verified in the starter.
    response = client.get(path)
    assert "* " + WARNING in text_of(response)
    for line in _lines(response):
        checking = line.startswith(("Nottinghamshire Stalking", "Equation"))
        assert (" * " in line and "still being checked" in line) is checking, line


def test_when_the_helpline_itself_is_still_being_checked_it_is_not_the_fallback(
    client, starter_data
):
    Service.objects.filter(slug="national-stalking-helpline").update(verified=False)
    for path in (*PRINTED, "/embed/get-help/"):
        text = text_of(client.get(path))
        assert "We are still checking these contact details." in text, path
        assert "If they do not work" not in text, path


@pytest.mark.parametrize(
    ("path", "link"), [("/partners/poster/", "%2Fget-help%2F"), ("/partners/card/", "%2F")]
)
def test_printed_pieces_carry_a_qr_code_to_the_site(client, starter_data, settings, path, link):
    # The poster's code goes straight to the help-finder; the card's to the home page.
    html = client.get(path).content.decode()
    assert f'src="/partners/qr.svg?link={link}"' in html


def test_the_poster_shows_the_helplines_hours_from_the_directory(client, starter_data):
    text = text_of(client.get("/partners/poster/"))
    assert "Monday, Tuesday, Thursday and Friday 9:30am to 4pm" in text
    assert "Opening hours not known: call to check" in text


def test_the_wallet_card_has_a_neutral_title_and_no_stalking_in_large_type(client, starter_data):
    html = client.get("/partners/card/").content.decode()
    cards = html[html.index('class="wallet-card') :]
    titles = re.findall(r'class="wallet-card__title">([^<]*)<', cards)
    numbers = re.findall(r'class="wallet-card__number"[^>]*>([^<]*)<', cards)
    assert titles and set(titles) == {"Useful numbers"}
    for large in titles + numbers:
        assert "stalk" not in large.lower()
    assert "<h1" not in cards and "<h2" not in cards


def test_the_wallet_card_prints_four_copies_but_shows_one(client, starter_data):
    html = client.get("/partners/card/").content.decode()
    assert html.count('class="wallet-card"') + html.count('class="wallet-card ') == 4
    assert html.count("wallet-card--print-only") == 3


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pieces_are_public_and_set_no_cookie(client, starter_data, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (Hours(always_open=True), "24 hours a day, every day."),
        (Hours(), "Opening hours not known: call to check."),
        (Hours(temporarily_closed=True, always_open=True), "Temporarily closed."),
        (
            Hours(
                sessions=tuple(Session(d, T(9, 30), T(16)) for d in (0, 1, 3, 4))
                + (Session(2, T(13), T(16)),),
                bank_holidays="closed",
            ),
            "Monday, Tuesday, Thursday and Friday 9:30am to 4pm. Wednesday 1pm to 4pm. "
            "Closed on bank holidays (public holidays).",
        ),
        (
            Hours(sessions=tuple(Session(d, T(9), T(17)) for d in range(5)), bank_holidays="open"),
            "Monday to Friday 9am to 5pm.",
        ),
        (
            Hours(sessions=(Session(5, T(10), T(0)), Session(6, T(10), T(0)))),
            "Saturday and Sunday 10am to midnight. Bank holidays (public holidays): call to check.",
        ),
        (
            Hours(
                sessions=(Session(0, T(9), T(12)), Session(0, T(13), T(17))),
                bank_holidays="open",
            ),
            "Monday 9am to midday, 1pm to 5pm.",
        ),
    ],
)
def test_hours_in_brief_says_only_what_the_directory_knows(hours, expected):
    assert hours_in_brief(hours) == expected


def _today_as_printed():
    from django.utils import timezone

    today = timezone.localdate()
    return [f"{today.day} {today:%B %Y}", f"{today:%B %Y}"]


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pieces_say_when_nobody_has_checked_the_numbers(client, starter_data, path):
    # The starter directory records no checks: the paper must not invent a date.
    assert not Service.objects.exclude(last_verified=None).exists()
    text = text_of(client.get(path))
    assert "Not yet checked with the services." in text
    for today in _today_as_printed():
        assert today not in text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/partners/poster/", "Checked with the services on or after 2 March 2026."),
        ("/partners/card/", "Checked with the services on or after March 2026."),
    ],
)
def test_printed_pieces_show_the_oldest_date_a_printed_number_was_checked(
    client, starter_data, path, expected
):
    Service.objects.update(last_verified=dt.date(2026, 5, 1))
    Service.objects.filter(slug="national-stalking-helpline").update(
        last_verified=dt.date(2026, 3, 2)
    )
    text = text_of(client.get(path))
    assert expected in text
    for today in _today_as_printed():
        assert today not in text


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pieces_say_when_only_some_numbers_were_checked(client, starter_data, path):
    Service.objects.filter(slug="national-stalking-helpline").update(
        last_verified=dt.date(2026, 3, 2)
    )
    assert "Some numbers not yet checked with the services." in text_of(client.get(path))
