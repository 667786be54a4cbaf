"""The directory as plain, immutable values.

The triage rules and the opening-hours logic work on these, never on model
instances, so they can be tested (and reasoned about) without a database.
`Service.as_entry()` builds one from prefetched rows.
"""

from dataclasses import dataclass
from datetime import datetime

from .opening import Hours

# Contact kinds, matching Contact.Kind.
VOICE = "voice"
SMS = "sms"
TEXTPHONE = "textphone"
WEB = "web"
EMAIL = "email"
CHAT = "chat"
# Kinds a person who cannot speak can use. Voice numbers are also reachable by relay.
SILENT_KINDS = (SMS, TEXTPHONE, WEB, CHAT, EMAIL)

AREA_NATIONAL = "national"
# Only for people in the police area this site serves. The stored code is "notts" because
# the site began in Nottinghamshire; it is kept so stored rows, answers and published
# taxonomy term ids stay the same. Which area it means is configuration (settings.AREA).
AREA_LOCAL = "notts"

ANY = "any"
WOMEN = "women"
MEN = "men"

# Whether a person who does not speak English can ask for an interpreter (Service.interpreters).
INTERPRETERS_NONE_KNOWN = "none_known"
INTERPRETERS_ON_REQUEST = "on_request"
# A source once said so, but it is old or unchecked: the visitor is told of the doubt.
INTERPRETERS_ONCE_OFFERED = "once_offered"


@dataclass(frozen=True)
class Channel:
    kind: str
    label: str
    value: str  # what the visitor reads: a number, an address
    href: str  # tel:, sms:, mailto: or https:
    instructions: str = ""
    for_gender: str = ANY
    relay_href: str = ""  # tel: link through Relay UK, for voice numbers

    @property
    def is_phone(self):
        return self.kind in (VOICE, TEXTPHONE)


@dataclass(frozen=True)
class Entry:
    slug: str
    name: str
    category: str
    short_description: str
    who_it_helps: str
    area: str = AREA_NATIONAL
    relationship: str = ANY  # any, domestic, non_domestic
    genders: str = ANY  # any, women, men
    min_age: int | None = None
    max_age: int | None = None
    channels: tuple[Channel, ...] = ()
    hours: Hours = Hours()
    alert: str = ""
    alert_until: datetime | None = None
    organisation: str = ""
    verified: bool = True  # False: the directory still has to check these details
    role: str = ""  # the job the help-finder gives it (taxonomy.ROLE), or none
    interpreters: str = INTERPRETERS_NONE_KNOWN
    # For a local service, how copy names its area (settings.AREA "name" and "live_in").
    area_name: str = ""
    area_live_in: str = ""

    @property
    def is_local(self):
        return self.area == AREA_LOCAL


def visible_alert(service, now):
    """The short-term alert a visitor should see at `now`: none once its end time has passed.

    Works for a Service or an Entry (both have `alert` and `alert_until`).
    """
    if not service.alert:
        return ""
    if service.alert_until is not None and service.alert_until <= now:
        return ""
    return service.alert
