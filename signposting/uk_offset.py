"""The UK's offset from UTC at a moment, and the dates it holds for, for HSDS schedules.

Opening times are kept as UK wall-clock times (09:30 is 09:30 in winter and in summer).
HSDS writes a time with a fixed offset from UTC (`opens_at` "09:30+01:00", `timezone` 1)
and has no way to name a zone with summer time, so a schedule is true for one stretch
between clock changes: GMT (+00:00) from late October, BST (+01:00) from late March.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# Clock changes are at least five months apart; a year either way always finds one.
_SEARCH_DAYS = 370


@dataclass(frozen=True)
class OffsetPeriod:
    hours: int  # 0 (GMT) or 1 (BST)
    began: dt.datetime  # the clock change that started it, in UTC
    ends: dt.datetime  # the next clock change, in UTC

    @property
    def suffix(self):
        return f"+{self.hours:02d}:00"

    @property
    def valid_from(self):
        """The first whole day on this offset (the Sunday the clocks changed)."""
        return self.began.astimezone(LONDON).date()

    @property
    def valid_to(self):
        """The last whole day on this offset (the Saturday before the clocks change)."""
        return self.ends.astimezone(LONDON).date() - dt.timedelta(days=1)


def _offset(moment):
    return moment.astimezone(LONDON).utcoffset()


def _change_between(start, end):
    """The moment the offset changes in (start, end], to the second, by halving."""
    while end - start > dt.timedelta(seconds=1):
        middle = start + (end - start) / 2
        if _offset(middle) == _offset(start):
            start = middle
        else:
            end = middle
    return end.replace(microsecond=0)


def _next_change(moment, step):
    current = _offset(moment)
    for days in range(1, _SEARCH_DAYS):
        probe = moment + step * days
        if _offset(probe) != current:
            previous = probe - step
            return _change_between(*sorted((previous, probe)))
    raise ValueError("Europe/London has no clock change within a year")  # pragma: no cover


def offset_period(now):
    """The UK offset in force at `now` (aware) and the clock changes either side of it."""
    now = now.astimezone(dt.UTC)
    began = _next_change(now, -dt.timedelta(days=1))
    ends = _next_change(now, dt.timedelta(days=1))
    hours = int(_offset(now).total_seconds() // 3600)
    return OffsetPeriod(hours=hours, began=began, ends=ends)
