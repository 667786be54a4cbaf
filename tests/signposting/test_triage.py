"""The help-finder rules, checked for every combination of answers (2*2*2*4*4*5*3*2 = 3,840),
each at several moments: a weekday morning, a Saturday night, 3am, and a bank holiday."""

import datetime as dt
import itertools
import re

import pytest

from signposting import entries
from signposting.opening import LONDON, Hours, Session
from signposting.triage import (
    AGES,
    AREAS,
    EMERGENCY,
    FOR_WHOM,
    GENDERS,
    RELATIONSHIPS,
    SUPPORT,
    TEXT_AND_SIGN_ROUTES,
    Situation,
    is_eligible,
    recommend,
)
from tests.signposting.factories import make_entry

# The database is only used once, to build the starter entries; the mark makes
# pytest-django create the test database before that session fixture runs.
pytestmark = pytest.mark.django_db

EVERY_SITUATION = [
    Situation(
        danger=danger,
        can_talk=can_talk,
        can_speak_and_hear=can_speak_and_hear,
        relationship=relationship,
        gender=gender,
        age=age,
        area=area,
        for_whom=for_whom,
    )
    for danger, can_talk, can_speak_and_hear, relationship, gender, age, area, for_whom in (
        itertools.product(
            (True, False),
            (True, False),
            (True, False),
            RELATIONSHIPS,
            GENDERS,
            AGES,
            AREAS,
            FOR_WHOM,
        )
    )
]
MOMENTS = {
    "weekday": dt.datetime(2026, 11, 24, 11, 0, tzinfo=LONDON),  # the weekday lines are open
    "saturday-night": dt.datetime(2026, 11, 28, 23, 30, tzinfo=LONDON),
    "3am": dt.datetime(2026, 11, 24, 3, 0, tzinfo=LONDON),
    "christmas-day": dt.datetime(2026, 12, 25, 12, 0, tzinfo=LONDON),
}
TUESDAY_MORNING = MOMENTS["weekday"]
WOMEN_LOCAL, MEN_LOCAL = "juno-womens-aid", "equation-mens-line"
ADVOCACY = "notts-stalking-advocacy"
NO_VOICE_ROUTES = ("silent-solution", "emergency-sms", "relay-uk")
THEY = re.compile(r"\b(they|them|their)\b", re.IGNORECASE)


def _slugs(recommendations):
    return [r.slug for r in recommendations]


def test_the_table_covers_every_combination():
    assert len(EVERY_SITUATION) == 3840 == len(set(EVERY_SITUATION))


def _check_order(situation, recommendations):
    """Checked lines lead unchecked ones in each group; an open line leads the support group."""
    for group in dict.fromkeys(r.group for r in recommendations):
        checked = [r.entry.verified for r in recommendations if r.group == group]
        assert checked == sorted(checked, reverse=True), f"unverified above verified in {group}"
    support = [r for r in recommendations if r.group == SUPPORT]
    if support and not support[0].state.is_open:
        # Nothing could have been lifted: no checked support line is open now.
        assert not [r for r in support if r.state.is_open and r.entry.verified]
    if support and any(note.startswith("Open now") for note in support[0].notes):
        assert not support[1].state.is_open, "lifted only above a line not known to be open"


def _check_voice(situation, recommendations):
    slugs = _slugs(recommendations)
    if not situation.voice_call_ok:
        first_support = min(i for i, r in enumerate(recommendations) if r.group == SUPPORT)
        for route in NO_VOICE_ROUTES:
            assert slugs.index(route) < first_support
        for r in recommendations:
            kinds = [c.kind in entries.SILENT_KINDS for c in r.channels]
            assert kinds == sorted(kinds, reverse=True), f"{r.slug}: text routes lead voice"
    if not situation.can_speak_and_hear:
        assert set(TEXT_AND_SIGN_ROUTES) <= {r.entry.role for r in recommendations}
        if situation.danger:
            emergency = [r.entry.role for r in recommendations if r.group == EMERGENCY]
            assert set(TEXT_AND_SIGN_ROUTES) <= set(emergency), "deaf routes to 999 come at once"
        assert ("notts-police-signvideo" in slugs) == (
            not situation.danger and situation.area != "elsewhere"
        )
    else:
        assert "notts-police-signvideo" not in slugs


