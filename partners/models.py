"""The one editable part of /partners/: its introduction.

A small model of its own rather than a content Page: a Page would also be published at
/<slug>/, listed in the sitemap and search, and offered to visitors, none of which an
introduction for partner agencies should be.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

DEFAULT_INTRO = (
    "This page is for charities, councils, health services, schools, housing teams and "
    "police teams who send people to us for help with stalking.\n\n"
    "Please link to this site rather than copying our phone numbers. We keep the numbers "
    "and opening hours here up to date, and our addresses do not change: if we rename a "
    "page, the old address still works."
)


class PartnersIntro(models.Model):
    # Always row 1: there is one introduction, edited in place, with its history.
    SINGLETON_ID = 1

    body = models.TextField(
        "introduction",
        help_text=(
            "Plain text. Leave a blank line between paragraphs. Do not type phone numbers: "
            "the numbers on this page come from the service directory."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = "partners page introduction"
        verbose_name_plural = "partners page introduction"

    def __str__(self):
        return "Introduction on the partners page"

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    def clean(self):
        # Imported here: content's checker reaches into the directory's phone rules.
        from content.typed_numbers import typed_numbers

        if numbers := typed_numbers(self.body):
            raise ValidationError(
                {
                    "body": "Remove the phone numbers ("
                    + ", ".join(numbers)
                    + "). The page shows the directory's numbers itself."
                }
            )

    @property
    def paragraphs(self):
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]
