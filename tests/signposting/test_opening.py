"""Opening state at a moment: weekdays, weekends, bank holidays, midnight and clock changes."""

import datetime as dt

import pytest

from signposting.opening import (
    HOURS_NOT_KNOWN,
    LONDON,
    DatedException,
    Hours,
    Session,
    describe_sessions,
    format_time,
    open_state,
)

# The National Stalking Helpline's recorded hours: weekdays 9:30-4, Wednesday from 1pm.
HELPLINE = Hours(
    sessions=tuple(Session(day, dt.time(9, 30), dt.time(16)) for day in (0, 1, 3, 4))
    + (Session(2, dt.time(13), dt.time(16)),),
    bank_holidays="closed",
)
LATE_LINE = Hours(sessions=(Session(4, dt.time(18), dt.time(0)),), bank_holidays="open")


def london(*args):
    return dt.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (london(2026, 11, 23, 10, 0), "Open now until 4pm"),  # Monday morning
        (london(2026, 11, 23, 9, 29), "Closed, opens today at 9:30am"),
        (london(2026, 11, 23, 16, 0), "Closed, opens tomorrow at 9:30am"),
        (london(2026, 11, 24, 17, 0), "Closed, opens tomorrow at 1pm"),  # Tuesday evening
        (london(2026, 11, 25, 11, 0), "Closed, opens today at 1pm"),  # Wednesday late start
        (london(2026, 11, 27, 16, 30), "Closed, opens Monday at 9:30am"),  # Friday after close
        (london(2026, 11, 28, 12, 0), "Closed, opens Monday at 9:30am"),  # Saturday
        (london(2026, 11, 29, 23, 59), "Closed, opens tomorrow at 9:30am"),  # Sunday night
        (london(2026, 11, 30, 0, 0), "Closed, opens today at 9:30am"),  # midnight
    ],
)
def test_weekly_hours_give_the_state_at_each_moment(moment, text):
    assert open_state(HELPLINE, moment).text == text


def test_a_bank_holiday_closes_a_line_that_closes_on_bank_holidays():
    easter_monday = london(2026, 4, 6, 11, 0)
    state = open_state(HELPLINE, easter_monday)
    assert state.kind == "closed"
    assert state.text == "Closed, opens tomorrow at 9:30am"


def test_christmas_and_boxing_day_substitute_are_skipped():
    # 25 Dec 2026 is a Friday; Boxing Day's substitute holiday is Monday 28th.
    state = open_state(HELPLINE, london(2026, 12, 24, 17, 0))
    assert state.text == "Closed, opens Tuesday at 9:30am"


def test_an_unknown_bank_holiday_rule_is_never_guessed():
    hours = Hours(sessions=HELPLINE.sessions, bank_holidays="unknown")
    state = open_state(hours, london(2026, 5, 25, 11, 0))  # Spring bank holiday
    assert state.kind == "unknown"
    assert "call to check" in state.text


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (london(2026, 11, 27, 23, 59), "Open now until midnight"),
        (london(2026, 11, 28, 0, 0), "Closed, opens Friday at 6pm"),
    ],
)
def test_a_line_open_until_midnight(moment, text):
    assert open_state(LATE_LINE, moment).text == text


@pytest.mark.parametrize(
    "moment",
    [
        # Clocks go forward at 1am GMT on Sunday 29 March 2026, back at 2am BST on 25 October.
        dt.datetime(2026, 3, 30, 8, 45, tzinfo=dt.UTC),  # 9:45 BST
        dt.datetime(2026, 10, 26, 9, 45, tzinfo=dt.UTC),  # 9:45 GMT
    ],
)
def test_hours_are_london_wall_clock_after_either_clock_change(moment):
    assert open_state(HELPLINE, moment).text == "Open now until 4pm"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (
            dt.datetime(2026, 3, 30, 8, 15, tzinfo=dt.UTC),
            "Closed, opens today at 9:30am",
        ),  # 9:15 BST
        (
            dt.datetime(2026, 10, 26, 9, 15, tzinfo=dt.UTC),
            "Closed, opens today at 9:30am",
        ),  # 9:15 GMT
        (dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC), "Closed, opens tomorrow at 9:30am"),
        (dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC), "Closed, opens tomorrow at 9:30am"),
    ],
)
def test_the_clock_change_nights_do_not_confuse_the_next_opening(moment, text):
    assert open_state(HELPLINE, moment).text == text


def test_a_24_hour_service_says_so():
    assert open_state(Hours(always_open=True), london(2026, 12, 25, 3, 0)).text == "24 hours"


def test_unknown_hours_tell_the_visitor_to_call_to_check():
    state = open_state(Hours(), london(2026, 11, 23, 10, 0))
    assert (state.kind, state.text) == ("unknown", HOURS_NOT_KNOWN)


def test_a_temporarily_closed_service_is_closed_even_if_24_hours():
    state = open_state(Hours(always_open=True, temporarily_closed=True), london(2026, 1, 5, 9))
    assert state.text == "Temporarily closed"


def test_a_dated_exception_closes_a_normal_day():
    hours = Hours(sessions=HELPLINE.sessions, exceptions=(DatedException(dt.date(2026, 11, 23)),))
    assert open_state(hours, london(2026, 11, 23, 10)).text == "Closed, opens tomorrow at 9:30am"


def test_a_dated_exception_can_give_special_hours():
    special = DatedException(
        dt.date(2026, 11, 28), closed=False, opens=dt.time(10), closes=dt.time(12)
    )
    hours = Hours(sessions=HELPLINE.sessions, exceptions=(special,))
    assert open_state(hours, london(2026, 11, 28, 11)).text == "Open now until midday"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.time(9, 30), "9:30am"),
        (dt.time(16), "4pm"),
        (dt.time(12), "midday"),
        (dt.time(0), "midnight"),
        (dt.time(20, 30), "8:30pm"),
    ],
)
def test_times_are_written_the_gov_uk_way(value, text):
    assert format_time(value) == text


@pytest.mark.parametrize(
    "moment",
    [london(2026, 11, 23, 10, 0), london(2026, 11, 23, 3, 0), london(2026, 12, 25, 12, 0)],
)
def test_hours_not_confirmed_are_never_open_or_closed(moment):
    doubtful = Hours(sessions=HELPLINE.sessions, bank_holidays="closed", confirmed=False)
    state = open_state(doubtful, moment)
    assert state.text == "Opening hours not confirmed: call to check"
    assert not state.is_open and not state.is_closed
    assert describe_sessions(doubtful)[0] == "Opening hours not confirmed: call to check"
    assert "Monday: 9:30am to 4pm" not in describe_sessions(doubtful)


def test_weekly_hours_are_described_day_by_day():
    lines = describe_sessions(HELPLINE)
    assert lines[0] == "Monday: 9:30am to 4pm"
    assert lines[2] == "Wednesday: 1pm to 4pm"
    assert lines[5] == "Saturday: closed"
    assert lines[-1] == "Bank holidays (public holidays): closed"