def _check_reasons(situation, recommendations):
    for r in recommendations:
        if situation.for_whom == "me":
            assert not THEY.search(r.reason), f"{r.slug}: 'they' for the person themself"
        if not situation.domestic:
            assert "partner" not in r.reason and "family" not in r.reason, r.slug
        if situation.relationship == "family" and r.slug == "galop":
            assert "family" in r.reason and "ex-partner" not in r.reason


@pytest.mark.parametrize(
    "situation",
    EVERY_SITUATION,
    ids=lambda s: "-".join(map(str, vars(s).values())),
)
def test_rule_table_invariants(situation, starter_entries):
    by_slug = {entry.slug: entry for entry in starter_entries}
    for moment, now in MOMENTS.items():
        recommendations = recommend(situation, starter_entries, now)
        try:
            _check_situation(situation, recommendations, by_slug)
            _check_order(situation, recommendations)
            _check_voice(situation, recommendations)
            _check_reasons(situation, recommendations)
        except AssertionError as error:
            raise AssertionError(f"at {moment}: {error}") from error


def _check_situation(situation, recommendations, by_slug):
    slugs = _slugs(recommendations)

    assert recommendations, "never empty"
    assert len(slugs) == len(set(slugs)), "no service twice"
    assert "national-stalking-helpline" in slugs
    for r in recommendations:
        assert r.channels, f"{r.slug} has no channel a person can use"
        assert r.reason and r.state.text
        # Every route the service gives is kept (text, chat, email, BSL), except the
        # other gender's line.
        other = {"woman": entries.MEN, "man": entries.WOMEN}.get(situation.gender)
        assert set(r.channels) == {c for c in r.entry.channels if c.for_gender != other}

    if situation.danger:
        assert slugs[:2] == ["emergency-999", "silent-solution"]
        assert "police-101" not in slugs and "notts-police-online" not in slugs
    else:
        assert "emergency-999" not in slugs
        assert {"police-101", "crimestoppers"} <= set(slugs)
        assert ("notts-police-online" in slugs) == (situation.area != "elsewhere")

    if situation.area == "elsewhere":
        assert not [r.slug for r in recommendations if r.entry.is_local]
    if situation.area == "unsure":
        for group in {r.group for r in recommendations}:
            locals_seen = False
            members = [r for r in recommendations if r.group == group]
            for r in (r for r in members if r.entry.verified):
                locals_seen = locals_seen or r.entry.is_local
                assert r.entry.is_local or not locals_seen, "national lines come first"
        for r in recommendations:
            if r.entry.is_local:
                assert any("Nottingham" in note for note in r.notes)

    local_ok = situation.area != "elsewhere"
    if situation.domestic:
        assert ADVOCACY not in slugs
        if situation.gender == "woman":
            assert "national-domestic-abuse-helpline" in slugs
            assert (WOMEN_LOCAL in slugs) == local_ok
            assert MEN_LOCAL not in slugs and "mens-advice-line" not in slugs
        elif situation.gender == "man":
            assert "mens-advice-line" in slugs
            assert (MEN_LOCAL in slugs) == local_ok
            assert WOMEN_LOCAL not in slugs and "national-domestic-abuse-helpline" not in slugs
        else:
            assert "galop" in slugs
            assert (WOMEN_LOCAL in slugs and MEN_LOCAL in slugs) == local_ok
    else:
        for domestic_only in (
            WOMEN_LOCAL,
            MEN_LOCAL,
            "mens-advice-line",
            "galop" if situation.gender != "other" else "",
        ):
            assert domestic_only not in slugs
        expect_advocacy = local_ok and situation.age != "under_16"
        assert (ADVOCACY in slugs) == expect_advocacy
        if expect_advocacy:
            advocacy = recommendations[slugs.index(ADVOCACY)]
            lines = {c.label for c in advocacy.channels}
            expected = {
                "woman": {"Women's line"},
                "man": {"Men's line"},
            }.get(situation.gender, {"Women's line", "Men's line"})
            assert lines == expected

    # Childline's own age rule in the directory decides: an 18-year-old finds it.
    childline = by_slug["childline"]
    assert ("childline" in slugs) == is_eligible(childline, situation)
    assert ("childline" in slugs) == (situation.age != "19_plus")
    if situation.age == "prefer_not":
        notes = recommendations[slugs.index("childline")].notes
        assert "For people aged 18 or under." in notes
        support = [r.slug for r in recommendations if r.group == SUPPORT]
        assert support[0] != "childline", "an unknown age is not sent to Childline first"


