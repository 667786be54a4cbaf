"""Template helpers for showing services: opening state, weekly hours and warnings."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language, get_language_bidi

from content.plain_words import meanings_for
from signposting.emergency import emergency_contacts
from signposting.entries import visible_alert
from signposting.interpreters import interpreters_sentence
from signposting.local_formats import clock_time, long_date
from signposting.opening import describe_sessions
from signposting.opening import open_state as _open_state

register = template.Library()


@register.simple_tag
def open_state(service, now):
    """{% open_state service now as state %}: state.text, state.kind, state.is_open."""
    return _open_state(service, now)


@register.filter
def weekly_hours(service):
    return describe_sessions(service.hours)


@register.filter(needs_autoescape=True)
def ltr(value, autoescape=True):
    """{{ number|ltr }}: a number (or address) kept left to right inside right-to-left text.

    In Arabic or Urdu the digit groups of "0808 802 0300" would otherwise be laid out in
    reverse order. In left-to-right languages the value is left as it is.
    """
    if get_language_bidi():
        return format_html('<bdi dir="ltr">{}</bdi>', value)
    return conditional_escape(value) if autoescape else value


@register.inclusion_tag("signposting/includes/interpreters.html")
def interpreters(service):
    """{% interpreters service %}: whether it offers interpreters, said honestly, or nothing."""
    return {"sentence": interpreters_sentence(service.interpreters)}


register.filter("clock_time", clock_time)
register.filter("long_date", long_date)


@register.filter
def steps(text):
    """Instructions are stored one step per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def alert_at(service, now):
    """{{ service|alert_at:now }}: the alert text while it is current, else nothing."""
    return visible_alert(service, now)


@register.inclusion_tag("signposting/includes/unverified_warning.html", takes_context=True)
def unverified_warning(context, service=None, link=True):
    """{% unverified_warning service %}: the one warning for details we are still checking.

    `service` is anything with a slug (a Service, an Entry, a printed line). It points to
    the National Stalking Helpline, from the directory like every number, except on the
    helpline's own details. Phrasing content: it sits inside the card, line or sentence
    it warns about, so a screen reader hears it there. `link=False` for paper, where the
    number is printed as text.
    """
    emergency = context.get("emergency") or emergency_contacts()
    return {
        "helpline": emergency["helpline"],
        "is_helpline": getattr(service, "slug", "") == emergency["helpline"].slug,
        "link": link,
    }


@lru_cache(maxsize=512)
def _render_channels(channels, language):
    # `language` keys the cache: the HTML holds the words of the language it was made in.
    return render_to_string("signposting/includes/channels.html", {"channels": channels})


@register.filter
def channels_html(channels):
    """A service's ways to get in touch, rendered once per distinct set of channels.

    The help-finder's results are never cached, so this keeps them fast. It is safe
    to remember: the HTML depends only on the directory's channels (frozen values),
    never on the visitor's answers.
    """
    return _render_channels(tuple(channels), get_language())


def _texts(thing):
    if isinstance(thing, str):
        return [thing]
    if isinstance(thing, list | tuple):
        return [text for item in thing for text in _texts(item)]
    fields = ("name", "short_description", "who_it_helps")
    return [text for field in fields if (text := getattr(thing, field, ""))]


@register.simple_tag
def meanings(*things):
    """What the hard words in these services' (or lines') names and descriptions mean."""
    return meanings_for(*_texts(list(things)))
