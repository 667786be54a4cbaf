# ruff: noqa: E501 - visitor copy reads best as whole sentences
"""Why each service is recommended, in one plain sentence.

Two wordings per service: for the person being stalked ("me") and for a person
helping them ("someone_else"). Short sentences, calm, no promises of safety.
"""

DOMESTIC = "Stalking by a partner, ex-partner or family member is domestic abuse."

REASONS = {
    "emergency-999": (
        "You said you are in danger now. Call 999 straight away.",
        "They are in danger now. Call 999 straight away, or help them to call.",
    ),
    "silent-solution": (
        "If you cannot speak safely, call 999 and press 55 when asked.",
        "If they cannot speak safely, they can call 999 and press 55 when asked.",
    ),
    "silent-solution-later": (
        "If it becomes an emergency and you cannot speak, call 999 and press 55 when asked.",
        "If it becomes an emergency and they cannot speak, they can call 999 and press 55 when asked.",
    ),
    "emergency-sms": (
        "You can text 999 instead of calling once your phone is registered. Register now, before you need it.",
        "They can text 999 instead of calling once their phone is registered. They should register before they need it.",
    ),
    "relay-uk": (
        "From a textphone or the Relay UK app, call 18000 to reach 999 by text.",
        "From a textphone or the Relay UK app, they can call 18000 to reach 999 by text.",
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
    "crimestoppers": (
        "To pass on information without giving your name, use Crimestoppers. They cannot give you updates or support.",
        "To pass on information without giving your name, use Crimestoppers. They cannot give updates or support.",
    ),
    "national-stalking-helpline": (
        "Stalking specialists give free advice, including how to keep evidence and how to report it.",
        "Stalking specialists give free advice to people being stalked and to people helping them.",
    ),
    "paladin": (
        "If you are at high risk of serious harm, Paladin's stalking advocates may be able to support you.",
        "If they are at high risk of serious harm, Paladin's stalking advocates may be able to support them.",
    ),
    "notts-stalking-advocacy": (
        "A local stalking advocate can help you make a safety plan and deal with the police.",
        "A local stalking advocate can help them make a safety plan and deal with the police.",
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
    "galop": (
        "Galop helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
        "Galop helps LGBT+ people facing abuse, including stalking by a partner or ex-partner.",
    ),
    "karma-nirvana": (
        "If your family, or people acting for them, are involved, this helpline knows about honour-based abuse.",
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
}


def reason_for(key, for_whom):
    me, helper = REASONS[key]
    return helper if for_whom == "someone_else" else me


def default_reason(entry, for_whom):
    """For a service added by staff that has no written reason: its own description."""
    return entry.short_description
