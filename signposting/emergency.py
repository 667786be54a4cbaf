"""The numbers on every page: 999, the Silent Solution and the National Stalking Helpline.

They must render even when the database is down (design rule 4), so there is a
built-in fallback. The fallback matches the starter directory; the directory
(once loaded) is the source of truth.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StripNumber:
    label: str
    number: str  # as shown, e.g. "0808 802 0300"
    tel: str  # for the tel: link, e.g. "+448088020300"


FALLBACK = {
    "emergency": StripNumber("999", "999", "999"),
    "silent": StripNumber("999, then 55", "999", "999"),
    "helpline": StripNumber("National Stalking Helpline", "0808 802 0300", "+448088020300"),
}


def emergency_contacts():
    return FALLBACK
