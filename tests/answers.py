"""A help-finder answer set shared by the page-level tests: someone in danger who cannot talk.

It is the case that puts the most on the results page (emergency and no-voice routes
as well as the domestic abuse lines), so budgets and checks see the heaviest page.
"""

IN_DANGER_CANNOT_TALK = {
    "for_whom": "me",
    "danger": "yes",
    "can_talk": "no",
    "relationship": "partner",
    "gender": "woman",
    "age": "18_plus",
    "area": "notts",
}

# The most common case: not in danger, can talk, someone known, in Nottinghamshire.
NOT_IN_DANGER_SOMEONE_KNOWN = {
    "for_whom": "me",
    "danger": "no",
    "can_talk": "yes",
    "relationship": "known",
    "gender": "woman",
    "age": "18_plus",
    "area": "notts",
}
