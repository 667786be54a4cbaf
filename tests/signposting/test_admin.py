"""Staff keep the directory right in admin: filters, search, clear errors for bad numbers."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from signposting.models import Contact, Service
from tests.accounts.factories import verified_client
from tests.approvals.helpers import approve_new_record_as_someone_else

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    user = User.objects.create_superuser("directory-editor", "editor@example.org", "x" * 20)
    return verified_client(user)


def _management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _service_form(**changes):
    data = {
        "name": "Test line",
        "slug": "test-line",
        "category": "helpline",
        "status": "active",
        "short_description": "A line.",
        "who_it_helps": "Anyone.",
        "genders": "any",
        "relationship": "any",
        "area": "national",
        "bank_holidays": "unknown",
        "sort_order": "100",
        "self_referral": "on",
        **_management("contacts", total=1),
        **_management("opening_times"),
        **_management("hours_exceptions"),
        "contacts-0-kind": "voice",
        "contacts-0-value": "0808 802 0300",
        "contacts-0-for_gender": "any",
        "contacts-0-verified": "on",
        "contacts-0-order": "0",
    }
    data.update(changes)
    return data


def test_the_list_shows_last_checked_and_filters(staff_client, starter_data):
    url = reverse("admin:signposting_service_changelist")
    response = staff_client.get(url, {"verified__exact": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Equation helpline for men" in html
    assert "National Stalking Helpline" not in html
    assert "never" in html and "last checked" in html.lower()


def test_search_finds_a_service_by_its_number(staff_client, starter_data):
    url = reverse("admin:signposting_service_changelist")
    html = staff_client.get(url, {"q": "0808 802 0300"}).content.decode()
    assert "National Stalking Helpline" in html


def test_a_service_page_opens_with_its_history(staff_client, starter_data):
    service = Service.objects.get(slug="national-stalking-helpline")
    assert (
        staff_client.get(reverse("admin:signposting_service_change", args=[service.pk])).status_code
        == 200
    )
    assert (
        staff_client.get(
            reverse("admin:signposting_service_history", args=[service.pk])
        ).status_code
        == 200
    )


def test_a_good_number_is_saved_normalised(staff_client):
    url = reverse("admin:signposting_service_add")
    response = staff_client.post(url, _service_form(**{"contacts-0-value": "08088020300"}))
    assert response.status_code == 302
    assert not Service.objects.filter(slug="test-line").exists()  # waits for a second person
    _approve_new_service()
    contact = Contact.objects.get(service__slug="test-line")
    assert (contact.value, contact.dial) == ("0808 802 0300", "+448088020300")


@pytest.mark.parametrize("bad", ["0808 802 030", "12345", "+1 212 555 0100", "phone us"])
def test_a_bad_number_gets_a_clear_error_not_a_crash(staff_client, bad):
    url = reverse("admin:signposting_service_add")
    response = staff_client.post(url, _service_form(**{"contacts-0-value": bad}))
    assert response.status_code == 200
    assert "can&#x27;t be listed" in response.content.decode()
    assert not Service.objects.filter(slug="test-line").exists()


def test_an_alert_without_an_end_time_is_refused_with_a_clear_message(staff_client):
    url = reverse("admin:signposting_service_add")
    response = staff_client.post(url, _service_form(alert="Lines are busy today"))
    assert response.status_code == 200
    assert "Give the alert an end time" in response.content.decode()
    assert not Service.objects.filter(slug="test-line").exists()


def test_an_alert_with_an_end_time_is_saved(staff_client):
    url = reverse("admin:signposting_service_add")
    response = staff_client.post(
        url,
        _service_form(
            alert="Lines are busy today", alert_until_0="2030-01-01", alert_until_1="17:00"
        ),
    )
    assert response.status_code == 302
    _approve_new_service()
    assert Service.objects.get(slug="test-line").alert_until is not None


def _approve_new_service():
    approve_new_record_as_someone_else("Test line")
