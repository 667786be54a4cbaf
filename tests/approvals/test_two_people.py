"""Two people for what can hurt someone: numbers, hours, alerts, status and eligibility wait
for a second person with the right role; nobody decides their own change; approvers are
emailed; the requester sees the state; an allowed Publisher may make an emergency change."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR
from approvals.models import ChangeRequest
from approvals.protected import RULES
from signposting.models import Contact, Service
from tests.accounts.admin_forms import admin_form_data
from tests.accounts.factories import (
    make_contact,
    make_opening_time,
    make_page,
    make_service,
    make_staff,
)

from .helpers import allow_emergencies, change_url, decide, open_change, staff_client

pytestmark = pytest.mark.django_db

Status = ChangeRequest.Status


def _service_url(service):
    return reverse("admin:signposting_service_change", args=[service.pk])


def _row_prefix(data, row, accessor):
    return next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith(f"{accessor}-") and key.endswith("-id") and value == str(row.pk)
    )


@pytest.fixture
def service():
    service = make_service(name="Helpline", short_description="Helps people.")
    make_contact(service, "0808 802 0300")
    make_opening_time(service, weekday=0)
    return service


def _post_service(client, service, change):
    shown = client.get(_service_url(service))
    data = admin_form_data(shown)
    return client.post(_service_url(service), change(data, service))


def _number(data, service):
    return data | {
        f"{_row_prefix(data, service.contacts.get(), 'contacts')}-value": "0300 123 4567"
    }


def _text_number(data, service):
    prefix = "contacts-1"
    return data | {
        "contacts-TOTAL_FORMS": "2",
        f"{prefix}-kind": Contact.Kind.SMS,
        f"{prefix}-value": "07860 077 777",
        f"{prefix}-for_gender": "any",
        f"{prefix}-order": "1",
        f"{prefix}-verified": "on",
    }


def _opening_hours(data, service):
    return data | {
        f"{_row_prefix(data, service.opening_times.get(), 'opening_times')}-closes": "20:00"
    }


def _closed_on_a_day(data, service):
    return data | {
        "hours_exceptions-TOTAL_FORMS": "1",
        "hours_exceptions-0-date": "2030-12-25",
        "hours_exceptions-0-closed": "on",
    }


def _alert(data, service):
    return data | {
        "alert": "Lines are down",
        "alert_until_0": "2030-01-01",
        "alert_until_1": "17:00",
    }


def _status(data, service):
    return data | {"status": Service.Status.TEMPORARILY_CLOSED}


def _eligibility(data, service):
    return data | {"genders": Service.Genders.WOMEN, "min_age": "16"}


def _always_open(data, service):
    return data | {"always_open": "on"}


PROTECTED_CHANGES = {
    "phone number": _number,
    "text number": _text_number,
    "opening hours": _opening_hours,
    "a dated change to hours": _closed_on_a_day,
    "alert": _alert,
    "status": _status,
    "eligibility": _eligibility,
    "open 24 hours": _always_open,
}


@pytest.mark.parametrize("what", list(PROTECTED_CHANGES))
def test_a_protected_change_waits_for_a_second_person(service, what):
    _user, publisher = staff_client(PUBLISHER)
    before = (
        Service.objects.filter(pk=service.pk).values().get(),
        list(service.contacts.values()),
        list(service.opening_times.values()),
        service.hours_exceptions.count(),
    )
    response = _post_service(publisher, service, PROTECTED_CHANGES[what])
    assert response.status_code == 302
    change = open_change(service)
    assert response["Location"] == change_url(change)
    assert change.status == Status.PENDING
    after = (
        Service.objects.filter(pk=service.pk).values().get(),
        list(service.contacts.values()),
        list(service.opening_times.values()),
        service.hours_exceptions.count(),
    )
    assert after == before  # nothing live moved


def test_a_change_to_nothing_protected_saves_at_once(service):
    _user, publisher = staff_client(PUBLISHER)
    response = _post_service(
        publisher, service, lambda data, s: data | {"short_description": "Helps anyone."}
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.short_description == "Helps anyone."
    assert not ChangeRequest.objects.exists()


def test_the_protected_fields_are_one_list_per_model():
    # Adding a field (e.g. the routing role) to this tuple is all it takes to protect it.
    assert set(RULES["signposting.service"].fields) >= {
        "status", "alert", "alert_until", "genders", "min_age", "max_age", "relationship",
        "area", "always_open", "bank_holidays", "hours_confirmed",
    }  # fmt: skip
    assert set(RULES["signposting.service"].related) == {
        "contacts", "opening_times", "hours_exceptions",
    }  # fmt: skip


def test_approval_by_someone_else_applies_the_new_number_and_a_new_line(service):
    requester, publisher = staff_client(PUBLISHER)
    approver, other = staff_client(PUBLISHER)
    _post_service(publisher, service, lambda data, s: _text_number(_number(data, s), s))
    change = open_change(service)
    response = decide(other, change, "approve")
    assert response.status_code == 302
    values = sorted(service.contacts.values_list("value", flat=True))
    assert values == ["0300 123 4567", "07860 077 777"]
    change.refresh_from_db()
    assert change.status == Status.APPLIED and change.decided_by == approver
    record = service.contacts.get(value="0300 123 4567").history.latest()
    assert record.history_user == approver
    assert requester.username in record.history_change_reason


def test_the_admin_home_lists_pending_changes_with_a_field_level_diff(service):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, lambda d, s: _status(_number(d, s), s))
    _other, approver = staff_client(PUBLISHER)
    html = approver.get(reverse("admin:index")).content.decode()
    section = html[html.index('id="changes-to-approve"') : html.index('id="changes-emergency"')]
    assert "Helpline" in section
    assert "0808 802 0300" in section and "0300 123 4567" in section
    assert "Active" in section and "Temporarily closed" in section
    # The requester sees it among their own, waiting; not among those to approve.
    mine = publisher.get(reverse("admin:index")).content.decode()
    assert "Nothing is waiting for you." in mine
    assert "Waiting for approval." in mine


def test_approvers_are_emailed_and_the_requester_is_not(
    service, django_capture_on_commit_callbacks
):
    requester, publisher = staff_client(PUBLISHER)
    make_staff(PUBLISHER, username="approver")
    make_staff(SITE_ADMINISTRATOR, username="siteadmin")
    make_staff(EDITOR, username="editor")  # cannot approve: not told
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _post_service(publisher, service, _number)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["approver@example.org", "siteadmin@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Waiting for your approval: Service: Helpline"
    assert "0300 123 4567" in message.body
    assert change_url(open_change(service)) in message.body


def test_nobody_approves_their_own_change_even_by_a_forged_post(service):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, _number)
    change = open_change(service)
    page = publisher.get(change_url(change)).content.decode()
    assert 'value="approve"' not in page and 'value="send_back"' not in page
    assert decide(publisher, change, "approve").status_code == 403
    assert decide(publisher, change, "send_back", reason="mine").status_code == 403
    change.refresh_from_db()
    assert change.status == Status.PENDING
    assert service.contacts.get().value == "0808 802 0300"


def test_a_superuser_gets_no_bypass():
    from django.contrib.auth.models import User

    from tests.accounts.factories import verified_client

    boss = User.objects.create_superuser("boss", "boss@example.org", "x" * 20)
    client = verified_client(boss)
    service = make_service()
    make_contact(service)
    _post_service(client, service, _number)
    assert decide(client, open_change(service), "approve").status_code == 403


def test_whoever_edited_a_change_cannot_approve_it(service):
    _first, editor_one = staff_client(PUBLISHER)
    _second, editor_two = staff_client(PUBLISHER)
    live = make_page(status="published", slug="shared-page")
    url = reverse("admin:content_page_change", args=[live.pk])
    editor_one.post(url, admin_form_data(editor_one.get(url)) | {"title": "One"})
    editor_two.post(
        url, admin_form_data(editor_two.get(url)) | {"title": "Two", "_submit_for_review": "1"}
    )
    change = open_change(live)
    assert decide(editor_one, change, "approve").status_code == 403
    assert decide(editor_two, change, "approve").status_code == 403
    _third, approver = staff_client(PUBLISHER)
    assert decide(approver, change, "approve").status_code == 302


def test_the_database_refuses_a_decision_by_the_submitter(service):
    user = make_staff(PUBLISHER)
    change = ChangeRequest.objects.create(
        target_type_id=1, summary="x", proposed={}, created_by=user, submitted_by=user
    )
    change.decided_by = user
    with pytest.raises(IntegrityError), transaction.atomic():
        change.save()


def test_sent_back_shows_the_reason_to_the_requester_and_emails_them(
    service, django_capture_on_commit_callbacks
):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, _number)
    change = open_change(service)
    approver_user, approver = staff_client(PUBLISHER)
    mail.outbox.clear()
    assert decide(approver, change, "send_back", reason="").status_code == 200  # needs a reason
    with django_capture_on_commit_callbacks(execute=True):
        decide(approver, change, "send_back", reason="That number is the fax line")
    change.refresh_from_db()
    assert change.status == Status.SENT_BACK
    page = publisher.get(change_url(change)).content.decode()
    assert f"Sent back by {approver_user}: That number is the fax line" in page
    assert [m.to for m in mail.outbox] == [[_user.email]]
    assert service.contacts.get().value == "0808 802 0300"


def test_the_requester_sees_approved_by_whom_and_when(service):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, _number)
    change = open_change(service)
    approver_user, approver = staff_client(PUBLISHER)
    decide(approver, change, "approve")
    change.refresh_from_db()
    when = timezone.localtime(change.decided_at)
    page = publisher.get(change_url(change)).content.decode()
    assert f"Approved by {approver_user} at {when:%-d %B %Y at %H:%M}" in page


def test_a_service_with_a_change_waiting_cannot_be_saved_over_it(service):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, _number)
    _other, second = staff_client(PUBLISHER)
    response = _post_service(second, service, _status)
    change = open_change(service)
    assert response["Location"] == change_url(change)
    assert change.proposed["fields"]["status"] == Service.Status.ACTIVE  # not replaced


def test_the_old_version_page_does_not_bypass_the_second_person(service):
    _user, publisher = staff_client(PUBLISHER)
    record = service.history.latest()
    url = reverse("admin:signposting_service_simple_history", args=[service.pk, record.pk])
    form = publisher.get(url).context["adminform"].form
    from tests.accounts.admin_forms import _form_data

    response = publisher.post(url, _form_data(form) | {"status": "temporarily_closed"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.status == Service.Status.ACTIVE
    assert open_change(service).proposed["fields"]["status"] == "temporarily_closed"


def test_a_new_service_waits_until_approved(client):
    _user, publisher = staff_client(PUBLISHER)
    add = reverse("admin:signposting_service_add")
    data = admin_form_data(publisher.get(add)) | {
        "name": "New line",
        "slug": "new-line",
        "short_description": "A new line.",
        "who_it_helps": "Anyone.",
        "category": "helpline",
        "contacts-TOTAL_FORMS": "1",
        "contacts-0-kind": "voice",
        "contacts-0-value": "0300 123 4567",
        "contacts-0-for_gender": "any",
        "contacts-0-order": "0",
        "contacts-0-verified": "on",
    }
    assert publisher.post(add, data).status_code == 302
    assert not Service.objects.filter(slug="new-line").exists()
    change = ChangeRequest.objects.get(status=Status.PENDING)
    assert change.target_id is None
    _other, approver = staff_client(PUBLISHER)
    decide(approver, change, "approve")
    created = Service.objects.get(slug="new-line")
    assert created.contacts.get().value == "0300 123 4567"


# --- emergency changes --------------------------------------------------------------------


def test_an_allowed_publisher_makes_an_emergency_change_alone_marked_until_confirmed(
    client, service, django_capture_on_commit_callbacks
):
    user, publisher = staff_client(PUBLISHER)
    allow_emergencies(user, granted_by=make_staff(SITE_ADMINISTRATOR))
    _post_service(publisher, service, _number)
    change = open_change(service)
    assert decide(publisher, change, "emergency", reason="").status_code == 200  # needs a reason
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(publisher, change, "emergency", reason="The old line stopped working")
    change.refresh_from_db()
    assert change.status == Status.APPLIED and change.emergency
    assert service.contacts.get().value == "0300 123 4567"
    assert "0300 123 4567" in client.get(f"/services/{service.slug}/").content.decode()
    assert mail.outbox and mail.outbox[0].subject.startswith("Emergency change made alone")
    # Listed for everyone else until a second person confirms it.
    confirmer_user, confirmer = staff_client(PUBLISHER)
    home = confirmer.get(reverse("admin:index")).content.decode()
    section = home[home.index('id="changes-emergency"') : home.index('id="changes-scheduled"')]
    assert "The old line stopped working" in section and "0300 123 4567" in section
    assert decide(publisher, change, "confirm").status_code == 403  # not their own
    assert decide(confirmer, change, "confirm").status_code == 302
    change.refresh_from_db()
    assert change.confirmed_by == confirmer_user
    home = confirmer.get(reverse("admin:index")).content.decode()
    assert "The old line stopped working" not in home


def test_a_publisher_who_is_not_allowed_cannot_make_an_emergency_change(service):
    _user, publisher = staff_client(PUBLISHER)
    _post_service(publisher, service, _number)
    change = open_change(service)
    assert 'value="emergency"' not in publisher.get(change_url(change)).content.decode()
    assert decide(publisher, change, "emergency", reason="Urgent").status_code == 403
    assert service.contacts.get().value == "0808 802 0300"


def test_only_another_site_administrator_can_allow_emergency_changes():
    admin_user, admin = staff_client(SITE_ADMINISTRATOR)
    publisher = make_staff(PUBLISHER)
    add = reverse("admin:approvals_emergencyallowance_add")
    own = admin.post(add, {"user": admin_user.pk, "reason": "Me"})
    assert own.status_code == 200 and "Another Site administrator must allow you." in (
        own.content.decode()
    )
    assert admin.post(add, {"user": publisher.pk, "reason": "On call"}).status_code == 302
    assert publisher.emergency_allowance.granted_by == admin_user
    _user, other_publisher = staff_client(PUBLISHER)
    assert other_publisher.get(add).status_code == 403
