# ruff: noqa: E501 - visitor copy reads best as whole sentences
"""Why each service is recommended, in one plain sentence.

Two wordings per service: for the person being stalked ("me") and for a person
helping them ("someone_else"). Some services have variants for other answers (who
is doing it; whether the person can speak and hear on a call), so a reason never
speaks of a partner when a stranger was chosen. Short sentences, calm, no promises
of safety. In the "me" wording, "they" never refers to the person being stalked.
"""

DOMESTIC = "Stalking by a partner, ex-partner or family member is domestic abuse."

REASONS = {
    "emergency-999": (
        "You said you are in danger now. Call 999 straight away.",
        "They are in danger now. Call 999 straight away, or help them to call.",
    ),
    "emergency-999/no-voice": (
        "You said you are in danger now. Contact 999 straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what you type.",
        "They are in danger now. Contact 999 straight away. Below are ways to do it by text, by text relay or in British Sign Language. With text relay, an assistant reads out what they type.",
    ),
    "silent-solution": (
        "If you cannot speak safely, call 999 and press 55 when asked.",
        "If they cannot speak safely, they can call 999 and press 55 when asked.",
    ),
    "silent-solution/no-voice": (
        "If you can hear but cannot speak, call 999 and press 55 when the recorded message asks.",
        "If they can hear but cannot speak, they can call 999 and press 55 when the recorded message asks.",
    ),
    "silent-solution-later": (
        "If it becomes an emergency and you cannot speak, call 999 and press 55 when asked.",
        "If it becomes an emergency and they cannot speak, they can call 999 and press 55 when asked.",
    ),
    "silent-solution-later/no-voice": (
        "If it becomes an emergency and you can hear but cannot speak, call 999 and press 55 when the recorded message asks.",
        "If it becomes an emergency and they can hear but cannot speak, they can call 999 and press 55 when the recorded message asks.",
    ),
    "emergency-sms": (
        "You can text 999 instead of calling once your phone is registered. Register now, before you need it.",
        "They can text 999 instead of calling once their phone is registered. They should register before they need it.",
    ),
    "relay-uk": (
        "A textphone is a phone you type on. From a textphone or the Relay UK app, dial 18000 to reach 999 by text. An assistant reads out what you type. For any other number, put 18001 in front of it.",
        "A textphone is a phone you type on. From a textphone or the Relay UK app, they can dial 18000 to reach 999 by text. An assistant reads out what they type. For any other number, they put 18001 in front of it.",
    ),
    "bsl-999": (
        "If you use British Sign Language, you can reach 999 through a BSL interpreter.",
        "If they use British Sign Language, they can reach 999 through a BSL interpreter.",
    ),
    "police-101": (
        "Stalking is a crime. When you are not in danger now, you can report it by calling 101.",
        "Stalking is a crime. They can report it by calling 101, and you can tell the police what you know.",
    ),
    "notts-police-online": (
        "You can report stalking to Nottinghamshire Police online, at any time, without calling.",
        "They can report stalking to Nottinghamshire Police online, at any time, without calling.",
    ),
    "notts-police-signvideo": (
        "If you use British Sign Language, you can contact Nottinghamshire Police through a video interpreter when it is not an emergency.",
        "If they use British Sign Language, they can contact Nottinghamshire Police through a video interpreter when it is not an emergency.",
    ),
    "crimestoppers": (
        "To pass on information without giving your name, use Crimestoppers. Crimestoppers cannot give you updates or support.",
        "To pass on information without giving your name, use Crimestoppers. They cannot give updates or support.",
    ),
    "national-stalking-helpline": (
        "Stalking specialists give free advice, including how to keep evidence and how to report it.",
        "Stalking specialists give free advice to people being stalked and to people helping them.",
    ),
    "paladin": (
        "If you are at high risk of serious harm, Paladin's stalking advocates may be able to help. An advocate's job is to support you and speak up for you.",
        "If they are at high risk of serious harm, Paladin's stalking advocates may be able to help. An advocate's job is to support them and speak up for them.",
    ),
    "notts-stalking-advocacy": (
        "A local stalking advocate can help you make a safety plan and deal with the police. An advocate's job is to support you and speak up for you.",
        "A local stalking advocate can help them make a safety plan and deal with the police. An advocate's job is to support them and speak up for them.",
    ),
    "juno-womens-aid": (
        f"{DOMESTIC} Juno Women's Aid helps women in Nottingham and Nottinghamshire.",
        f"{DOMESTIC} Juno Women's Aid helps women, and people worried about them.",
    ),
    "equation-mens-line": (
        f"{DOMESTIC} Equation helps men in Nottingham and Nottinghamshire.",
        f"{DOMESTIC} Equation helps men in Nottingham and Nottinghamshire.",
    ),
    "national-domestic-abuse-helpline": (
        f"{DOMESTIC} This national helpline helps women, and you can ask for a safe time to be called.",
        f"{DOMESTIC} This national helpline helps women, and people worried about them.",
    ),
    "mens-advice-line": (
        f"{DOMESTIC} This national helpline helps men.",
        f"{DOMESTIC} This national helpline helps men, and people worried about them.",
    ),
    "galop/partner": (
        "Galop helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
        "Galop helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
    ),
    "galop/family": (
        "Galop helps LGBT+ people facing abuse, including abuse and stalking by family members.",
        "Galop helps LGBT+ people facing abuse, including abuse and stalking by family members.",
    ),
    "galop": (
        "Galop helps LGBT+ people facing abuse and harassment, including stalking.",
        "Galop helps LGBT+ people facing abuse and harassment, including stalking.",
    ),
    "karma-nirvana": (
        "If your family, or people acting for your family, are involved, this helpline knows about honour-based abuse.",
        "If their family, or people acting for them, are involved, this helpline knows about honour-based abuse.",
    ),
    "childline": (
        "You can talk to Childline about anything. It is free and private, and a counsellor will listen.",
        "Childline talks to young people about anything, for free. They can call or chat online.",
    ),
    "victim-support": (
        "Free support after any crime, whether or not you told the police.",
        "Free support after any crime, whether or not they told the police.",
    ),
    "notts-victim-care": (
        "Local support after any crime, whether or not you told the police.",
        "Local support after any crime, whether or not they told the police.",
    ),
    "samaritans": (
        "If things feel too much, Samaritans will listen, day or night.",
        "If things feel too much, for them or for you, Samaritans will listen, day or night.",
    ),
}

