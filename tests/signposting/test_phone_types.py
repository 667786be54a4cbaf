"""Only numbers that can exist, and that callers can reach at an ordinary call's cost.

The rules go by phonenumbers' number types; each refusal says exactly what is wrong.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from signposting.models import Contact, Service
from signposting.phone import parse_uk_number
from signposting.starter import read_starter
from tests.approvals.helpers import approve_new_record_as_someone_else

from .test_admin import _service_form, staff_client  # noqa: F401 - a fixture

ACCEPTED = [
    # (typed, texting, display)
    ("0808 802 0300", False, "0808 802 0300"),  # freephone
    ("0800 1111", False, "0800 1111"),
    ("0115 947 6490", False, "0115 947 6490"),  # geographic
    ("020 3866 4107", False, "020 3866 4107"),
    ("0300 123 4567", False, "0300 123 4567"),  # 03 non-geographic (UAN)
    ("07400 123456", True, "07400 123456"),  # a mobile, for a text service
    ("999", False, "999"),
    ("112", False, "112"),
    ("101", False, "101"),
    ("111", False, "111"),
    ("116 123", False, "116 123"),
    ("116006", False, "116 006"),
    ("18000", False, "18000"),
    ("18001 101", False, "18001 101"),
    ("18001 0808 802 0300", False, "18001 0808 802 0300"),
    ("999", True, "999"),  # emergency SMS
]


@pytest.mark.parametrize(("typed", "texting", "display"), ACCEPTED)
def test_numbers_a_caller_can_reach_at_an_ordinary_cost_are_accepted(typed, texting, display):
    assert parse_uk_number(typed, texting=texting).display == display


REFUSED = [
    # (typed, texting, what the message must say)
    ("0909 879 0000", False, "09 numbers are premium rate and cost callers a lot."),
    ("0909 879 0000", True, "09 numbers are premium rate and cost callers a lot."),
    ("0845 464 7000", False, "084 numbers are service numbers that cost callers more"),
    ("0871 234 5678", False, "087 numbers are service numbers that cost callers more"),
    ("070 1234 5678", False, "070 numbers are personal numbers, not mobiles"),
    ("070 1234 5678", True, "070 numbers are personal numbers, not mobiles"),
    ("07400 123456", False, "a mobile number can be listed only as a text-message (SMS) number"),
    ("0560 123 4567", False, "056 numbers are internet phone numbers"),
    ("07624 123456", True, "it is a number in the Isle of Man"),
    ("+33 1 23 45 67 89", False, "it is a number outside the UK (+33)"),
    ("+1 212 555 0100", False, "it is a number outside the UK (+1)"),
    ("118118", False, "it is not one of the short numbers a service may have"),
    ("55", False, "it is not one of the short numbers a service may have"),
    ("0808 802 030", False, "check the number of digits and the area code."),
    ("", False, "it is empty."),
    ("call us", False, "use digits and spaces only"),
    ("18001 0909 879 0000", False, "09 numbers are premium rate"),
]


@pytest.mark.parametrize(("typed", "texting", "why"), REFUSED)
def test_a_refused_number_says_exactly_what_is_wrong(typed, texting, why):
    with pytest.raises(ValidationError) as error:
        parse_uk_number(typed, texting=texting)
    message = error.value.messages[0]
    assert why in message
    assert "only UK numbers" not in message


@pytest.mark.parametrize(
    ("typed", "texting", "display", "dial"),
    [
        ("01632 960123", False, "01632 960123", "+441632960123"),
        ("07700 900123", True, "07700 900123", "+447700900123"),
    ],
)
def test_drama_numbers_work_in_tests_and_are_refused_on_a_live_site(
    settings, typed, texting, display, dial
):
    settings.PHONE_DRAMA_NUMBERS_ALLOWED = True
    number = parse_uk_number(typed, texting=texting)
    assert (number.display, number.dial) == (display, dial)
    settings.PHONE_DRAMA_NUMBERS_ALLOWED = False
    with pytest.raises(ValidationError, match="Ofcom's numbers for TV and radio drama"):
        parse_uk_number(typed, texting=texting)


def test_a_drama_mobile_still_cannot_be_a_line_to_call(settings):
    settings.PHONE_DRAMA_NUMBERS_ALLOWED = True
    with pytest.raises(ValidationError, match="only as a text-message"):
        parse_uk_number("07700 900123")


def test_a_live_site_does_not_allow_drama_numbers_by_default():
    from stalkinghelp.settings import base

    assert base.PHONE_DRAMA_NUMBERS_ALLOWED is False


def test_every_number_in_the_starter_directory_still_validates(settings):
    settings.PHONE_DRAMA_NUMBERS_ALLOWED = False  # as on the live site
    phone_kinds = {kind.value for kind in Contact.PHONE_KINDS}
    checked = 0
    for service in read_starter()["services"]:
        for contact in service.get("contacts", []):
            if contact["kind"] in phone_kinds:
                parse_uk_number(str(contact["value"]), texting=contact["kind"] == Contact.Kind.SMS)
                checked += 1
    assert checked > 20


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "value", "why"),
    [
        ("voice", "0909 879 0000", "09 numbers are premium rate and cost callers a lot."),
        ("voice", "070 1234 5678", "070 numbers are personal numbers"),
        ("sms", "070 1234 5678", "070 numbers are personal numbers"),
        ("voice", "07400 123456", "only as a text-message (SMS) number"),
    ],
)
def test_the_admin_refuses_a_number_callers_should_not_ring(staff_client, kind, value, why):  # noqa: F811
    url = reverse("admin:signposting_service_add")
    form = _service_form(**{"contacts-0-kind": kind, "contacts-0-value": value})
    response = staff_client.post(url, form)
    assert response.status_code == 200
    assert why in response.content.decode().replace("&#x27;", "'")
    assert not Service.objects.filter(slug="test-line").exists()


@pytest.mark.django_db
def test_the_admin_takes_a_mobile_as_a_text_number(staff_client):  # noqa: F811
    url = reverse("admin:signposting_service_add")
    form = _service_form(**{"contacts-0-kind": "sms", "contacts-0-value": "07400123456"})
    assert staff_client.post(url, form).status_code == 302
    approve_new_record_as_someone_else("Test")  # a new number waits for a second person
    assert Contact.objects.get(service__slug="test-line").dial == "+447400123456"