@pytest.mark.parametrize("situation", [s for s in EVERY_SITUATION if s.for_whom == "me"][::7])
def test_helpers_get_the_same_services_worded_for_a_helper(situation, starter_entries):
    now = TUESDAY_MORNING
    helper = Situation(**{**vars(situation), "for_whom": "someone_else"})
    mine = recommend(situation, starter_entries, now)
    theirs = recommend(helper, starter_entries, now)
    assert _slugs(mine) == _slugs(theirs)
    assert [r.reason for r in mine] != [r.reason for r in theirs]


def _situation(**answers):
    base = dict(
        danger=False,
        can_talk=True,
        relationship="stranger",
        gender="woman",
        age="19_plus",
        area="notts",
        for_whom="me",
    )
    return Situation(**{**base, **answers})


@pytest.mark.parametrize(
    ("answers", "first"),
    [
        # A woman stalked by her ex in Nottinghamshire: Juno's 24-hour line leads.
        (
            dict(relationship="partner"),
            ["juno-womens-aid", "national-domestic-abuse-helpline", "national-stalking-helpline"],
        ),
        # A man stalked by his ex: the checked lines first, then Equation and the Men's
        # Advice Line, which we are still checking.
        (
            dict(relationship="partner", gender="man"),
            [
                "national-stalking-helpline",
                "notts-victim-care",
                "victim-support",
                "equation-mens-line",
                "mens-advice-line",
            ],
        ),
        # A woman stalked by a colleague in Nottinghamshire: the checked lines, then the
        # advocacy service, whose contract may have ended.
        (
            dict(relationship="known"),
            ["national-stalking-helpline", "notts-victim-care", "victim-support", ADVOCACY],
        ),
        # In danger and cannot talk: 999 and the Silent Solution, then text routes.
        (
            dict(danger=True, can_talk=False),
            ["emergency-999", "silent-solution", "emergency-sms", "relay-uk", "bsl-999"],
        ),
        # A 15-year-old: Childline first.
        (dict(age="under_16"), ["childline", "national-stalking-helpline"]),
        # Someone elsewhere in the UK, by a stranger: the national helpline.
        (dict(area="elsewhere"), ["national-stalking-helpline"]),
        # Non-binary, by an ex: Galop's hours are not confirmed, so Juno's 24-hour line
        # is lifted above it; Equation, still being checked, comes after the checked lines.
        (
            dict(relationship="partner", gender="other"),
            ["juno-womens-aid", "galop", "national-domestic-abuse-helpline"],
        ),
        # An 18-year-old can find Childline.
        (dict(age="18", area="elsewhere"), ["national-stalking-helpline", "childline"]),
        # Deaf and in danger, though it is safe to talk: the text, relay and BSL routes
        # to 999 come straight after 999 and the Silent Solution.
        (
            dict(danger=True, can_speak_and_hear=False),
            ["emergency-999", "silent-solution", "emergency-sms", "relay-uk", "bsl-999"],
        ),
    ],
)
def test_common_situations(answers, first, starter_entries):
    slugs = _slugs(recommend(_situation(**answers), starter_entries, TUESDAY_MORNING))
    assert slugs[: len(first)] == first


