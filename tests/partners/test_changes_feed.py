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


HSDS = "{urn:uuid:3b0f6c52-9d1e-4a7b-8f35-c6e2a91d07b4}"
HISTORY = "{http://purl.org/syndication/history/1.0}"


def document(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return parse(response)


def links(feed):
    return {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}


def test_a_changed_number_names_the_phone_by_its_hsds_id_with_old_and_new(client, starter_data):
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.value = "0808 802 0301"
    contact.save()
    entry = document(client, "/partners/changes.atom").find(f"{ATOM}entry")
    change = entry.find(f"{HSDS}change")
    assert change.get("resource_type") == "phone"
    assert change.get("resource_id") == str(contact.hsds_id)
    assert change.get("service_id") == str(contact.service.hsds_id)
    assert change.get("last_action_type") == "update"
    (number,) = change.findall(f"{HSDS}field")
    assert (
        number.get("field_name"),
        number.get("previous_value"),
        number.get("replacement_value"),
    ) == (
        "number",
        "0808 802 0300",
        "0808 802 0301",
    )


def test_a_changed_service_field_is_named_as_hsds_names_it(client, starter_data):
    service = Service.objects.get(slug="notts-victim-care")
    service.status = Service.Status.TEMPORARILY_CLOSED
    service.short_description = "Closed for now."
    service.save()
    change = document(client, "/partners/changes.atom").find(f"{ATOM}entry/{HSDS}change")
    assert change.get("resource_id") == str(service.hsds_id)
    fields = {
        f.get("field_name"): (f.get("previous_value"), f.get("replacement_value")) for f in change
    }
    assert fields["status"] == ("active", "temporarily_closed")
    assert fields["description"][1] == "Closed for now."


def _entry_ids(feed):
    return [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]


def test_no_change_is_out_of_reach_through_the_archive(client, starter_data, settings):
    from partners.changes import all_changes

    every = [change.key for change in all_changes()]
    assert len(every) > 50, "the starter data alone fills more than one page"
    feed = document(client, "/partners/changes.atom")
    assert len(_entry_ids(feed)) == 50
    assert feed.find(f"{HISTORY}archive") is None
    seen = set(_entry_ids(feed))
    href = links(feed).get("prev-archive")
    pages = 0
    while href and pages < 100:
        archive = document(client, href.removeprefix(settings.SITE_URL))
        assert archive.find(f"{HISTORY}archive") is not None
        assert links(archive)["current"] == settings.SITE_URL + "/partners/changes.atom"
        seen |= set(_entry_ids(archive))
        href = links(archive).get("prev-archive")
        pages += 1
    assert seen == set(every)


def test_a_full_archive_page_never_changes(client, starter_data):
    first = client.get("/partners/changes/archive/1.atom").content
    service = Service.objects.get(slug="samaritans")
    service.alert = "Busy"
    service.alert_until = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    service.save()
    assert client.get("/partners/changes/archive/1.atom").content == first
    assert client.get("/partners/changes/archive/99.atom").status_code == 404


def test_the_feed_states_the_open_government_licence(client, starter_data):
    feed = document(client, "/partners/changes.atom")
    assert "Open Government Licence v3.0" in feed.findtext(f"{ATOM}rights")
    assert links(feed)["license"].startswith("https://www.nationalarchives.gov.uk/")
