"""Forms: the admin's page form (publishing rules) and the public self-check."""

from django import forms

from .models import EDITABLE_FIELDS, Page

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

    def can_publish(self):
        return self.user is not None and self.user.has_perm("content.publish_page")

    def clean(self):
        cleaned = super().clean()
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


SELF_CHECK_QUESTIONS = [
    (
        "fixated",
        "Does the person seem fixated on you?",
        "For example, they think or talk about you all the time, or won't let go.",
    ),
    (
        "obsessive",
        "Does their behaviour seem obsessive?",
        "For example, they want to know where you are, who you see, or what you do online.",
    ),
    (
        "unwanted",
        "Is the contact unwanted?",
        "You have said no, or you would say no if you felt safe to.",
    ),
    (
        "repeated",
        "Has it happened more than once?",
        "Calls, messages, turning up, gifts or posts, again and again.",
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