def test_a_man_stalked_by_a_colleague_at_3am_meets_the_24_hour_line_first(starter_entries):
    recs = recommend(
        _situation(relationship="known", gender="man"), starter_entries, MOMENTS["3am"]
    )
    support = [r for r in recs if r.group == SUPPORT]
    assert support[0].slug == "victim-support" and support[0].state.text == "24 hours"
    assert support[0].notes[0] == "Open now, while National Stalking Helpline is closed."


def test_a_line_whose_hours_are_not_known_gives_way_to_an_open_one():
    directory = [
        make_entry("national-stalking-helpline", hours=Hours()),
        make_entry("victim-support"),
    ]
    recs = recommend(_situation(area="elsewhere"), directory, TUESDAY_MORNING)
    assert _slugs(recs)[:2] == ["victim-support", "national-stalking-helpline"]
    assert recs[0].notes[0] == (
        "Open now. We do not know if National Stalking Helpline is open at this time."
    )


def test_hours_not_confirmed_are_never_open_or_closed_and_give_way():
    doubtful = Hours(sessions=(Session(1, dt.time(9), dt.time(17)),), confirmed=False)
    directory = [
        make_entry("national-stalking-helpline", hours=doubtful),
        make_entry("victim-support"),
    ]
    recs = recommend(_situation(area="elsewhere"), directory, TUESDAY_MORNING)
    helpline = recs[_slugs(recs).index("national-stalking-helpline")]
    assert helpline.state.text == "Opening hours not confirmed: call to check"
    assert not helpline.state.is_open and not helpline.state.is_closed
    assert recs[0].slug == "victim-support"


def test_a_line_still_being_checked_ranks_below_a_checked_one_but_stays():
    directory = [
        make_entry("notts-stalking-advocacy", area="notts", verified=False),
        make_entry("national-stalking-helpline"),
        make_entry("victim-support"),
    ]
    slugs = _slugs(recommend(_situation(relationship="known"), directory, TUESDAY_MORNING))
    assert slugs[:3] == ["national-stalking-helpline", "victim-support", ADVOCACY]


def test_a_line_still_being_checked_is_never_lifted_above_a_checked_one():
    closed_now = Hours(sessions=(Session(0, dt.time(9), dt.time(17)),), bank_holidays="open")
    directory = [
        make_entry("national-stalking-helpline", hours=closed_now),
        make_entry("notts-victim-care", area="notts", verified=False),
    ]
    slugs = _slugs(recommend(_situation(), directory, TUESDAY_MORNING))
    assert slugs[:2] == ["national-stalking-helpline", "notts-victim-care"]


def test_an_unknown_age_keeps_every_line_and_says_who_each_is_for(starter_entries):
    recs = recommend(
        _situation(age="prefer_not", relationship="known"), starter_entries, TUESDAY_MORNING
    )
    notes = {r.slug: r.notes for r in recs}
    assert "For people aged 16 or over." in notes[ADVOCACY]
    assert "For people aged 18 or under." in notes["childline"]


@pytest.mark.parametrize("relationship", ["stranger", "known"])
def test_galops_reason_fits_stalking_by_someone_who_is_not_a_partner(relationship, starter_entries):
    recs = recommend(
        _situation(relationship=relationship, gender="other"), starter_entries, TUESDAY_MORNING
    )
    galop = next(r for r in recs if r.slug == "galop")
    assert "partner" not in galop.reason


