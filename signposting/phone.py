"""UK phone numbers for the directory: validate, format for people, format for tel: links.

Every number a visitor sees comes from here (design rule 5), so a typo in admin
must become a clear form error, never a wrong number on the site and never a crash.
"""

import re
from dataclasses import dataclass

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from phonenumbers import shortnumberinfo

REGION = "GB"
# Dialled before a number to reach it through Relay UK from a textphone or the app.
RELAY_PREFIX = "18001"
_ALLOWED_CHARACTERS = re.compile(r"^[0-9+() -]+$")


@dataclass(frozen=True)
class PhoneNumber:
    display: str  # as a person reads it, e.g. "0808 802 0300" or "116 123"
    dial: str  # for a tel: link, e.g. "+448088020300" or "999"
    national_digits: str  # e.g. "08088020300" or "999", for the relay prefix


def _error(value, why):
    return ValidationError(
        "“%(value)s” is not a UK phone number we can use: %(why)s",
        code="invalid_phone",
        params={"value": value, "why": why},
    )


def _digits(value):
    return re.sub(r"\D", "", value)


def _keep_spacing(value, national_digits, fallback):
    """Keep the provider's own grouping (e.g. "0808 2000 247"): people recognise it.

    Only when it starts like the standard format, so "08 08 16 89 111" is tidied.
    """
    cleaned = " ".join(value.split())
    same_prefix = cleaned.split(" ")[0] == fallback.split(" ")[0]
    if " " in cleaned and same_prefix and re.fullmatch(r"[0-9 ]+", cleaned):
        if _digits(cleaned) == national_digits:
            return cleaned
    return fallback


DRAMA_NUMBER = re.compile(r"01632960[0-9]{3}")


def parse_uk_number(value):
    """Return a PhoneNumber for a UK number or short code (999, 101, 116 123, 18000...).

    Raises ValidationError with a message staff can act on.
    """
    value = (value or "").strip()
    if not value:
        raise _error(value, "it is empty.")
    if len(value) > 32 or not _ALLOWED_CHARACTERS.match(value):
        raise _error(value, "use digits and spaces only, for example 0808 802 0300.")

    digits = _digits(value)
    if digits.startswith(RELAY_PREFIX) and len(digits) > len(RELAY_PREFIX):
        # "18001 101": the relay prefix in front of an ordinary number.
        inner = parse_uk_number(digits[len(RELAY_PREFIX) :])
        return PhoneNumber(
            display=f"{RELAY_PREFIX} {inner.display}",
            dial=RELAY_PREFIX + inner.national_digits,
            national_digits=RELAY_PREFIX + inner.national_digits,
        )

    if settings.ALLOW_DRAMA_NUMBERS and DRAMA_NUMBER.fullmatch(digits):
        # Ofcom's range for drama (never a real line), for test directories only.
        return PhoneNumber(display=f"01632 {digits[5:]}", dial=f"+44{digits[1:]}",
                           national_digits=digits)  # fmt: skip

    try:
        parsed = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        raise _error(value, "it could not be read as a phone number.") from None

    if shortnumberinfo.is_valid_short_number_for_region(parsed, REGION):
        short = str(parsed.national_number)
        grouped = "116 123" if short == "116123" else short
        return PhoneNumber(
            display=_keep_spacing(value, short, grouped), dial=short, national_digits=short
        )

    if phonenumbers.region_code_for_number(parsed) != REGION:
        raise _error(value, "only UK numbers can be listed.")
    if not phonenumbers.is_valid_number(parsed):
        raise _error(value, "check the number of digits and the area code.")

    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    national_digits = _digits(national)
    return PhoneNumber(
        display=_keep_spacing(value, national_digits, national),
        dial=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        national_digits=national_digits,
    )


def relay_dial(dial):
    """The tel: value for reaching a stored number through Relay UK, or "" if it has none.

    Emergencies use 18000 instead of the prefix; relay numbers need no second prefix.
    """
    national = "0" + dial[3:] if dial.startswith("+44") else dial
    if national in {"999", "112"}:
        return "18000"
    if not national or national.startswith(RELAY_PREFIX) or national == "18000":
        return ""
    return RELAY_PREFIX + national
