"""Find phone numbers typed by hand into a page, so admin can flag them.

Numbers must come from the directory (design rule 5): a typed number goes stale
the day a service changes its line, and nobody notices.
"""

import re

import phonenumbers
from django.utils.html import strip_tags

from .tokens import TOKEN

# Short numbers the phone-number library does not treat as numbers in running text.
_SHORT_NUMBERS = re.compile(r"(?<![\d+])(?:999|112|101|111|116\s?\d{3}|1800[01](?:\s?\d+)?)(?!\d)")


def typed_numbers(html):
    """Numbers written out in `html` (outside service tokens), as the editor typed them."""
    text = strip_tags(TOKEN.sub(" ", html or "")).replace("&nbsp;", " ")
    found = [
        match.raw_string.strip()
        for match in phonenumbers.PhoneNumberMatcher(
            text, "GB", leniency=phonenumbers.Leniency.VALID
        )
    ]
    found += [match.group(0) for match in _SHORT_NUMBERS.finditer(text)]
    return list(dict.fromkeys(found))
