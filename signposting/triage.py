"""The help-finder rules: a Situation, the directory and a moment in, ordered recommendations out.

A pure function. The caller passes the directory (plain Entry values) and
`now`; nothing here touches the database, the request or the clock, so every
combination of answers can be checked exhaustively in tests.

The order follows the routing summary in the project's fact base:
emergency first (with the text, relay and sign-language routes to 999 for a
person who cannot speak or hear on a call); silent and text routes before voice
lines when a person cannot talk; then the specialist line for who is doing it
(domestic abuse lines for a partner, ex or family member; the local stalking
advocacy service for anyone else); the National Stalking Helpline always; ways
to report; and general support last.

Within each group a line the directory has checked comes before one it is still
checking, and when the first support line is not known to be open now, the first
one that is open is lifted above it.
"""

from dataclasses import dataclass, field, replace

from . import entries
from .opening import open_state
from .reasons import NOTES, reason_for

# Answer values. The form, the JSON API and the tests all use these.
RELATIONSHIPS = ("partner", "family", "known", "stranger")
GENDERS = ("woman", "man", "other", "prefer_not")
# Bands split where the directory's age rules do: 16 (the advocacy service) and 19 (Childline).
AGES = ("under_16", "16_17", "18", "19_plus", "prefer_not")
AREAS = ("notts", "elsewhere", "unsure")
FOR_WHOM = ("me", "someone_else")

# Recommendation groups, in the order they are shown.
EMERGENCY = "emergency"
NO_VOICE = "no_voice"
SUPPORT = "support"
REPORT = "report"
WELLBEING = "wellbeing"

AGE_RANGES = {
    "under_16": (0, 15),
    "16_17": (16, 17),
    "18": (18, 18),
    "19_plus": (19, 200),
    "prefer_not": (0, 200),
}

# The ways to reach 999 without a voice call, in the order shown.
TEXT_AND_SIGN_ROUTES = ("emergency-sms", "relay-uk", "bsl-999")


