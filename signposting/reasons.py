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
"""

DOMESTIC = "Stalking by a partner, ex-partner or family member is domestic abuse."

REASONS = {
    "emergency_call": (
        "You said you are in danger now. Call 999 straight away.",
        "They are in danger now. Call 999 straight away, or help them to call.",
    ),
    "emergency_call/no-voice": (
        "You said you are in danger now. Contact 999 straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what you type.",
        "They are in danger now. Contact 999 straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what they type.",
    ),
    "silent_emergency_call": (
        "If you cannot speak safely, call 999 and press 55 when asked.",
        "If they cannot speak safely, they can call 999 and press 55 when asked.",
    ),
    "silent_emergency_call/no-voice": (
        "If you can hear but cannot speak, call 999 and press 55 when the recorded message asks.",
        "If they can hear but cannot speak, they can call 999 and press 55 when the recorded message asks.",
    ),
    "silent_emergency_call_later": (
        "If it becomes an emergency and you cannot speak, call 999 and press 55 when asked.",
        "If it becomes an emergency and they cannot speak, they can call 999 and press 55 when asked.",
    ),
    "silent_emergency_call_later/no-voice": (
        "If it becomes an emergency and you can hear but cannot speak, call 999 and press 55 when the recorded message asks.",
        "If it becomes an emergency and they can hear but cannot speak, they can call 999 and press 55 when the recorded message asks.",
    ),
    "emergency_text": (
        "You can text 999 instead of calling once your phone is registered. Register now, before you need it.",
        "They can text 999 instead of calling once their phone is registered. They should register before they need it.",
    ),
    "text_relay": (
        "A textphone is a phone you type on. From a textphone or the Relay UK app, dial 18000 to reach 999 by text. An assistant reads out what you type. For any other number, put 18001 in front of it.",
        "A textphone is a phone you type on. From a textphone or the Relay UK app, they can dial 18000 to reach 999 by text. An assistant reads out what they type. For any other number, they put 18001 in front of it.",
    ),
    "bsl_emergency": (
        "If you use British Sign Language, you can reach 999 through a BSL interpreter.",
        "If they use British Sign Language, they can reach 999 through a BSL interpreter.",
    ),
    "police_non_emergency": (
        "Stalking is a crime. When you are not in danger now, you can report it by calling 101.",
        "Stalking is a crime. They can report it by calling 101, and you can tell the police what you know.",
    ),
    "police_online_report": (
        "You can report stalking to {organisation} online, at any time, without calling.",
        "They can report stalking to {organisation} online, at any time, without calling.",
    ),
    "police_bsl_video": (
        "If you use British Sign Language, you can contact {organisation} through a video interpreter when it is not an emergency.",
        "If they use British Sign Language, they can contact {organisation} through a video interpreter when it is not an emergency.",
    ),
    "anonymous_reporting": (
        "To pass on information without giving your name, use {name}. {name} cannot give you updates or support.",
        "To pass on information without giving your name, use {name}. They cannot give updates or support.",
    ),
    "stalking_helpline": (
        "Stalking specialists give free advice, including how to keep evidence and how to report it.",
        "Stalking specialists give free advice to people being stalked and to people helping them.",
    ),
    "high_risk_stalking_advocacy": (
        "If you are at high risk of serious harm, {organisation}'s stalking advocates may be able to help. An advocate's job is to support you and speak up for you.",
        "If they are at high risk of serious harm, {organisation}'s stalking advocates may be able to help. An advocate's job is to support them and speak up for them.",
    ),
    "local_stalking_advocacy": (
        "A local stalking advocate can help you make a safety plan and deal with the police. An advocate's job is to support you and speak up for you.",
        "A local stalking advocate can help them make a safety plan and deal with the police. An advocate's job is to support them and speak up for them.",
    ),
    "domestic_abuse_line_women/local": (
        f"{DOMESTIC} {{organisation}} helps women in {{area}}.",
        f"{DOMESTIC} {{organisation}} helps women, and people worried about them.",
    ),
    "domestic_abuse_line_men/local": (
        f"{DOMESTIC} {{organisation}} helps men in {{area}}.",
        f"{DOMESTIC} {{organisation}} helps men in {{area}}.",
    ),
    "domestic_abuse_line_women": (
        f"{DOMESTIC} This national helpline helps women, and you can ask for a safe time to be called.",
        f"{DOMESTIC} This national helpline helps women, and people worried about them.",
    ),
    "domestic_abuse_line_men": (
        f"{DOMESTIC} This national helpline helps men.",
        f"{DOMESTIC} This national helpline helps men, and people worried about them.",
    ),
    "lgbt_abuse_line/partner": (
        "{organisation} helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
        "{organisation} helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
    ),
    "lgbt_abuse_line/family": (
        "{organisation} helps LGBT+ people facing abuse, including abuse and stalking by family members.",
        "{organisation} helps LGBT+ people facing abuse, including abuse and stalking by family members.",
    ),
    "lgbt_abuse_line": (
        "{organisation} helps LGBT+ people facing abuse and harassment, including stalking.",
        "{organisation} helps LGBT+ people facing abuse and harassment, including stalking.",
    ),
    "honour_based_abuse_line": (
        "If your family, or people acting for your family, are involved, this helpline knows about honour-based abuse.",
        "If their family, or people acting for them, are involved, this helpline knows about honour-based abuse.",
    ),
    "children_and_young_people_line": (
        "You can talk to {name} about anything. It is free and private, and a counsellor will listen.",
        "{name} talks to young people about anything, for free. They can call or chat online.",
    ),
    "victim_support": (
        "Free support after any crime, whether or not you told the police.",
        "Free support after any crime, whether or not they told the police.",
    ),
    "victim_support/local": (
        "Local support after any crime, whether or not you told the police.",
        "Local support after any crime, whether or not they told the police.",
    ),
    "emotional_support": (
        "If things feel too much, {name} will listen, day or night.",
        "If things feel too much, for them or for you, {name} will listen, day or night.",
    ),
}

NOTES = {
    "local_unsure": "Only for people who live in {live_in}.",
    "for_women": "This line is for women.",
    "for_men": "This line is for men.",
    "both_lines": "There is a women's line and a men's line. Use the one that fits best.",
    "lifted": "Open now, while {name} is closed.",
    "lifted_not_known": "Open now. We do not know if {name} is open at this time.",
    "ages_between": "For people aged {low} to {high}.",
    "ages_from": "For people aged {low} or over.",
    "ages_up_to": "For people aged {high} or under.",
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
    return wording.format(
        name=entry.name, organisation=entry.organisation or entry.name, area=entry.area_name
    )
