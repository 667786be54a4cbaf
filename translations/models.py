"""Pages and service descriptions in other languages: data staff keep, not gettext.

One translation per record and language (a UniqueConstraint), each with its own draft,
publishing, history and preview, beside the English. Each records the English version
it was made from (`made_from`, a history record of the English) and whether a fluent
speaker has checked it. Numbers never live here: a translated body uses the same
`[[service:...]]` tokens as the English, filled from the directory when shown.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from content.models import EDITOR_EXTENSIONS, Page
from content.sanitise import sanitise_html
from signposting.models import Service

from .languages import language_name, translation_languages
from .state import translation_state


class TranslationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Translation.Status.PUBLISHED)

    def in_step(self):
        """Made from the English text visitors see now."""
        english = self.model.ENGLISH
        same = {f"made_from__{name}": F(f"{english}__{name}") for name in self.model.SOURCE_FIELDS}
        return self.filter(made_from__isnull=False, **same)

    def out_of_step(self):
        return self.exclude(pk__in=self.in_step().values("pk"))

    def unchecked(self):
        return self.filter(Q(checked_by="") | Q(checked_on__isnull=True))


class Translation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # The English record's field holding the translated record, and the fields translated.
    ENGLISH = ""
    SOURCE_FIELDS = ()

    language = models.CharField(max_length=10, choices=translation_languages)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Only ever what a person typed, with the day they say the check was made: a command
    # never fills these, so the team's own translations start unchecked (design rule 7).
    checked_by = models.CharField(
        "checked by (fluent speaker)",
        max_length=120,
        blank=True,
        help_text="The name of the fluent speaker who checked this translation against "
        "the English. Leave empty until someone has.",
    )
    checked_on = models.DateField(
        "checked on", null=True, blank=True, help_text="The day they checked it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def english(self):
        return getattr(self, self.ENGLISH)

    @property
    def is_checked(self):
        return bool(self.checked_by) and self.checked_on is not None

    def source_text(self):
        """The English text it was made from, or None when that version is not known."""
        if self.made_from_id is None or self.made_from is None:
            return None
        return tuple(getattr(self.made_from, name) for name in self.SOURCE_FIELDS)

    def english_text(self):
        return tuple(getattr(self.english, name) for name in self.SOURCE_FIELDS)

    def state(self, as_published=False):
        """Its state; `as_published` for a preview, which shows a draft as if it were live."""
        return translation_state(
            published=as_published or self.status == self.Status.PUBLISHED,
            source_text=self.source_text(),
            english_text=self.english_text(),
            checked=self.is_checked,
        )

    def made_from_latest_english(self):
        """Record that this translation matches the English as it is now."""
        self.made_from = self.english.history.order_by("-history_id").first()

    def language_label(self):
        return language_name(self.language)

    def clean(self):
        if bool(self.checked_by.strip()) != (self.checked_on is not None):
            raise ValidationError(
                "Give both the fluent speaker's name and the day they checked it, or neither."
            )


class PageTranslation(Translation):
    ENGLISH = "page"
    SOURCE_FIELDS = ("title", "summary", "body")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    made_from = models.ForeignKey(
        "content.HistoricalPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="made from the English version",
    )
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300)
    body = ProseEditorField(
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitise_html,
        blank=True,
        help_text="Keep every [[service:...]] token as it is in the English: numbers and "
        "opening hours come from the directory. Do not type phone numbers.",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["page__title", "language"]
        permissions = [
            ("publish_pagetranslation", "Can publish page translations"),
            ("preview_pagetranslation", "Can preview page translations"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="translations_one_page_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.page} ({self.language_label()})"

    def save(self, *args, **kwargs):
        # Clean on every save, as Page does: the loader and the shell save too.
        self.body = sanitise_html(self.body)
        super().save(*args, **kwargs)

    def clean(self):
        # Imported here: tokens reach into the directory, which models must not need to load.
        from content.editor_checks import tel_link_errors
        from content.tokens import token_errors

        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors["checked_by"] = error.messages
        if body_problems := token_errors(self.body) + tel_link_errors(self.body):
            errors["body"] = body_problems
        if errors:
            raise ValidationError(errors)


class ServiceTranslation(Translation):
    ENGLISH = "service"
    SOURCE_FIELDS = ("short_description", "who_it_helps")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="translations")
    made_from = models.ForeignKey(
        "signposting.HistoricalService",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="made from the English version",
    )
    short_description = models.CharField(max_length=300)
    who_it_helps = models.TextField()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["service__name", "language"]
        permissions = [("publish_servicetranslation", "Can publish service translations")]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "language"],
                name="translations_one_service_translation_per_language",
            )
        ]

    def __str__(self):
        return f"{self.service} ({self.language_label()})"
