# ruff: noqa: E501 - visitor copy reads best as whole sentences
"""Why each service is recommended, in one plain sentence.

Keyed by the role the help-finder gives a service (taxonomy.ROLE), never by a
service's name, so another area's directory gets the same reasons: a role with a
local and a national service has a "/local" wording, and names come from the
directory ({name}, {organisation}) and the area from settings ({area}).

Two wordings per role: for the person being stalked ("me") and for a person
helping them ("someone_else"). Some roles have variants for other answers (who
is doing it; whether the person can speak and hear on a call), so a reason never
speaks of a partner when a stranger was chosen. Short sentences, calm, no promises
of safety. In the "me" wording, "they" never refers to the person being stalked.

Each wording is an English msgid (gettext_noop: marked for the catalogues here, translated
when a reason is worded, in the visitor's language). Numbers are placeholders, never in a
msgid, so no translation can change one: the UK-wide short codes come from SHORT_CODES.
"""

from django.utils.translation import gettext_noop as _

from stalkinghelp.remembered_gettext import gettext

from .phone import RELAY_PREFIX

# The same everywhere in the UK (Ofcom), so another area's directory needs no change.
SHORT_CODES = {
    "emergency": "999",
    "non_emergency": "101",
    "silent_key": "55",  # pressed on a silent 999 call from a mobile
    "relay_emergency": "18000",
    "relay_prefix": RELAY_PREFIX,
}

REASONS = {
    "emergency_call": (
        _("You said you are in danger now. Call {emergency} straight away."),
        _("They are in danger now. Call {emergency} straight away, or help them to call."),
    ),
    "emergency_call/no-voice": (
        _(
            "You said you are in danger now. Contact {emergency} straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what you type."
        ),
        _(
            "They are in danger now. Contact {emergency} straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what they type."
        ),
    ),
    "silent_emergency_call": (
        _("If you cannot speak safely, call {emergency} and press {silent_key} when asked."),
        _(
            "If they cannot speak safely, they can call {emergency} and press {silent_key} when asked."
        ),
    ),
    "silent_emergency_call/no-voice": (
        _(
            "If you can hear but cannot speak, call {emergency} and press {silent_key} when the recorded message asks."
        ),
        _(
            "If they can hear but cannot speak, they can call {emergency} and press {silent_key} when the recorded message asks."
        ),
    ),
    "silent_emergency_call_later": (
        _(
            "If it becomes an emergency and you cannot speak, call {emergency} and press {silent_key} when asked."
        ),
        _(
            "If it becomes an emergency and they cannot speak, they can call {emergency} and press {silent_key} when asked."
        ),
    ),
    "silent_emergency_call_later/no-voice": (
        _(
            "If it becomes an emergency and you can hear but cannot speak, call {emergency} and press {silent_key} when the recorded message asks."
        ),
        _(
            "If it becomes an emergency and they can hear but cannot speak, they can call {emergency} and press {silent_key} when the recorded message asks."
        ),
    ),
    "emergency_text": (
        _(
            "You can text {emergency} instead of calling once your phone is registered. Register now, before you need it."
        ),
        _(
            "They can text {emergency} instead of calling once their phone is registered. They should register before they need it."
        ),
    ),
    "text_relay": (
        _(
            "A textphone is a phone you type on. From a textphone or the Relay UK app, dial {relay_emergency} to reach {emergency} by text. An assistant reads out what you type. For any other number, put {relay_prefix} in front of it."
        ),
        _(
            "A textphone is a phone you type on. From a textphone or the Relay UK app, they can dial {relay_emergency} to reach {emergency} by text. An assistant reads out what they type. For any other number, they put {relay_prefix} in front of it."
        ),
    ),
    "bsl_emergency": (
        _("If you use British Sign Language, you can reach {emergency} through a BSL interpreter."),
        _(
            "If they use British Sign Language, they can reach {emergency} through a BSL interpreter."
        ),
    ),
    "police_non_emergency": (
        _(
            "Stalking is a crime. When you are not in danger now, you can report it by calling {non_emergency}."
        ),
        _(
            "Stalking is a crime. They can report it by calling {non_emergency}, and you can tell the police what you know."
        ),
    ),
    "police_online_report": (
        _("You can report stalking to {organisation} online, at any time, without calling."),
        _("They can report stalking to {organisation} online, at any time, without calling."),
    ),
    "police_bsl_video": (
        _(
            "If you use British Sign Language, you can contact {organisation} through a video interpreter when it is not an emergency."
        ),
        _(
            "If they use British Sign Language, they can contact {organisation} through a video interpreter when it is not an emergency."
        ),
    ),
    "anonymous_reporting": (
        _(
            "To pass on information without giving your name, use {name}. {name} cannot give you updates or support."
        ),
        _(
            "To pass on information without giving your name, use {name}. They cannot give updates or support."
        ),
    ),
    "stalking_helpline": (
        _(
            "Stalking specialists give free advice, including how to keep evidence and how to report it."
        ),
        _(
            "Stalking specialists give free advice to people being stalked and to people helping them."
        ),
    ),
    "high_risk_stalking_advocacy": (
        _(
            "If you are at high risk of serious harm, {organisation}'s stalking advocates may be able to help. An advocate's job is to support you and speak up for you."
        ),
        _(
            "If they are at high risk of serious harm, {organisation}'s stalking advocates may be able to help. An advocate's job is to support them and speak up for them."
        ),
    ),
    "local_stalking_advocacy": (
        _(
            "A local stalking advocate can help you make a safety plan and deal with the police. An advocate's job is to support you and speak up for you."
        ),
        _(
            "A local stalking advocate can help them make a safety plan and deal with the police. An advocate's job is to support them and speak up for them."
        ),
    ),
    "domestic_abuse_line_women/local": (
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. {organisation} helps women in {area}."
        ),
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. {organisation} helps women, and people worried about them."
        ),
    ),
    "domestic_abuse_line_men/local": (
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. {organisation} helps men in {area}."
        ),
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. {organisation} helps men in {area}."
        ),
    ),
    "domestic_abuse_line_women": (
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. This national helpline helps women, and you can ask for a safe time to be called."
        ),
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. This national helpline helps women, and people worried about them."
        ),
    ),
    "domestic_abuse_line_men": (
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. This national helpline helps men."
        ),
        _(
            "Stalking by a partner, ex-partner or family member is domestic abuse. This national helpline helps men, and people worried about them."
        ),
    ),
    "lgbt_abuse_line/partner": (
        _(
            "{organisation} helps LGBT+ people facing abuse, including stalking by a partner or ex-partner."
        ),
        _(
            "{organisation} helps LGBT+ people facing abuse, including stalking by a partner or ex-partner."
        ),
    ),
    "lgbt_abuse_line/family": (
        _(
            "{organisation} helps LGBT+ people facing abuse, including abuse and stalking by family members."
        ),
        _(
            "{organisation} helps LGBT+ people facing abuse, including abuse and stalking by family members."
        ),
    ),
    "lgbt_abuse_line": (
        _("{organisation} helps LGBT+ people facing abuse and harassment, including stalking."),
        _("{organisation} helps LGBT+ people facing abuse and harassment, including stalking."),
    ),
    "honour_based_abuse_line": (
        _(
            "If your family, or people acting for your family, are involved, this helpline knows about honour-based abuse."
        ),
        _(
            "If their family, or people acting for them, are involved, this helpline knows about honour-based abuse."
        ),
    ),
    "children_and_young_people_line": (
        _(
            "You can talk to {name} about anything. It is free and private, and a counsellor will listen."
        ),
        _("{name} talks to young people about anything, for free. They can call or chat online."),
    ),
    "victim_support": (
        _("Free support after any crime, whether or not you told the police."),
        _("Free support after any crime, whether or not they told the police."),
    ),
    "victim_support/local": (
        _("Local support after any crime, whether or not you told the police."),
        _("Local support after any crime, whether or not they told the police."),
    ),
    "emotional_support": (
        _("If things feel too much, {name} will listen, day or night."),
        _("If things feel too much, for them or for you, {name} will listen, day or night."),
    ),
}