@dataclass(frozen=True)
class Situation:
    danger: bool
    can_talk: bool  # safe to talk on the phone now
    relationship: str
    gender: str
    age: str
    area: str
    for_whom: str = "me"
    can_speak_and_hear: bool = True  # able to use a voice call at all (not Deaf, can speak)

    def __post_init__(self):
        for name, allowed in (
            ("relationship", RELATIONSHIPS),
            ("gender", GENDERS),
            ("age", AGES),
            ("area", AREAS),
            ("for_whom", FOR_WHOM),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}")
        for name in ("danger", "can_talk", "can_speak_and_hear"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be true or false")

    @property
    def domestic(self):
        return self.relationship in ("partner", "family")

    @property
    def voice_call_ok(self):
        return self.can_talk and self.can_speak_and_hear

    @property
    def helper(self):
        return self.for_whom == "someone_else"


@dataclass(frozen=True)
class Recommendation:
    entry: entries.Entry
    group: str
    reason: str
    state: object  # opening.OpenState
    channels: tuple[entries.Channel, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def slug(self):
        return self.entry.slug


@dataclass(frozen=True)
class _Pick:
    slug: str
    group: str
    reason_key: str = ""


def _support_picks(situation):
    """Specialist lines for who is doing it, best first."""
    if situation.domestic:
        by_gender = {
            "woman": ["juno-womens-aid", "national-domestic-abuse-helpline"],
            "man": ["equation-mens-line", "mens-advice-line"],
        }
        # Nobody is left without a line: Galop serves everyone LGBT+, and the
        # women's and men's lines are shown with who they are for.
        slugs = by_gender.get(situation.gender) or [
            "galop",
            "juno-womens-aid",
            "equation-mens-line",
            "national-domestic-abuse-helpline",
            "mens-advice-line",
        ]
        slugs = slugs + ["national-stalking-helpline"]
        if situation.relationship == "family":
            slugs.append("karma-nirvana")
    else:
        slugs = ["notts-stalking-advocacy", "national-stalking-helpline"]
        if situation.gender == "other":
            slugs.append("galop")
    # Childline is offered to every age band it can serve; its own age rule in the
    # directory (is_eligible) decides who that is.
    if situation.age == "under_16":
        slugs.insert(0, "childline")
    elif situation.age != "prefer_not":
        slugs.append("childline")
    if situation.danger:
        slugs.append("paladin")
    # The local and national victim services can stand in when a stalking line is closed.
    slugs += ["notts-victim-care", "victim-support"]
    if situation.age == "prefer_not":
        # Last, so that when the best line is closed an adult is not sent to Childline.
        slugs.append("childline")
    return [_Pick(slug, SUPPORT) for slug in slugs]


def _plan(situation):
    picks = []
    if situation.danger:
        picks += [_Pick("emergency-999", EMERGENCY), _Pick("silent-solution", EMERGENCY)]
        if not situation.can_speak_and_hear:
            # For a Deaf person, or one who cannot speak, these are the way to 999 itself.
            picks += [_Pick(slug, EMERGENCY) for slug in TEXT_AND_SIGN_ROUTES]
    if not situation.voice_call_ok:
        if not situation.danger:
            picks.append(_Pick("silent-solution", NO_VOICE, "silent-solution-later"))
        picks += [_Pick(slug, NO_VOICE) for slug in TEXT_AND_SIGN_ROUTES]
    picks += _support_picks(situation)
    if not situation.danger:
        if not situation.can_speak_and_hear:
            picks.append(_Pick("notts-police-signvideo", REPORT))
        picks += [_Pick("police-101", REPORT), _Pick("notts-police-online", REPORT)]
        picks.append(_Pick("crimestoppers", REPORT))
    picks.append(_Pick("samaritans", WELLBEING))
    return picks


def is_eligible(entry, situation):
    """Whether the service could take this person, as far as the directory knows."""
    if entry.is_local and situation.area == "elsewhere":
        return False
    low, high = AGE_RANGES[situation.age]
    if entry.min_age is not None and high < entry.min_age:
        return False
    if entry.max_age is not None and low > entry.max_age:
        return False
    if situation.gender == "woman" and entry.genders == entries.MEN:
        return False
    if situation.gender == "man" and entry.genders == entries.WOMEN:
        return False
    if entry.relationship == "domestic" and not situation.domestic:
        return False
    return not (entry.relationship == "non_domestic" and situation.domestic)


def _channels_for(entry, situation):
    wanted = {"woman": (entries.ANY, entries.WOMEN), "man": (entries.ANY, entries.MEN)}
    allowed = wanted.get(situation.gender)
    channels = [c for c in entry.channels if allowed is None or c.for_gender in allowed]
    if not situation.voice_call_ok:
        # Text, chat, email and video first; voice numbers still show (reachable by relay).
        channels.sort(key=lambda c: c.kind not in entries.SILENT_KINDS)
    return tuple(channels)


def _notes_for(entry, situation, channels):
    notes = []
    if situation.gender in ("other", "prefer_not"):
        if entry.genders == entries.WOMEN:
            notes.append(NOTES["for_women"])
        elif entry.genders == entries.MEN:
            notes.append(NOTES["for_men"])
        elif {c.for_gender for c in channels} >= {entries.WOMEN, entries.MEN}:
            notes.append(NOTES["both_lines"])
    if entry.is_local and situation.area == "unsure":
        notes.append(NOTES["local_unsure"])
    age_note = _age_note(entry, situation)
    if age_note:
        notes.append(age_note)
    return tuple(notes)


def _age_note(entry, situation):
    """Who the line is for by age, when the answer given does not settle it (e.g. not given)."""
    low, high = AGE_RANGES[situation.age]
    too_young = entry.min_age is not None and low < entry.min_age
    too_old = entry.max_age is not None and high > entry.max_age
    if not (too_young or too_old):
        return ""
    if entry.min_age is not None and entry.max_age is not None:
        return NOTES["ages_between"].format(low=entry.min_age, high=entry.max_age)
    if entry.min_age is not None:
        return NOTES["ages_from"].format(low=entry.min_age)
    return NOTES["ages_up_to"].format(high=entry.max_age)


def _checked_first(recommendations, situation):
    """Within each group, lines the directory has checked lead the ones it is still checking.

    An unchecked number may be wrong or the service may have ended, so it never ranks above
    a checked line for the same need. When a person is unsure where they live, national
    lines then lead the local ones. The emergency group keeps its order: 999 comes first.
    """
    unsure = situation.area == "unsure"
    ordered = []
    for group in dict.fromkeys(r.group for r in recommendations):
        members = [r for r in recommendations if r.group == group]
        if group != EMERGENCY:
            members.sort(key=lambda r: (not r.entry.verified, unsure and r.entry.is_local))
        ordered += members
    return ordered


def _lift_open_line(recommendations):
    """If the best support line is not known to be open now, lift the first open one above it.

    Closed, hours unknown and hours not confirmed all count as not known to be open: a
    person at 3am should meet a line that answers before two that may not.
    """
    support = [i for i, r in enumerate(recommendations) if r.group == SUPPORT]
    if not support or recommendations[support[0]].state.is_open:
        return recommendations
    best = recommendations[support[0]]
    for index in support[1:]:
        candidate = recommendations[index]
        # Never lift a line we are still checking above one we have checked.
        if candidate.state.is_open and (candidate.entry.verified or not best.entry.verified):
            key = "lifted" if best.state.is_closed else "lifted_not_known"
            note = NOTES[key].format(name=best.entry.name)
            lifted = replace(candidate, notes=(note, *candidate.notes))
            rest = [r for i, r in enumerate(recommendations) if i != index]
            rest.insert(support[0], lifted)
            return rest
    return recommendations


def recommend(situation, directory, now):
    """Ordered recommendations for a situation, from the directory, at an aware datetime."""
    by_slug = {entry.slug: entry for entry in directory}
    seen = set()
    recommendations = []
    for pick in _plan(situation):
        entry = by_slug.get(pick.slug)
        if entry is None or pick.slug in seen or not is_eligible(entry, situation):
            continue
        state = open_state(entry.hours, now)
        if state.kind == "suspended" and pick.group != EMERGENCY:
            continue
        channels = _channels_for(entry, situation)
        if not channels:
            continue
        seen.add(pick.slug)
        recommendations.append(
            Recommendation(
                entry=entry,
                group=pick.group,
                reason=reason_for(pick.reason_key or pick.slug, situation, entry),
                state=state,
                channels=channels,
                notes=_notes_for(entry, situation, channels),
            )
        )
    return _lift_open_line(_checked_first(recommendations, situation))
