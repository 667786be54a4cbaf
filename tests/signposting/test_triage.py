"""The help-finder rules, checked for every combination of answers (2*2*4*4*3*3*2 = 1,152)."""

import datetime as dt
import itertools

import pytest

from signposting.opening import LONDON, Hours, Session
from signposting.triage import (
    AGES,
    AREAS,
    FOR_WHOM,
    GENDERS,
    RELATIONSHIPS,
    SUPPORT,
    Situation,
    recommend,
)
from tests.signposting.factories import make_entry

# The database is only used once, to build the starter entries; the mark makes
# pytest-django create the test database before that session fixture runs.
pytestmark = pytest.mark.django_db

EVERY_SITUATION = [
    Situation(*answers)
    for answers in itertools.product(
        (True, False), (True, False), RELATIONSHIPS, GENDERS, AGES, AREAS, FOR_WHOM
    )
]
# A weekday when the weekday lines are open, and a Saturday night when they are not.
MOMENTS = [
    dt.datetime(2026, 11, 24, 11, 0, tzinfo=LONDON),
    dt.datetime(2026, 11, 28, 23, 30, tzinfo=LONDON),
]
WOMEN_LOCAL, MEN_LOCAL = "juno-womens-aid", "equation-mens-line"
ADVOCACY = "notts-stalking-advocacy"
NO_VOICE_ROUTES = ("silent-solution", "emergency-sms", "relay-uk")


def _slugs(recommendations):
    return [r.slug for r in recommendations]


def test_the_table_covers_every_combination():
    assert len(EVERY_SITUATION) == 1152


@pytest.mark.parametrize("now", MOMENTS, ids=["weekday", "saturday-night"])
@pytest.mark.parametrize(
    "situation", EVERY_SITUATION, ids=lambda s: "-".join(map(str, vars(s).values()))
)
def test_rule_table_invariants(situation, now, starter_entries):
    recommendations = recommend(situation, starter_entries, now)
    slugs = _slugs(recommendations)

    assert recommendations, "never empty"
    assert len(slugs) == len(set(slugs)), "no service twice"
    assert "national-stalking-helpline" in slugs
    for r in recommendations:
        assert r.channels, f"{r.slug} has no channel a person can use"
        assert r.reason and r.state.text

    if situation.danger:
        assert slugs[:2] == ["emergency-999", "silent-solution"]
        assert "police-101" not in slugs and "notts-police-online" not in slugs
    else:
        assert "emergency-999" not in slugs
        assert {"police-101", "crimestoppers"} <= set(slugs)
        assert ("notts-police-online" in slugs) == (situation.area != "elsewhere")

    if not situation.can_talk:
        first_support = min(i for i, r in enumerate(recommendations) if r.group == SUPPORT)
        for route in NO_VOICE_ROUTES:
            assert slugs.index(route) < first_support

    if situation.area == "elsewhere":
        assert not [r.slug for r in recommendations if r.entry.is_local]
    if situation.area == "unsure":
        for group in {r.group for r in recommendations}:
            locals_seen = False
            for r in (r for r in recommendations if r.group == group):
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

    assert ("childline" in slugs) == situation.young


@pytest.mark.parametrize("situation", [s for s in EVERY_SITUATION if s.for_whom == "me"][::7])
def test_helpers_get_the_same_services_worded_for_a_helper(situation, starter_entries):
    now = MOMENTS[0]
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
        age="18_plus",
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
        # A man stalked by his ex: Equation, then the Men's Advice Line.
        (
            dict(relationship="partner", gender="man"),
            ["equation-mens-line", "mens-advice-line", "national-stalking-helpline"],
        ),
        # A woman stalked by a colleague in Nottinghamshire: the advocacy service.
        (dict(relationship="known"), [ADVOCACY, "national-stalking-helpline"]),
        # In danger and cannot talk: 999 and the Silent Solution, then text routes.
        (
            dict(danger=True, can_talk=False),
            ["emergency-999", "silent-solution", "emergency-sms", "relay-uk", "bsl-999"],
        ),
        # A 15-year-old: Childline first.
        (dict(age="under_16"), ["childline", "national-stalking-helpline"]),
        # Someone elsewhere in the UK, by a stranger: the national helpline.
        (dict(area="elsewhere"), ["national-stalking-helpline"]),
        # Non-binary, by an ex: Galop first, then the local lines with who they are for.
        (
            dict(relationship="partner", gender="other"),
            ["galop", "juno-womens-aid", "equation-mens-line"],
        ),
    ],
)
def test_common_situations(answers, first, starter_entries):
    tuesday_morning = MOMENTS[0]
    slugs = _slugs(recommend(_situation(**answers), starter_entries, tuesday_morning))
    assert slugs[: len(first)] == first


def test_gendered_lines_say_who_they_are_for_when_gender_is_not_given(starter_entries):
    recs = recommend(
        _situation(relationship="partner", gender="prefer_not"), starter_entries, MOMENTS[0]
    )
    notes = {r.slug: r.notes for r in recs}
    assert "This line is for women." in notes["juno-womens-aid"]
    assert "This line is for men." in notes["equation-mens-line"]


def test_a_young_person_gets_wording_for_them(starter_entries):
    recs = recommend(_situation(age="16_17"), starter_entries, MOMENTS[0])
    childline = next(r for r in recs if r.slug == "childline")
    assert childline.reason.startswith("You can talk to Childline")


def test_when_the_best_line_is_closed_an_open_one_is_lifted_above_it(starter_entries):
    saturday = MOMENTS[1]
    recs = recommend(_situation(area="elsewhere"), starter_entries, saturday)
    slugs = _slugs(recs)
    assert slugs.index("victim-support") < slugs.index("national-stalking-helpline")
    helpline = recs[slugs.index("national-stalking-helpline")]
    assert helpline.state.text == "Closed, opens Monday at 9:30am"
    assert "while National Stalking Helpline is closed" in recs[0].notes[0]


def test_an_open_best_line_stays_first(starter_entries):
    recs = recommend(_situation(area="elsewhere"), starter_entries, MOMENTS[0])
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
    recs = recommend(_situation(can_talk=False), starter_entries, MOMENTS[0])
    victim_support = next(r for r in recs if r.slug == "victim-support")
    assert victim_support.channels[0].kind == "chat"


def test_a_temporarily_closed_support_line_is_left_out():
    directory = [
        make_entry("national-stalking-helpline"),
        make_entry("victim-support", hours=Hours(always_open=True, temporarily_closed=True)),
    ]
    assert "victim-support" not in _slugs(recommend(_situation(), directory, MOMENTS[0]))


def test_missing_services_are_skipped_not_fatal():
    assert _slugs(
        recommend(_situation(), [make_entry("national-stalking-helpline")], MOMENTS[0])
    ) == ["national-stalking-helpline"]


@pytest.mark.parametrize(
    "bad",
    [
        dict(relationship="boss"),
        dict(gender=""),
        dict(age="18"),
        dict(area="leeds"),
        dict(for_whom="them"),
        dict(danger="yes"),
    ],
)
def test_a_situation_rejects_unknown_answers(bad):
    with pytest.raises(ValueError):
        _situation(**bad)