NOTES = {
    "local_unsure": _("Only for people who live in {live_in}."),
    "for_women": _("This line is for women."),
    "for_men": _("This line is for men."),
    "both_lines": _("There is a women's line and a men's line. Use the one that fits best."),
    "lifted": _("Open now, while {name} is closed."),
    "lifted_not_known": _("Open now. We do not know if {name} is open at this time."),
    "ages_between": _("For people aged {low} to {high}."),
    "ages_from": _("For people aged {low} or over."),
    "ages_up_to": _("For people aged {high} or under."),
}

# Roles whose reason depends on who is doing it.
BY_RELATIONSHIP = {"lgbt_abuse_line"}
# Roles whose reason changes when the person cannot speak or hear on a call.
BY_VOICE = {"emergency_call", "silent_emergency_call", "silent_emergency_call_later"}
# Roles with a local service and a national one, each with its own reason.
BY_LOCALITY = {"domestic_abuse_line_women", "domestic_abuse_line_men", "victim_support"}


def _variant(key, situation, entry):
    if key in BY_LOCALITY and entry.is_local:
        return f"{key}/local"
    if key in BY_RELATIONSHIP and situation.relationship in ("partner", "family"):
        return f"{key}/{situation.relationship}"
    if key in BY_VOICE and not situation.can_speak_and_hear:
        return f"{key}/no-voice"
    return key


def reason_for(key, situation, entry):
    """The reason for recommending `entry` under `key`, worded for this situation.

    A service with no role (so no written reason) is explained by its own description.
    """
    wordings = REASONS.get(_variant(key, situation, entry))
    if wordings is None:
        return entry.short_description
    me, helper = wordings
    wording = helper if situation.for_whom == "someone_else" else me
    return gettext(wording).format(
        name=entry.name,
        organisation=entry.organisation or entry.name,
        area=entry.area_name,
        **SHORT_CODES,
    )


def note(key, **values):
    """One of NOTES, in the visitor's language, its placeholders filled from `values`."""
    return gettext(NOTES[key]).format(**values)
