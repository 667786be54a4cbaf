"""Every service token an editor can use, with the service's name and numbers.

The page form's help panel lists them (to pick one instead of typing it), and the writing
checks use them to say which token replaces a number typed by hand.
"""

from dataclasses import dataclass

from .tokens import token_for


@dataclass(frozen=True)
class ServiceToken:
    slug: str
    name: str
    numbers: tuple  # the phone numbers as visitors read them, e.g. ("0808 802 0300",)
    dials: tuple  # the same numbers as stored for tel: links, e.g. ("+448088020300",)

    @property
    def token(self):
        return token_for(self.slug)


def service_tokens():
    """One ServiceToken per service, by name, in two queries."""
    # Imported here: content renders without the directory app's models at import time.
    from signposting.models import Contact
    from signposting.selectors import listed_services

    tokens = []
    for service in listed_services().order_by("name"):
        phones = [c for c in service.contacts.all() if c.kind in Contact.PHONE_KINDS]
        tokens.append(
            ServiceToken(
                slug=service.slug,
                name=service.name,
                numbers=tuple(dict.fromkeys(c.value for c in phones)),
                dials=tuple(dict.fromkeys(c.dial for c in phones)),
            )
        )
    return tokens
