"""UK phone numbers for the directory: validate, format for people, format for tel: links.

Every number a visitor sees comes from here (design rule 5), so a typo in admin
must become a clear form error, never a wrong number on the site and never a crash.
"""

import re
from dataclasses import dataclass

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from phonenumbers import PhoneNumberType

REGION = "GB"
# Dialled before a number to reach it through Relay UK from a textphone or the app.
RELAY_PREFIX = "18001"
_ALLOWED_CHARACTERS = re.compile(r"^[0-9+() -]+$")

# The short numbers a listed service may have: emergency (999, 112, and 18000 by relay),
# police non-emergency (101), NHS (111) and the European helplines (116 xxx, e.g. 116 123).
# Other short numbers (118 directory enquiries, for one) cost callers or are not helplines.
_SHORT_CODES = re.compile(r"999|112|101|111|116\d{3}|18000")

# Kinds of number a person can call at no more than an ordinary call's cost.
_CALLABLE_TYPES = frozenset(
    {PhoneNumberType.TOLL_FREE, PhoneNumberType.FIXED_LINE, PhoneNumberType.UAN}
)
# A text service may also be a mobile number.
_TEXTABLE_TYPES = _CALLABLE_TYPES | {PhoneNumberType.MOBILE}

# Ofcom's ranges for TV and radio drama: nobody answers them, and phonenumbers calls them
# invalid. Tests and the fictional test area use them; a live directory must not
# (settings.PHONE_DRAMA_NUMBERS_ALLOWED, on in test and dev settings only). Ofcom's other
# drama ranges sit inside real blocks, so phonenumbers (and so this module) accepts them.
_DRAMA_RANGES = (
    (re.compile(r"01632960\d{3}"), PhoneNumberType.FIXED_LINE),
    (re.compile(r"07700900\d{3}"), PhoneNumberType.MOBILE),
)

_CROWN_DEPENDENCIES = {"IM": "the Isle of Man", "GG": "Guernsey", "JE": "Jersey"}
_ORDINARY = "Ask the service for its 0800, 0808, 01, 02 or 03 number."


@dataclass(frozen=True)
class PhoneNumber:
    display: str  # as a person reads it, e.g. "0808 802 0300" or "116 123"
    dial: str  # for a tel: link, e.g. "+448088020300" or "999"
    national_digits: str  # e.g. "08088020300" or "999", for the relay prefix


def _error(value, why):
    return ValidationError(
        "“%(value)s” can't be listed: %(why)s",
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


def _short_number(value, digits):
    grouped = f"116 {digits[3:]}" if digits.startswith("116") else digits
    return PhoneNumber(
        display=_keep_spacing(value, digits, grouped), dial=digits, national_digits=digits
    )


def _drama_type(national_digits):
    for pattern, number_type in _DRAMA_RANGES:
        if pattern.fullmatch(national_digits):
            return number_type
    return None


def _type_problem(number_type, national_digits, texting):
    """Why a valid UK number of this type can't be listed, or None if it can."""
    allowed = _TEXTABLE_TYPES if texting else _CALLABLE_TYPES
    if number_type in allowed:
        return None
    if number_type == PhoneNumberType.PREMIUM_RATE and national_digits.startswith("09"):
        return "09 numbers are premium rate and cost callers a lot."
    if number_type == PhoneNumberType.PREMIUM_RATE:
        return (
            f"{national_digits[:3]} numbers are service numbers that cost callers more than "
            f"an ordinary call. {_ORDINARY}"
        )
    if number_type == PhoneNumberType.PERSONAL_NUMBER:
        return (
            "070 numbers are personal numbers, not mobiles: they cost callers a lot and "
            f"are often used by scammers. {_ORDINARY}"
        )
    if number_type == PhoneNumberType.MOBILE:
        return (
            "a mobile number can be listed only as a text-message (SMS) number. "
            f"For calls, {_ORDINARY[0].lower()}{_ORDINARY[1:]}"
        )
    if number_type == PhoneNumberType.VOIP:
        return f"056 numbers are internet phone numbers, not a kind a helpline uses. {_ORDINARY}"
    if number_type == PhoneNumberType.PAGER:
        return "076 numbers are pagers: nobody can call them for help."
    return f"this kind of number can't be used for a helpline. {_ORDINARY}"


def parse_uk_number(value, texting=False):
    """Return a PhoneNumber for a UK number or short code (999, 101, 116 123, 18000...).

    Only numbers a person can reach at no more than an ordinary call's cost are taken:
    freephone, geographic and 03 numbers, the short codes above, "18001 " before one of
    those, and (with `texting`, for a text-message service) mobile numbers. Raises
    ValidationError with a message that says exactly what is wrong.
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
    if not value.startswith(("0", "+")):
        if _SHORT_CODES.fullmatch(digits):
            return _short_number(value, digits)
        raise _error(
            value,
            "it is not one of the short numbers a service may have (999, 112, 101, 111, "
            "116 and three digits, 18000, or 18001 before a number). A full number starts "
            "with 0.",
        )

    try:
        parsed = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        raise _error(value, "it could not be read as a phone number.") from None
    if parsed.country_code != 44:
        raise _error(
            value,
            f"it is a number outside the UK (+{parsed.country_code}), and every "
            "number listed must be a UK one callers can reach at UK rates.",
        )

    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    national_digits = _digits(national)
    region = phonenumbers.region_code_for_number(parsed)
    if region in _CROWN_DEPENDENCIES:
        raise _error(
            value,
            f"it is a number in {_CROWN_DEPENDENCIES[region]}, which may cost callers in "
            "the UK more.",
        )
    number_type = _drama_type(national_digits)
    if number_type is not None and not getattr(settings, "PHONE_DRAMA_NUMBERS_ALLOWED", False):
        raise _error(
            value, "it is one of Ofcom's numbers for TV and radio drama: nobody answers it."
        )
    if number_type is None:
        if not phonenumbers.is_valid_number(parsed):
            raise _error(value, "check the number of digits and the area code.")
        number_type = phonenumbers.number_type(parsed)
    if problem := _type_problem(number_type, national_digits, texting):
        raise _error(value, problem)

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
