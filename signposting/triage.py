"""The help-finder rules: a Situation, the directory and a moment in, ordered recommendations out.

A pure function. The caller passes the directory (plain Entry values) and
`now`; nothing here touches the database, the request or the clock, so every
combination of answers can be checked exhaustively in tests.

The order follows the routing summary in the project's fact base:
emergency first; silent and text routes before voice lines when a person
cannot talk; then the specialist line for who is doing it (domestic abuse
lines for a partner, ex or family member; the local stalking advocacy service
for anyone else); the National Stalking Helpline always; ways to report; and
general support last.
"""

from dataclasses import dataclass, field, replace

from . import entries
from .opening import open_state
from .reasons import NOTES, REASONS, reason_for

# Answer values. The form, the JSON API and the tests all use these.
RELATIONSHIPS = ("partner", "family", "known", "stranger")
GENDERS = ("woman", "man", "other", "prefer_not")
AGES = ("under_16", "16_17", "18_plus")
AREAS = ("notts", "elsewhere", "unsure")
FOR_WHOM = ("me", "someone_else")

# Recommendation groups, in the order they are shown.
EMERGENCY = "emergency"
NO_VOICE = "no_voice"
SUPPORT = "support"
REPORT = "report"
WELLBEING = "wellbeing"

AGE_RANGES = {"under_16": (0, 15), "16_17": (16, 17), "18_plus": (18, 200)}


@dataclass(frozen=True)
class Situation:
    danger: bool
    can_talk: bool
    relationship: str
    gender: str
    age: str
    area: str
    for_whom: str = "me"

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
        if not isinstance(self.danger, bool) or not isinstance(self.can_talk, bool):
            raise ValueError("danger and can_talk must be true or false")

    @property
    def domestic(self):
        return self.relationship in ("partner", "family")

    @property
    def young(self):
        return self.age in ("under_16", "16_17")

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
    if situation.age == "under_16":
        slugs.insert(0, "childline")
    elif situation.age == "16_17":
        slugs.append("childline")
    if situation.danger:
        slugs.append("paladin")
    # The local and national victim services can stand in when a stalking line is closed.
    slugs += ["notts-victim-care", "victim-support"]
    return [_Pick(slug, SUPPORT) for slug in slugs]


def _plan(situation):
    picks = []
    if situation.danger:
        picks += [_Pick("emergency-999", EMERGENCY), _Pick("silent-solution", EMERGENCY)]
    if not situation.can_talk:
        if not situation.danger:
            picks.append(_Pick("silent-solution", NO_VOICE, "silent-solution-later"))
        picks += [_Pick(slug, NO_VOICE) for slug in ("emergency-sms", "relay-uk", "bsl-999")]
    picks += _support_picks(situation)
    if not situation.danger:
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
    if not situation.can_talk:
        # Text, chat and relay first; voice numbers still show, with their relay link.
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
    return tuple(notes)


def _national_first(recommendations):
    """When a person is unsure where they live, national lines lead each group."""
    ordered = []
    for group in dict.fromkeys(r.group for r in recommendations):
        members = [r for r in recommendations if r.group == group]
        if group == EMERGENCY:
            ordered += members
        else:
            ordered += sorted(members, key=lambda r: r.entry.is_local)
    return ordered


def _lift_open_line(recommendations):
    """If the best support line is closed now, move the first open support line above it."""
    support = [i for i, r in enumerate(recommendations) if r.group == SUPPORT]
    if not support or not recommendations[support[0]].state.is_closed:
        return recommendations
    best = recommendations[support[0]]
    for index in support[1:]:
        candidate = recommendations[index]
        if candidate.state.is_open:
            note = NOTES["lifted"].format(name=best.entry.name)
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
        key = pick.reason_key or pick.slug
        reason = reason_for(key, situation.for_whom) if key in REASONS else entry.short_description
        recommendations.append(
            Recommendation(
                entry=entry,
                group=pick.group,
                reason=reason,
                state=state,
                channels=channels,
                notes=_notes_for(entry, situation, channels),
            )
        )
    if situation.area == "unsure":
        recommendations = _national_first(recommendations)
    return _lift_open_line(recommendations)
