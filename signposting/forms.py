"""The help-finder questions: one short form of radios, shared by the page and the JSON API.

No question is required. A person in danger can answer that one alone and get the
emergency results at once: any question left out takes its broadest answer (DEFAULTS),
and the results page offers the unanswered questions again below. Only a value that is
not one of the choices is an error.
"""

from functools import lru_cache

from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.conf import settings
from django.utils.functional import cached_property, lazy
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from .triage import Situation

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _area_wording(text):
    return gettext(text).format(live_in=settings.AREA["live_in"])


# Worded when shown, in the visitor's language, naming the area configured (settings.AREA).
_in_area = lazy(_area_wording, str)

# name: (question, choices, message for a value that is not one of the choices)
QUESTIONS = {
    "danger": (
        _("Are you, or the person you are helping, in danger right now?"),
        YES_NO,
        _("Select yes if someone is in danger right now"),
    ),
    "for_whom": (
        _("Who are you looking for help for?"),
        [("me", _("For me")), ("someone_else", _("For someone else"))],
        _("Select who you are looking for help for"),
    ),
    "can_talk": (
        _("Is it safe to talk on the phone?"),
        YES_NO,
        _("Select yes if it is safe to talk on the phone"),
    ),
    "can_speak_and_hear": (
        _("Can you, or the person you are helping, speak and hear on a phone call?"),
        YES_NO,
        _("Select yes if a phone call is possible"),
    ),
    "relationship": (
        _("Who is doing it?"),
        [
            ("partner", _("A partner or ex-partner")),
            ("family", _("A family member")),
            ("known", _("Someone else known to the person, like a neighbour, colleague or friend")),
            ("stranger", _("A stranger, or not sure who")),
        ],
        _("Select who is doing it"),
    ),
    "gender": (
        _("Is the person being stalked…"),
        [
            ("woman", _("A woman or girl")),
            ("man", _("A man or boy")),
            ("other", _("Another way, for example non-binary")),
            ("prefer_not", _("Prefer not to say")),
        ],
        _("Select an answer, or prefer not to say"),
    ),
    "age": (
        _("How old is the person being stalked?"),
        [
            ("under_16", _("Under 16")),
            ("16_17", _("16 or 17")),
            ("18", "18"),
            ("19_plus", _("19 or over")),
            ("prefer_not", _("Prefer not to say")),
        ],
        _("Select how old the person being stalked is, or prefer not to say"),
    ),
    "area": (
        _in_area(gettext_noop("Does the person being stalked live in {live_in}?")),
        [
            ("notts", _("Yes")),
            ("elsewhere", _("No, somewhere else in the UK")),
            ("unsure", _("Not sure")),
        ],
        _in_area(gettext_noop("Select whether the person being stalked lives in {live_in}")),
    ),
}

# A question left out takes the answer that leaves the most help on the page.
DEFAULTS = {
    "danger": "no",  # 999 and the Silent Solution are on every page whatever the answer
    "for_whom": "me",
    "can_talk": "no",  # the silent and text routes are shown as well as voice lines
    "can_speak_and_hear": "no",  # text, relay and sign-language routes are shown too
    "relationship": "stranger",  # the form's own "not sure who"
    "gender": "prefer_not",  # women's and men's lines, each saying who it is for
    "age": "prefer_not",  # every age band, each line saying its own age rule
    "area": "unsure",  # national and local lines, local ones saying who they serve
}

HINTS = {
    "danger": _(
        "If yes, you do not need to answer the other questions. "
        "Go straight to “Show who can help” at the end."
    ),
    "can_talk": _("If someone could hear you or check your phone, choose no."),
    "can_speak_and_hear": _(
        "Choose no for someone who is Deaf, hard of hearing or cannot speak. "
        "We will show ways to get help by text, by text relay and in British Sign Language (BSL). "
        "With text relay, an assistant reads out what you type."
    ),
    "gender": _("This helps us show the right helplines. Some are for women, some for men."),
}


# The values each question accepts, for reading answers without building a form.
CHOICE_VALUES = {
    name: frozenset(value for value, _label in choices)
    for name, (_question, choices, _invalid) in QUESTIONS.items()
}


def read_answers(data):
    """The answers given, by question in the form's order, or None if any is not a choice.

    The same rule as HelpFinderForm (a value is read as the form's radios read it, the
    last one sent; an empty value is no answer), without building a form: a person
    pressing "Show who can help" should not wait while eight choice fields are made. Only
    a refused answer needs the form, to show its errors.
    """
    answers = {}
    for name, values in CHOICE_VALUES.items():
        value = data.get(name)
        if value in (None, ""):
            continue
        if value not in values:
            return None
        answers[name] = value
    return answers


def unanswered_questions(answers):
    """The questions left out; each takes its DEFAULTS answer."""
    return [name for name in QUESTIONS if name not in answers]


def situation_from(answers):
    data = {**DEFAULTS, **answers}
    return Situation(
        danger=data["danger"] == "yes",
        can_talk=data["can_talk"] == "yes",
        can_speak_and_hear=data["can_speak_and_hear"] == "yes",
        relationship=data["relationship"],
        gender=data["gender"],
        age=data["age"],
        area=data["area"],
        for_whom=data["for_whom"],
    )


class HelpFinderForm(forms.Form):
    def __init__(self, *args, ask=None, **kwargs):
        """`ask`: only these questions (the results page asks the unanswered ones again)."""
        super().__init__(*args, **kwargs)
        for name, (label, choices, invalid) in QUESTIONS.items():
            if ask is not None and name not in ask:
                continue
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                help_text=HINTS.get(name, ""),
                error_messages={"invalid_choice": invalid},
            )

    @cached_property
    def helper(self):
        # Built only when the form is shown: a valid answer never needs its layout.
        helper = FormHelper()
        helper.form_tag = False  # the template writes the <form>
        # No CSRF token: the view is exempt, and a token would set a cookie on a public page.
        helper.disable_csrf = True
        helper.layout = Layout(
            *(Field.radios(name, legend_size=Size.MEDIUM, legend_tag="h2") for name in self.fields)
        )
        return helper

    def error_links(self):
        """(anchor, message) pairs for the error summary: each links to the field's first radio."""
        return [
            (f"id_{name}_1", message)
            for name in self.fields
            for message in self.errors.get(name, [])
        ]

    def answered(self):
        """The answers given, by question, in the form's order."""
        return {name: value for name in QUESTIONS if (value := self.cleaned_data.get(name))}

    def unanswered(self):
        return unanswered_questions(self.answered())

    def situation(self):
        return situation_from(self.answered())


@lru_cache(maxsize=len(settings.LANGUAGES) * 2 * len(QUESTIONS))
def _question_html(name, area, language):
    # `area` and `language` key the cache: the wording follows settings.AREA and the language.
    return render_crispy_form(HelpFinderForm(ask=[name]))


def questions_html(names):
    """The radios for these questions, unanswered, for the results page to ask again.

    Each question is rendered once per process and language (crispy layouts are slow, and
    the results are never cached): its HTML is the same for everyone, never holding an answer.
    """
    area = settings.AREA["live_in"]
    language = get_language()
    return mark_safe("".join(_question_html(name, area, language) for name in names))  # noqa: S308 - our form
