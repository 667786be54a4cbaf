"""The help-finder rules: a Situation, the directory and a moment in, ordered recommendations out.

A pure function. The caller passes the directory (plain Entry values) and
`now`; nothing here touches the database, the request or the clock, so every
combination of answers can be checked exhaustively in tests.

The rules speak of roles (taxonomy.ROLE), and the directory says which service fills
each, so any police area's directory works with them. The order follows the routing
summary in the project's fact base: emergency first (with the text, relay and
sign-language routes to 999 for a person who cannot speak or hear on a call); silent
and text routes before voice lines when a person cannot talk; then the specialist line
for who is doing it (domestic abuse lines for a partner, ex or family member; the local
stalking advocacy service for anyone else); the stalking helpline always; ways to
report; and general support last.

Within each group a line the directory has checked comes before one it is still
checking, and when the first support line is not known to be open now, the first
one that is open is lifted above it.
"""

from dataclasses import dataclass, field, replace

from . import entries
from .opening import open_state
from .reasons import note, reason_for

# Answer values. The form, the JSON API and the tests all use these.
RELATIONSHIPS = ("partner", "family", "known", "stranger")
GENDERS = ("woman", "man", "other", "prefer_not")
# Bands split where the directory's age rules do: 16 (the advocacy service) and 19 (Childline).
AGES = ("under_16", "16_17", "18", "19_plus", "prefer_not")
# "notts": lives in the area this site serves (settings.AREA), whichever it is; the code
# stays as the site began, like entries.AREA_LOCAL.
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

# The ways to reach 999 without a voice call (taxonomy.ROLE codes), in the order shown.
TEXT_AND_SIGN_ROUTES = ("emergency_text", "text_relay", "bsl_emergency")


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
    roles: tuple[str, ...]  # taxonomy.ROLE codes; their services in _in_roles order
    group: str
    reason_key: str = ""  # the reason to give, when not the role's own


def _pick(group, *roles, reason_key=""):
    return _Pick(roles, group, reason_key)


def _support_picks(situation):
    """Specialist lines for who is doing it, best first."""
    if situation.domestic:
        by_gender = {
            "woman": [_pick(SUPPORT, "domestic_abuse_line_women")],
            "man": [_pick(SUPPORT, "domestic_abuse_line_men")],
        }
        # Nobody is left without a line: the LGBT+ line serves everyone LGBT+, and the
        # women's and men's lines are shown with who they are for.
        picks = by_gender.get(situation.gender) or [
            _pick(SUPPORT, "lgbt_abuse_line"),
            _pick(SUPPORT, "domestic_abuse_line_women", "domestic_abuse_line_men"),
        ]
        picks.append(_pick(SUPPORT, "stalking_helpline"))
        if situation.relationship == "family":
            picks.append(_pick(SUPPORT, "honour_based_abuse_line"))
    else:
        picks = [_pick(SUPPORT, "local_stalking_advocacy"), _pick(SUPPORT, "stalking_helpline")]
        if situation.gender == "other":
            picks.append(_pick(SUPPORT, "lgbt_abuse_line"))
    # The children's line is offered to every age band it can serve; its own age rule in
    # the directory (is_eligible) decides who that is.
    children = _pick(SUPPORT, "children_and_young_people_line")
    if situation.age == "under_16":
        picks.insert(0, children)
    elif situation.age != "prefer_not":
        picks.append(children)
    if situation.danger:
        picks.append(_pick(SUPPORT, "high_risk_stalking_advocacy"))
    # The local and national victim services can stand in when a stalking line is closed.
    picks.append(_pick(SUPPORT, "victim_support"))
    if situation.age == "prefer_not":
        # Last, so that when the best line is closed an adult is not sent to a children's line.
        picks.append(children)
    return picks


def _plan(situation):
    picks = []
    if situation.danger:
        picks += [_pick(EMERGENCY, "emergency_call"), _pick(EMERGENCY, "silent_emergency_call")]
        if not situation.can_speak_and_hear:
            # For a Deaf person, or one who cannot speak, these are the way to 999 itself.
            picks += [_pick(EMERGENCY, role) for role in TEXT_AND_SIGN_ROUTES]
    if not situation.voice_call_ok:
        if not situation.danger:
            picks.append(
                _pick(NO_VOICE, "silent_emergency_call", reason_key="silent_emergency_call_later")
            )
        picks += [_pick(NO_VOICE, role) for role in TEXT_AND_SIGN_ROUTES]
    picks += _support_picks(situation)
    if not situation.danger:
        if not situation.can_speak_and_hear:
            picks.append(_pick(REPORT, "police_bsl_video"))
        picks += [_pick(REPORT, "police_non_emergency"), _pick(REPORT, "police_online_report")]
        picks.append(_pick(REPORT, "anonymous_reporting"))
    picks.append(_pick(WELLBEING, "emotional_support"))
    return picks


def _in_roles(directory, roles):
    """The directory's services in these roles: the area's own before national ones, then
    in directory order (roles such as the women's domestic abuse line have one of each)."""
    members = [entry for entry in directory if entry.role in roles]
    return sorted(members, key=lambda entry: not entry.is_local)


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
            notes.append(note("for_women"))
        elif entry.genders == entries.MEN:
            notes.append(note("for_men"))
        elif {c.for_gender for c in channels} >= {entries.WOMEN, entries.MEN}:
            notes.append(note("both_lines"))
    if entry.is_local and situation.area == "unsure":
        notes.append(note("local_unsure", live_in=entry.area_live_in))
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
        return note("ages_between", low=entry.min_age, high=entry.max_age)
    if entry.min_age is not None:
        return note("ages_from", low=entry.min_age)
    return note("ages_up_to", high=entry.max_age)


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
            lifted_note = note(key, name=best.entry.name)
            lifted = replace(candidate, notes=(lifted_note, *candidate.notes))
            rest = [r for i, r in enumerate(recommendations) if i != index]
            rest.insert(support[0], lifted)
            return rest
    return recommendations


def recommend(situation, directory, now):
    """Ordered recommendations for a situation, from the directory, at an aware datetime.

    Services are chosen by the role the directory gives them (Entry.role) and by their
    eligibility, never by name: another area's directory routes with the same rules.
    """
    seen = set()
    recommendations = []
    for pick in _plan(situation):
        for entry in _in_roles(directory, pick.roles):
            if entry.slug in seen or not is_eligible(entry, situation):
                continue
            state = open_state(entry.hours, now)
            if state.kind == "suspended" and pick.group != EMERGENCY:
                continue
            channels = _channels_for(entry, situation)
            if not channels:
                continue
            seen.add(entry.slug)
            recommendations.append(
                Recommendation(
                    entry=entry,
                    group=pick.group,
                    reason=reason_for(pick.reason_key or entry.role, situation, entry),
                    state=state,
                    channels=channels,
                    notes=_notes_for(entry, situation, channels),
                )
            )
    return _lift_open_line(_checked_first(recommendations, situation))
