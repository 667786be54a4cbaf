"""What a visitor who does not speak English is told about interpreters at a service.

From Service.interpreters, which records only what a source says: "on request" where the
rules say a service must offer one, "once offered" where an old or unchecked source said it
did, which the visitor is told honestly (design rule 7). Nothing is said when none is known.
Open data (HSDS `interpretation_services`) carries the same sentence, in English.
"""

from django.utils.translation import gettext_noop as _

from stalkinghelp.remembered_gettext import gettext

from .entries import INTERPRETERS_NONE_KNOWN, INTERPRETERS_ON_REQUEST, INTERPRETERS_ONCE_OFFERED

SENTENCES = {
    INTERPRETERS_ON_REQUEST: _("You can ask for an interpreter."),
    INTERPRETERS_ONCE_OFFERED: _(
        "This service once offered interpreters. We have not checked that it still does."
    ),
}


def interpreters_sentence(interpreters):
    """The sentence for a Service.interpreters value, in the visitor's language, or ""."""
    english = SENTENCES.get(interpreters)
    return gettext(english) if english else ""


def interpreters_in_english(interpreters):
    """The same sentence for open data, whatever language is active, or ""."""
    return SENTENCES.get(interpreters, "")


def interpreters_from_hsds(interpretation_services):
    """Our value from an HSDS file's text: our own sentences map back exactly; any other
    description a provider gives counts as on request."""
    text = (interpretation_services or "").strip()
    for value, english in SENTENCES.items():
        if text == english:
            return value
    return INTERPRETERS_ON_REQUEST if text else INTERPRETERS_NONE_KNOWN
