"""The Atom feed tells partners when pages are published and directory details change."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Page
from signposting.models import Contact, HoursException, OpeningTime, Service

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, made in the test


def entries(client):
    response = client.get("/partners/changes.atom")
    assert response.status_code == 200
    feed = parse(response)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def newest(client):
    return entries(client)[0]


def test_the_feed_is_atom_public_and_cookie_free(client, starter_data, settings):
    response = client.get("/partners/changes.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    feed = parse(response)
    assert feed.findtext(f"{ATOM}id") == settings.SITE_URL + "/partners/changes.atom"


def test_a_changed_number_is_the_newest_entry_with_old_and_new(client, starter_data, settings):
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.value = "0808 802 0301"
    contact.save()
    entry = newest(client)
    assert entry["title"] == "Directory: National Stalking Helpline"
    assert "0808 802 0301" in entry["summary"] and "was 0808 802 0300" in entry["summary"]
    assert entry["link"] == settings.SITE_URL + "/services/national-stalking-helpline/"


def test_changed_opening_hours_are_an_entry(client, starter_data):
    session = OpeningTime.objects.filter(service__slug="national-stalking-helpline").first()
    session.closes = dt.time(17)
    session.save()
    entry = newest(client)
    assert entry["summary"].startswith("Opening hours changed:")
    assert "5pm" in entry["summary"]


def test_a_dated_change_to_hours_is_an_entry(client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    HoursException.objects.create(service=service, date=dt.date(2026, 12, 24), closed=True)
    assert newest(client)["summary"] == "Dated change to hours: 24 December 2026, closed"


def test_a_service_closing_for_a_while_is_an_entry(client, starter_data):
    service = Service.objects.get(slug="notts-victim-care")
    service.status = Service.Status.TEMPORARILY_CLOSED
    service.save()
    entry = newest(client)
    assert entry["title"] == "Directory: Nottinghamshire Victim CARE"
    assert entry["summary"] == "Changed: status"


def test_a_staff_only_edit_is_not_news_to_partners(client, starter_data):
    before = entries(client)
    service = Service.objects.get(slug="samaritans")
    service.confidence_note = "Checked the website again."
    service.sort_order = 99
    service.save()
    contact = Contact.objects.filter(service=service).first()
    contact.note = "Staff note"
    contact.save()
    assert entries(client) == before


def test_a_contact_still_being_checked_is_not_in_the_feed_until_shown(client, starter_data):
    hidden = Contact.objects.get(service__slug="equation-mens-line", verified=False)
    hidden.value = "0800 995 7000"
    hidden.save()
    assert "0800 995 7000" not in newest(client)["summary"]
    hidden.verified = True
    hidden.save()
    assert newest(client)["summary"] == "New contact: Freephone (to be checked): 0800 995 7000"


def test_a_published_page_is_an_entry(client, starter_data, settings):
    page = Page.objects.get(slug="is-it-stalking")
    page.summary = "A short check."
    page.save()
    entry = newest(client)
    assert entry["title"] == f"Page updated: {page.title}"
    assert entry["link"] == settings.SITE_URL + "/is-it-stalking/"


def test_a_draft_page_is_not_in_the_feed(client, starter_data):
    Page.objects.create(title="Not ready", slug="not-ready", summary="Draft.", body="<p>x</p>")
    assert all("Not ready" not in entry["title"] for entry in entries(client))


def test_entry_ids_are_unique(client, starter_data):
    ids = [entry["id"] for entry in entries(client)]
    assert ids and len(ids) == len(set(ids))


def test_the_feed_makes_a_fixed_number_of_queries(client, starter_data):
    with CaptureQueriesContext(connection) as first:
        client.get("/partners/changes.atom")
    for service in Service.objects.all()[:5]:
        service.alert = "Busy"
        service.save()
    with CaptureQueriesContext(connection) as second:
        client.get("/partners/changes.atom")
    assert len(second) == len(first) <= 12
