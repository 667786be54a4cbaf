"""The warning for details the directory is still checking, as plain text for open data.

Pages show it through {% unverified_warning %} (one template); partners reading the API
get the same words from the same template, so the two can never drift apart.
"""

from django.template.loader import render_to_string
from django.utils.html import strip_tags

from .emergency import emergency_contacts
from .opening import HOURS_NOT_CONFIRMED


def unverified_note(service, helpline=None):
    """One plain sentence or two for a Service we are unsure of, or None when we are sure.

    `helpline`: the National Stalking Helpline's StripNumber, when the caller has it.
    """
    notes = []
    if not service.verified:
        helpline = helpline or emergency_contacts()["helpline"]
        html = render_to_string(
            "signposting/includes/unverified_warning.html",
            {
                "helpline": helpline,
                "is_helpline": service.slug == helpline.slug,
                "link": False,
            },
        )
        notes.append(" ".join(strip_tags(html).split()))
    if not service.hours_confirmed:
        notes.append(HOURS_NOT_CONFIRMED + ".")
    return " ".join(notes) or None
