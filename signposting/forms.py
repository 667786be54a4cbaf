"""The help-finder questions: one short form of radios, shared by the page and the JSON API."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.functional import cached_property

from .triage import Situation

YES_NO = [("yes", "Yes"), ("no", "No")]

QUESTIONS = {
    "for_whom": (
        "Who are you looking for help for?",
        [("me", "For me"), ("someone_else", "For someone else")],
        "Select who you are looking for help for",
    ),
    "danger": (
        "Are you, or the person you are helping, in danger right now?",
        YES_NO,
        "Select yes if someone is in danger right now",
    ),
    "can_talk": (
        "Is it safe to talk on the phone?",
        YES_NO,
        "Select yes if it is safe to talk on the phone",
    ),
    "relationship": (
        "Who is doing it?",
        [
            ("partner", "A partner or ex-partner"),
            ("family", "A family member"),
            ("known", "Someone else they know, like a neighbour, colleague or friend"),
            ("stranger", "A stranger, or not sure who"),
        ],
        "Select who is doing it",
    ),
    "gender": (
        "Is the person being stalked…",
        [
            ("woman", "A woman or girl"),
            ("man", "A man or boy"),
            ("other", "Another way, for example non-binary"),
            ("prefer_not", "Prefer not to say"),
        ],
        "Select an answer, or prefer not to say",
    ),
    "age": (
        "How old is the person being stalked?",
        [("under_16", "Under 16"), ("16_17", "16 or 17"), ("18_plus", "18 or over")],
        "Select how old the person being stalked is",
    ),
    "area": (
        "Do they live in Nottingham or Nottinghamshire?",
        [("notts", "Yes"), ("elsewhere", "No, somewhere else in the UK"), ("unsure", "Not sure")],
        "Select whether they live in Nottingham or Nottinghamshire",
    ),
}

HINTS = {
    "can_talk": "If someone could hear you or check your phone, choose no.",
    "gender": "This helps us show the right helplines. Some are for women, some for men.",
}


class HelpFinderForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, choices, required) in QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                widget=forms.RadioSelect,
                help_text=HINTS.get(name, ""),
                error_messages={"required": required, "invalid_choice": required},
            )

    @cached_property
    def helper(self):
        # Built only when the form is shown: a valid answer never needs its layout.
        helper = FormHelper()
        helper.form_tag = False  # the template writes the <form>
        # No CSRF token: the view is exempt, and a token would set a cookie on a public page.
        helper.disable_csrf = True
        helper.layout = Layout(
            *(Field.radios(name, legend_size=Size.MEDIUM, legend_tag="h2") for name in QUESTIONS)
        )
        return helper

    def error_links(self):
        """(anchor, message) pairs for the error summary: each links to the field's first radio."""
        return [
            (f"id_{name}_1", message) for name in QUESTIONS for message in self.errors.get(name, [])
        ]

    def situation(self):
        data = self.cleaned_data
        return Situation(
            danger=data["danger"] == "yes",
            can_talk=data["can_talk"] == "yes",
            relationship=data["relationship"],
            gender=data["gender"],
            age=data["age"],
            area=data["area"],
            for_whom=data["for_whom"],
        )
