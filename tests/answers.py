"""A help-finder answer set shared by the page-level tests: someone in danger who cannot talk.

It is the case that puts the most on the results page (emergency, text, relay and sign-
language routes as well as the domestic abuse lines), so budgets and checks see the
heaviest page.
"""

IN_DANGER_CANNOT_TALK = {
    "danger": "yes",
    "for_whom": "me",
    "can_talk": "no",
    "can_speak_and_hear": "no",
    "relationship": "partner",
    "gender": "woman",
    "age": "19_plus",
    "area": "notts",
}

# The most common case: not in danger, can talk, someone known, in Nottinghamshire.
NOT_IN_DANGER_SOMEONE_KNOWN = {
    "danger": "no",
    "for_whom": "me",
    "can_talk": "yes",
    "can_speak_and_hear": "yes",
    "relationship": "known",
    "gender": "woman",
    "age": "19_plus",
    "area": "notts",
}

# A person in danger who answers only that question, and presses the button.
IN_DANGER_ONLY = {"danger": "yes"}
