"""Opening hours: is a service open at a given moment, and what do we tell the visitor.

Pure functions over plain values. Times are wall-clock times in Europe/London, so
a line open 09:30-16:00 is open 09:30-16:00 in both GMT and BST, and the clock
changes need no special case. Bank holidays in England come from `holidays`.
What we tell the visitor is in the active language: times as its locale writes them
(GOV.UK style in English), weekday and month names from Django's own catalogues.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy, pgettext

from stalkinghelp.remembered_gettext import gettext

# format_time and MIDNIGHT are read from here by open data and partners' feeds too.
from .local_formats import MIDNIGHT, format_time, local_time  # noqa: F401

LONDON = ZoneInfo("Europe/London")
# English, for open data (HSDS, partners' feeds); visitors read django.utils.dates.WEEKDAYS.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Far enough to find next week's opening even after a long bank-holiday break.
LOOKAHEAD_DAYS = 14

BANK_HOLIDAY_OPEN = "open"
BANK_HOLIDAY_CLOSED = "closed"
BANK_HOLIDAY_UNKNOWN = "unknown"

HOURS_NOT_KNOWN = gettext_lazy("Opening hours not known: call to check")
# Sources disagree on the hours: never say open or closed from a timetable we doubt.
HOURS_NOT_CONFIRMED = gettext_lazy("Opening hours not confirmed: call to check")


@dataclass(frozen=True)
class Session:
    weekday: int  # 0 = Monday
    opens: dt.time
    closes: dt.time  # 00:00 means midnight at the end of the day


@dataclass(frozen=True)
class DatedException:
    date: dt.date
    closed: bool = True
    opens: dt.time | None = None
    closes: dt.time | None = None
    note: str = ""


@dataclass(frozen=True)
class Hours:
    always_open: bool = False
    sessions: tuple[Session, ...] = ()
    bank_holidays: str = BANK_HOLIDAY_UNKNOWN
    exceptions: tuple[DatedException, ...] = ()
    temporarily_closed: bool = False
    confirmed: bool = True  # False when sources disagree on the timetable


@dataclass(frozen=True)
class OpenState:
    """What a visitor needs to know about a line at one moment."""

    kind: str  # "always", "open", "closed", "unknown" (or not confirmed), "suspended"
    text: str
    until: dt.datetime | None = None
    next_open: dt.datetime | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def is_open(self):
        return self.kind in ("always", "open")

    @property
    def is_closed(self):
        return self.kind in ("closed", "suspended")


@lru_cache(maxsize=32)
def _bank_holidays(year):
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_bank_holiday(day):
    return day in _bank_holidays(day.year)


def _day_name(weekday):
    return str(WEEKDAYS[weekday])


def _end_of(day, closes):
    if closes == MIDNIGHT:
        return dt.datetime.combine(day + dt.timedelta(days=1), MIDNIGHT, tzinfo=LONDON)
    return dt.datetime.combine(day, closes, tzinfo=LONDON)


def sessions_on(hours, day):
    """The (opens, closes) datetimes on a date, or None if we cannot know them.

    None means the day is a bank holiday and we do not know the provider's rule:
    we will not guess.
    """
    for exception in hours.exceptions:
        if exception.date == day:
            if exception.closed or not (exception.opens and exception.closes):
                return []
            return [
                (
                    dt.datetime.combine(day, exception.opens, tzinfo=LONDON),
                    _end_of(day, exception.closes),
                )
            ]
    if is_bank_holiday(day):
        if hours.bank_holidays == BANK_HOLIDAY_CLOSED:
            return []
        if hours.bank_holidays == BANK_HOLIDAY_UNKNOWN:
            return None
    return sorted(
        (dt.datetime.combine(day, s.opens, tzinfo=LONDON), _end_of(day, s.closes))
        for s in hours.sessions
        if s.weekday == day.weekday()
    )


def _day_phrase(moment, now):
    """The day, for sentences that say "on" it: None for today, "tomorrow", a weekday or a date."""
    days_ahead = (moment.date() - now.date()).days
    if days_ahead == 0:
        return None
    if days_ahead == 1:
        return gettext("tomorrow")
    if days_ahead < 7:
        return _day_name(moment.weekday())
    # Django's own catalogues name the weekday and month; the translator orders them.
    weekday_and_date = pgettext("a weekday and date, as in Monday 7 December", "l j E")
    return formats.date_format(moment, weekday_and_date)


def _closing_phrase(until, now):
    time = local_time(until.time())
    day = _day_phrase(until, now)
    if day is None or (
        until.time() == MIDNIGHT and until.date() == now.date() + dt.timedelta(days=1)
    ):
        return gettext("Open now until {time}").format(time=time)
    return gettext("Open now until {day} at {time}").format(day=day, time=time)


def _opening_phrase(opens, now):
    time = local_time(opens.time())
    day = _day_phrase(opens, now)
    if day is None:
        return gettext("Closed, opens today at {time}").format(time=time)
    return gettext("Closed, opens {day} at {time}").format(day=day, time=time)


def open_state(service, now):
    """The opening state of a service (or an Hours value) at an aware datetime `now`."""
    hours = service if isinstance(service, Hours) else service.hours
    now = now.astimezone(LONDON)

    if hours.temporarily_closed:
        return OpenState("suspended", gettext("Temporarily closed"))
    if not hours.confirmed:
        return OpenState("unknown", str(HOURS_NOT_CONFIRMED))
    if hours.always_open:
        return OpenState("always", gettext("24 hours"))
    if not hours.sessions:
        return OpenState("unknown", str(HOURS_NOT_KNOWN))

    today = sessions_on(hours, now.date())
    if today is None:
        return OpenState(
            "unknown",
            gettext("Bank holiday (a public holiday): opening hours not known, call to check"),
        )
    for opens, closes in today:
        if opens <= now < closes:
            return OpenState("open", _closing_phrase(closes, now), until=closes)

    for offset in range(LOOKAHEAD_DAYS + 1):
        day = now.date() + dt.timedelta(days=offset)
        sessions = sessions_on(hours, day)
        if sessions is None:
            continue  # a bank holiday with an unknown rule: never promise it opens
        for opens, _closes in sessions:
            if opens > now:
                return OpenState("closed", _opening_phrase(opens, now), next_open=opens)
    return OpenState("closed", gettext("Closed: call to check when it opens"))


def describe_sessions(hours):
    """Weekly hours as lines of plain text, e.g. "Monday: 9:30am to 4pm"."""
    if not hours.confirmed:
        return [str(HOURS_NOT_CONFIRMED), gettext("The sources we found give different hours.")]
    if hours.always_open:
        return [gettext("24 hours a day, every day")]
    if not hours.sessions:
        return [str(HOURS_NOT_KNOWN)]
    lines = []
    for weekday in range(7):
        spans = [s for s in hours.sessions if s.weekday == weekday]
        if spans:
            text = ", ".join(
                gettext("{opens} to {closes}").format(
                    opens=local_time(s.opens), closes=local_time(s.closes)
                )
                for s in sorted(spans, key=lambda s: s.opens)
            )
        else:
            text = gettext("closed")
        lines.append(gettext("{day}: {hours}").format(day=_day_name(weekday), hours=text))
    if hours.bank_holidays == BANK_HOLIDAY_CLOSED:
        lines.append(gettext("Bank holidays (public holidays): closed"))
    elif hours.bank_holidays == BANK_HOLIDAY_UNKNOWN:
        lines.append(gettext("Bank holidays (public holidays): not known, call to check"))
    return lines