NOTES = {
    "local_unsure": "Only for people who live in Nottingham or Nottinghamshire.",
    "for_women": "This line is for women.",
    "for_men": "This line is for men.",
    "both_lines": "There is a women's line and a men's line. Use the one that fits best.",
    "lifted": "Open now, while {name} is closed.",
    "lifted_not_known": "Open now. We do not know if {name} is open at this time.",
    "ages_between": "For people aged {low} to {high}.",
    "ages_from": "For people aged {low} or over.",
    "ages_up_to": "For people aged {high} or under.",
}

# Services whose reason depends on who is doing it.
BY_RELATIONSHIP = {"galop"}
# Services whose reason changes when the person cannot speak or hear on a call.
BY_VOICE = {"emergency-999", "silent-solution", "silent-solution-later"}


def _variant(key, situation):
    if key in BY_RELATIONSHIP and situation.relationship in ("partner", "family"):
        return f"{key}/{situation.relationship}"
    if key in BY_VOICE and not situation.can_speak_and_hear:
        return f"{key}/no-voice"
    return key


def reason_for(key, situation, entry):
    """The reason for recommending `entry` under `key`, worded for this situation.

    A service added by staff without a written reason is explained by its own description.
    """
    wordings = REASONS.get(_variant(key, situation))
    if wordings is None:
        return entry.short_description
    me, helper = wordings
    return helper if situation.for_whom == "someone_else" else me
