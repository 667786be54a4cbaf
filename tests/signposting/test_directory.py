"""The directory models, the phone rules, the starter loader and the emergency numbers."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError

from signposting import emergency
from signposting.models import Contact, OpeningTime, Service
from signposting.phone import parse_uk_number, relay_dial
from signposting.starter import load_directory, read_starter
from tests.signposting.factories import make_service

STARTER_SLUGS = {item["slug"] for item in read_starter()["services"]}


@pytest.mark.parametrize(
    ("typed", "display", "dial"),
    [
        ("999", "999", "999"),
        ("112", "112", "112"),
        ("101", "101", "101"),
        ("116123", "116 123", "116123"),
        ("116 123", "116 123", "116123"),
        ("18000", "18000", "18000"),
        ("18001 101", "18001 101", "18001101"),
        ("0808 802 0300", "0808 802 0300", "+448088020300"),
        ("08088020300", "0808 802 0300", "+448088020300"),
        ("0808 2000 247", "0808 2000 247", "+448082000247"),
        ("08 08 16 89 111", "0808 168 9111", "+448081689111"),
        ("+44 115 947 6490", "0115 947 6490", "+441159476490"),
    ],
)
def test_uk_numbers_and_short_codes_are_normalised(typed, display, dial):
    number = parse_uk_number(typed)
    assert (number.display, number.dial) == (display, dial)


@pytest.mark.parametrize(
    "typed",
    ["", "55", "12345", "0808 802 030", "+1 212 555 0100", "call us", "0808<script>", "9" * 40],
)
def test_bad_numbers_give_a_clear_error(typed):
    with pytest.raises(ValidationError) as error:
        parse_uk_number(typed)
    assert "can't be listed" in error.value.messages[0]


@pytest.mark.parametrize(
    ("dial", "relay"),
    [("999", "18000"), ("+448088020300", "1800108088020300"), ("18001101", ""), ("18000", "")],
)
def test_relay_uses_18000_for_emergencies_and_the_prefix_otherwise(dial, relay):
    assert relay_dial(dial) == relay


@pytest.mark.django_db
def test_a_bad_number_is_a_field_error_on_the_contact_not_a_crash():
    service = make_service(phone=None)
    contact = Contact(service=service, kind=Contact.Kind.VOICE, value="0800 12")
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "value" in error.value.message_dict


@pytest.mark.django_db
def test_closing_time_must_follow_opening_time_except_midnight():
    import datetime as dt

    service = make_service(weekly=False)
    with pytest.raises(ValidationError):
        OpeningTime(service=service, weekday=0, opens=dt.time(16), closes=dt.time(9)).full_clean()
    OpeningTime(service=service, weekday=0, opens=dt.time(16), closes=dt.time(0)).full_clean()


@pytest.mark.django_db
def test_starter_directory_loads_every_service():
    created = load_directory()
    assert set(created) == STARTER_SLUGS
    assert Service.objects.count() == len(STARTER_SLUGS)


@pytest.mark.django_db
def test_loading_again_creates_nothing_and_keeps_staff_changes():
    load_directory()
    helpline = Service.objects.get(slug="national-stalking-helpline")
    helpline.short_description = "Changed by staff"
    helpline.save()
    Contact.objects.filter(service__slug="samaritans").delete()

    call_command("load_directory", verbosity=0)

    assert Service.objects.count() == len(STARTER_SLUGS)
    assert Service.objects.get(slug="national-stalking-helpline").short_description == (
        "Changed by staff"
    )
    assert not Contact.objects.filter(service__slug="samaritans").exists()


@pytest.mark.django_db
def test_a_deleted_starter_service_is_created_again_without_touching_others():
    load_directory()
    Service.objects.filter(slug="samaritans").delete()
    assert load_directory() == ["samaritans"]


@pytest.mark.django_db
def test_conflicting_entries_load_as_unverified_with_their_source_note():
    load_directory()
    for slug in (
        "equation-mens-line",
        "mens-advice-line",
        "karma-nirvana",
        "notts-stalking-advocacy",
        "notts-police-signvideo",
    ):
        service = Service.objects.get(slug=slug)
        assert not service.verified
        assert service.confidence_note and service.source
    equation = Contact.objects.get(value="0800 995 6999")
    assert not equation.verified
    assert "0800 995 6999" not in [c.value for c in equation.service.as_entry().channels]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["mens-advice-line", "karma-nirvana", "galop"])
def test_hours_the_sources_disagree_on_load_as_not_confirmed_with_no_timetable(slug):
    load_directory()
    service = Service.objects.get(slug=slug)
    assert not service.hours_confirmed
    assert not service.opening_times.exists()
    assert "disagree" in service.confidence_note


@pytest.mark.django_db
def test_the_silent_solution_says_the_call_ends_without_55_or_a_sound():
    load_directory()
    steps = Contact.objects.get(service__slug="silent-solution").instructions.splitlines()
    press = steps.index(
        "On a mobile, you may hear a recorded message asking you to press 55. Press 55."
    )
    assert steps[press + 1] == "If you do not press 55 and make no sound, the call is ended."


def _migration(name):
    return importlib.import_module(f"signposting.migrations.{name}")


@pytest.mark.django_db
def test_the_migration_brings_an_old_starter_directory_in_line_with_the_facts():
    step = _migration("0004_record_conflicting_hours_and_silent_step")
    load_directory()
    Service.objects.update(hours_confirmed=True)
    Service.objects.filter(slug="galop").update(last_verified=dt.date(2026, 12, 1))
    silent = Contact.objects.get(service__slug="silent-solution")
    Contact.objects.filter(pk=silent.pk).update(instructions=step.OLD_SILENT_STEPS)
    other_steps = Contact.objects.get(service__slug="emergency-sms", kind="sms")

    step.forwards(django_apps, None)

    unconfirmed = set(Service.objects.filter(hours_confirmed=False).values_list("slug", flat=True))
    assert unconfirmed == {"mens-advice-line", "karma-nirvana"}  # Galop was checked since
    silent.refresh_from_db()
    assert step.NO_55_STEP in silent.instructions.splitlines()
    assert Contact.objects.get(pk=other_steps.pk).instructions == other_steps.instructions


@pytest.mark.django_db
def test_the_migration_leaves_silent_solution_steps_staff_have_rewritten():
    step = _migration("0004_record_conflicting_hours_and_silent_step")
    load_directory()
    Contact.objects.filter(service__slug="silent-solution").update(instructions="Our own words.")
    step.forwards(django_apps, None)
    assert Contact.objects.get(service__slug="silent-solution").instructions == "Our own words."


@pytest.mark.django_db
def test_no_starter_service_claims_it_was_checked_live():
    load_directory()
    assert not Service.objects.exclude(last_verified=None).exists()


@pytest.mark.django_db
def test_services_without_known_hours_record_none():
    load_directory()
    for slug in (
        "notts-stalking-advocacy",
        "equation-mens-line",
        "paladin",
        "notts-victim-care",
        "notts-police-signvideo",
    ):
        service = Service.objects.get(slug=slug)
        assert not service.always_open
        assert not service.opening_times.exists()


@pytest.mark.django_db
def test_starter_history_is_recorded_for_the_audit():
    load_directory()
    assert Service.history.count() == len(STARTER_SLUGS)
    assert Contact.history.exists() and OpeningTime.history.exists()


@pytest.mark.django_db
def test_emergency_numbers_come_from_the_directory_and_follow_changes():
    load_directory()
    assert emergency.emergency_contacts()["helpline"].number == "0808 802 0300"
    contact = Contact.objects.get(service__slug="national-stalking-helpline", kind="voice")
    contact.value = "0808 802 0301"
    contact.save()
    assert emergency.emergency_contacts()["helpline"].number == "0808 802 0301"
    assert emergency.emergency_contacts()["helpline"].tel == "+448088020301"


@pytest.mark.django_db
def test_emergency_numbers_are_cached_in_one_query(django_assert_num_queries):
    load_directory()
    cache.clear()
    with django_assert_num_queries(1):
        emergency.emergency_contacts()
        emergency.emergency_contacts()


def test_emergency_numbers_fall_back_when_the_database_is_down(monkeypatch):
    cache.clear()

    def broken():
        raise DatabaseError("down")

    monkeypatch.setattr(emergency, "_from_directory", broken)
    assert emergency.emergency_contacts() == emergency.FALLBACK


@pytest.mark.django_db
def test_an_empty_directory_still_gives_the_fallback_numbers():
    cache.clear()
    assert emergency.emergency_contacts() == emergency.FALLBACK
