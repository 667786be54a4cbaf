"""What the poster and the wallet card print: numbers from the directory, read when printed.

Nothing here is typed: a number changed in the directory changes every poster and card
printed after it (design rule 5).
"""

from dataclasses import dataclass

from signposting.emergency import emergency_contacts
from signposting.models import Contact, Service
from signposting.selectors import listed_services

from .hours_in_brief import hours_in_brief

# Reporting to the police without an emergency is a local call in practice: 101 reaches
# the local force from here, although the directory lists it as a national line.
POLICE_NON_EMERGENCY_ROLE = "police_non_emergency"
HELPLINE_ROLE = "stalking_helpline"


@dataclass(frozen=True)
class PrintedLine:
    slug: str  # the directory service it comes from
    name: str
    label: str
    number: str
    tel: str
    hours: str
    still_checking: bool  # the directory marks the service as not yet verified
    last_checked: object  # when staff last checked the service's details with it, or None


@dataclass(frozen=True)
class PrintedNumbers:
    emergency: object  # signposting.emergency.StripNumber
    silent: object
    helpline: list
    local: list

    @property
    def any_still_checking(self):
        return any(line.still_checking for line in [*self.helpline, *self.local])

    @property
    def helpline_still_checking(self):
        # Then the warning cannot send people to the helpline as the number that works.
        return any(line.still_checking for line in self.helpline)

    # Never the day of printing: only dates a person recorded when they checked a service.
    @property
    def checked_since(self):
        """The oldest last-checked date of the printed lines, so "checked on or after" is
        true of every one; None while any line has never been checked."""
        dates = [line.last_checked for line in [*self.helpline, *self.local]]
        return None if not dates or None in dates else min(dates)

    @property
    def checked_any(self):
        return any(line.last_checked for line in [*self.helpline, *self.local])


def _lines(service):
    return [
        PrintedLine(
            slug=service.slug,
            name=service.name,
            label=contact.label,
            number=contact.value,
            tel=f"tel:{contact.dial}",
            hours=hours_in_brief(service.hours),
            still_checking=not service.verified,
            last_checked=service.last_verified,
        )
        for contact in service.public_contacts()
        if contact.kind == Contact.Kind.VOICE
    ]


def _is_local(service):
    return service.area == Service.Area.LOCAL or service.role == POLICE_NON_EMERGENCY_ROLE


def printed_numbers():
    active = [s for s in listed_services() if s.status == Service.Status.ACTIVE]
    helpline = [line for s in active if s.role == HELPLINE_ROLE for line in _lines(s)]
    local = [
        line
        for s in active
        if _is_local(s) and s.category != Service.Category.EMERGENCY
        for line in _lines(s)
    ]
    # 999 and the Silent Solution as the emergency strip shows them (with its fallback).
    # The helpline has no fallback here: a line closed in the directory is not printed.
    strip = emergency_contacts()
    return PrintedNumbers(
        emergency=strip["emergency"],
        silent=strip["silent"],
        helpline=helpline,
        local=local,
    )
