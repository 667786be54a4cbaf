"""The translation admin's forms: the translation itself, and a fluent speaker's check."""

from django import forms
from django.utils import timezone

from .models import PageTranslation, ServiceTranslation

MATCHES_ENGLISH_HELP = (
    "Tick when this translation says what the English says now. Leave it unticked for a "
    "correction that does not bring it up to date with a changed English page: it then "
    "stays listed as out of step."
)


class _TranslationForm(forms.ModelForm):
    matches_english_now = forms.BooleanField(
        label="Made from the English as it is now",
        required=False,
        help_text=MATCHES_ENGLISH_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new translation is made from the English as it is; say so unless told otherwise.
        self.fields["matches_english_now"].initial = self.instance.pk is None

    def text_changed(self):
        return any(name in self.changed_data for name in self._meta.model.SOURCE_FIELDS)


class PageTranslationForm(_TranslationForm):
    class Meta:
        model = PageTranslation
        fields = ["page", "language", "title", "summary", "body", "status"]


class ServiceTranslationForm(_TranslationForm):
    class Meta:
        model = ServiceTranslation
        fields = ["service", "language", "short_description", "who_it_helps", "status"]


class MarkCheckedForm(forms.Form):
    checked_by = forms.CharField(
        label="Fluent speaker's name",
        max_length=120,
        help_text="Who read the translation against the English and found it right.",
    )
    checked_on = forms.DateField(
        label="Day they checked it",
        help_text="As 2026-12-03. The day the check was made, not today unless it was.",
    )

    def clean_checked_on(self):
        day = self.cleaned_data["checked_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("That day has not come yet.")
        return day
