"""Times and dates as the visitor's language writes them.

English keeps the house style (GOV.UK: 9:30am, midday, midnight; 7 December 2026). Every
other language takes its own locale's formats from Django (django/conf/locale/<ll>/
formats.py), whose catalogues also name the weekdays and months: adding a language needs
no code here. The English check is by language, not by name of any other language.
"""

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import get_language

MIDNIGHT = dt.time(0, 0)


def speaks_english():
    return (get_language() or "en").split("-")[0] == "en"


def format_time(value):
    """GOV.UK style: 9:30am, 4pm, midday, midnight."""
    if value == MIDNIGHT:
        return "midnight"
    if value == dt.time(12, 0):
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.minute:
        return f"{hour}:{value.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def local_time(value):
    """A time of day on a timetable (a datetime.time)."""
    if speaks_english():
        return format_time(value)
    return formats.time_format(value, "TIME_FORMAT")


def clock_time(moment):
    """The UK time now, as a page says when it was made (an aware datetime)."""
    moment = timezone.localtime(moment)
    if speaks_english():
        return formats.time_format(moment, "g:i a")
    return formats.time_format(moment, "TIME_FORMAT")


def long_date(value):
    """A date a person set, e.g. when a service was last checked."""
    return formats.date_format(value, "j F Y" if speaks_english() else "DATE_FORMAT")
