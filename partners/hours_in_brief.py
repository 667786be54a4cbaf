"""Opening hours in one short sentence, for paper where a weekly table will not fit."""

from signposting.opening import (
    BANK_HOLIDAY_CLOSED,
    BANK_HOLIDAY_OPEN,
    DAY_NAMES,
    HOURS_NOT_CONFIRMED,
    HOURS_NOT_KNOWN,
    format_time,
)


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _runs(days):
    """[0, 1, 2, 3, 4] -> [(0, 4)]; [0, 1, 3, 4] -> [(0, 1), (3, 4)]."""
    runs = []
    for day in days:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _days_phrase(days):
    parts = []
    for first, last in _runs(days):
        if last - first >= 2:
            parts.append(f"{DAY_NAMES[first]} to {DAY_NAMES[last]}")
        else:
            parts.extend(DAY_NAMES[first : last + 1])
    return _join(parts)


def hours_in_brief(hours):
    """e.g. "Monday to Friday 9:30am to 4pm. Closed on bank holidays (public holidays)."

    Never a guess.
    """
    if hours.temporarily_closed:
        return "Temporarily closed."
    if not hours.confirmed:
        return HOURS_NOT_CONFIRMED + "."
    if hours.always_open:
        return "24 hours a day, every day."
    if not hours.sessions:
        return HOURS_NOT_KNOWN + "."
    days_by_spans = {}
    for weekday in range(7):
        spans = tuple(sorted((s.opens, s.closes) for s in hours.sessions if s.weekday == weekday))
        if spans:
            days_by_spans.setdefault(spans, []).append(weekday)
    sentences = [
        _days_phrase(days)
        + " "
        + ", ".join(f"{format_time(opens)} to {format_time(closes)}" for opens, closes in spans)
        + "."
        for spans, days in days_by_spans.items()
    ]
    if hours.bank_holidays == BANK_HOLIDAY_CLOSED:
        sentences.append("Closed on bank holidays (public holidays).")
    elif hours.bank_holidays != BANK_HOLIDAY_OPEN:
        sentences.append("Bank holidays (public holidays): call to check.")
    return " ".join(sentences)