def test_a_deaf_person_sees_each_services_own_text_and_sign_routes_first(starter_entries):
    recs = recommend(
        _situation(relationship="partner", can_speak_and_hear=False),
        starter_entries,
        TUESDAY_MORNING,
    )
    helpline = next(r for r in recs if r.slug == "national-domestic-abuse-helpline")
    assert helpline.channels[0].kind == "web"
    assert "British Sign Language" in " ".join(c.label for c in helpline.channels)
    assert "notts-police-signvideo" in _slugs(recs)
    silent = next(r for r in recs if r.slug == "silent-solution")
    assert silent.reason.startswith("If it becomes an emergency and you can hear but cannot speak")


def test_gendered_lines_say_who_they_are_for_when_gender_is_not_given(starter_entries):
    recs = recommend(
        _situation(relationship="partner", gender="prefer_not"), starter_entries, TUESDAY_MORNING
    )
    notes = {r.slug: r.notes for r in recs}
    assert "This line is for women." in notes["juno-womens-aid"]
    assert "This line is for men." in notes["equation-mens-line"]


def test_a_young_person_gets_wording_for_them(starter_entries):
    recs = recommend(_situation(age="16_17"), starter_entries, TUESDAY_MORNING)
    childline = next(r for r in recs if r.slug == "childline")
    assert childline.reason.startswith("You can talk to Childline")


def test_when_the_best_line_is_closed_an_open_one_is_lifted_above_it(starter_entries):
    saturday = MOMENTS["saturday-night"]
    recs = recommend(_situation(area="elsewhere"), starter_entries, saturday)
    slugs = _slugs(recs)
    assert slugs.index("victim-support") < slugs.index("national-stalking-helpline")
    helpline = recs[slugs.index("national-stalking-helpline")]
    assert helpline.state.text == "Closed, opens Monday at 9:30am"
    assert "while National Stalking Helpline is closed" in recs[0].notes[0]


def test_an_open_best_line_stays_first(starter_entries):
    recs = recommend(_situation(area="elsewhere"), starter_entries, TUESDAY_MORNING)
    assert recs[0].slug == "national-stalking-helpline"
    assert recs[0].state.text == "Open now until 4pm"


def test_lifting_only_moves_open_lines_with_synthetic_entries():
    weekday = Hours(sessions=(Session(0, dt.time(9), dt.time(17)),), bank_holidays="open")
    directory = [
        make_entry("national-stalking-helpline", hours=weekday),
        make_entry("notts-victim-care", area="notts", hours=Hours()),
        make_entry("victim-support"),
        make_entry("police-101"),
        make_entry("crimestoppers"),
    ]
    sunday = dt.datetime(2026, 11, 29, 12, tzinfo=LONDON)
    slugs = _slugs(recommend(_situation(), directory, sunday))
    # Victim CARE's hours are unknown, so it is not lifted; Victim Support is open.
    assert slugs[:3] == ["victim-support", "national-stalking-helpline", "notts-victim-care"]


def test_can_not_talk_puts_text_channels_before_voice(starter_entries):
    recs = recommend(_situation(can_talk=False), starter_entries, TUESDAY_MORNING)
    victim_support = next(r for r in recs if r.slug == "victim-support")
    assert victim_support.channels[0].kind == "chat"


def test_a_temporarily_closed_support_line_is_left_out():
    directory = [
        make_entry("national-stalking-helpline"),
        make_entry("victim-support", hours=Hours(always_open=True, temporarily_closed=True)),
    ]
    assert "victim-support" not in _slugs(recommend(_situation(), directory, TUESDAY_MORNING))


def test_missing_services_are_skipped_not_fatal():
    assert _slugs(
        recommend(_situation(), [make_entry("national-stalking-helpline")], TUESDAY_MORNING)
    ) == ["national-stalking-helpline"]


@pytest.mark.parametrize(
    "bad",
    [
        dict(relationship="boss"),
        dict(gender=""),
        dict(age="18_plus"),
        dict(area="leeds"),
        dict(for_whom="them"),
        dict(danger="yes"),
        dict(can_speak_and_hear="no"),
    ],
)
def test_a_situation_rejects_unknown_answers(bad):
    with pytest.raises(ValueError):
        _situation(**bad)
