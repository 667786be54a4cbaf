"""Forms: the admin's page form (publishing rules) and the public self-check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .addresses import address_taken_message, redirect_in_the_way
from .editor_checks import publish_errors, writing_findings
from .models import EDITABLE_FIELDS, Page
from .token_picker import service_tokens

# Fields that decide whether, and when, the public sees a page.
PUBLISHING_FIELDS = ("status", "publish_from", "publish_until")


class PageAdminForm(forms.ModelForm):
    """The page form, aware of who is saving it.

    Someone without `publish_page` may write and preview drafts, and working copies of
    live pages, but may not make a page public, take it down or reschedule it: they
    submit it for review (approvals), and a Publisher approves it.
    """

    class Meta:
        model = Page
        fields = EDITABLE_FIELDS

    user = None  # set by the admin for each request

    # Shown only when the address asked for is an old address of another page.
    take_over_address = forms.BooleanField(
        label="Take over this old address",
        required=False,
        help_text="Visitors, posters and QR codes using it will reach this page instead.",
    )

    def can_publish(self):
        return self.user is not None and self.user.has_perm("content.publish_page")

    redirect_taken_over = None  # the old address this save gives to the page, if any

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        asked = self.data.get(self.add_prefix("slug")) if self.is_bound else None
        if not redirect_in_the_way(asked, self.instance):
            self.fields["take_over_address"].widget = forms.HiddenInput()

    def _check_address(self, cleaned):
        redirect = redirect_in_the_way(cleaned.get("slug"), self.instance)
        if redirect is None:
            return
        if cleaned.get("take_over_address"):
            self.redirect_taken_over = redirect
        else:
            self.add_error("slug", address_taken_message(redirect))

    writing_findings = ()  # advice on the text, shown after saving (editor_checks)

    def _check_writing(self, cleaned):
        # The body as typed, before the model's sanitiser: what the editor wrote.
        body = cleaned.get("body") or ""
        tokens = service_tokens()
        self.writing_findings = writing_findings(body, tokens, cleaned.get("summary", ""))
        # Preview (user None) shows a page as it would be; only a real save is refused.
        if self.user is not None and cleaned.get("status") == Page.Status.PUBLISHED:
            for error in publish_errors(body, tokens):
                self.add_error("body", error)

    def clean(self):
        cleaned = super().clean()
        self._check_address(cleaned)
        self._check_writing(cleaned)
        if self.user is None or self.can_publish():
            return cleaned
        for name in PUBLISHING_FIELDS:
            if name in self.changed_data:
                self.add_error(
                    name,
                    "You can't publish, unpublish or schedule pages. Put the other fields "
                    "right and press “Save and submit for approval”: someone who can "
                    "publish checks it and publishes it.",
                )
        return cleaned


# (key, question, hint): the words in the visitor's language when shown.
SELF_CHECK_QUESTIONS = [
    (
        "fixated",
        _("Does the person seem fixated on you?"),
        _("For example, they think or talk about you all the time, or won't let go."),
    ),
    (
        "obsessive",
        _("Does their behaviour seem obsessive?"),
        _("For example, they want to know where you are, who you see, or what you do online."),
    ),
    (
        "unwanted",
        _("Is the contact unwanted?"),
        _("You have said no, or you would say no if you felt safe to."),
    ),
    (
        "repeated",
        _("Has it happened more than once?"),
        _("Calls, messages, turning up, gifts or posts, again and again."),
    ),
]


class SelfCheckForm(forms.Form):
    """Four yes-or-no questions. Nothing here is stored or logged, ever."""

    answers = forms.MultipleChoiceField(
        choices=[(key, question) for key, question, _hint in SELF_CHECK_QUESTIONS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def ticked(self):
        if not self.is_valid():
            return []
        return self.cleaned_data["answers"]
