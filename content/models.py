"""Awareness pages: what comms staff write, schedule, publish and undo."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from .sanitise import sanitise_html

# Addresses at the root that belong to other parts of the site. A page may not take
# one, or it would hide (or be hidden by) that part.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "get-help",
        "services",
        "partners",
        "embed",
        "search",
        "static",
        "media",
        "healthz",
        "sitemap-xml",
        "robots-txt",
        "api",
    }
    # Each language's prefix (/pl/, /zh-hans/): a page there would hide that language's site.
    | {code for code, _name in settings.LANGUAGES}
)

# What the editor offers; the sanitiser (sanitise.py) is the real guard.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "tel", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


class Section(models.TextChoices):
    UNDERSTAND = "understand", "Understanding stalking"
    ACT = "act", "What you can do"
    SAFETY = "safety", "Staying safe"
    OTHERS = "others", "Helping others"
    ABOUT = "about", "About this site"


class Feature(models.TextChoices):
    """A built-in part of the site shown below the page's own text."""

    NONE = "", "None"
    SELF_CHECK = "self_check", "Is it stalking? self-check"
    DIARY = "diary", "Printable incident diary"


class PageQuerySet(models.QuerySet):
    def live(self, now=None):
        """Pages a visitor may see now: published, started and not yet ended."""
        now = now or timezone.now()
        return self.filter(status=Page.Status.PUBLISHED).filter(
            models.Q(publish_from__isnull=True) | models.Q(publish_from__lte=now),
            models.Q(publish_until__isnull=True) | models.Q(publish_until__gt=now),
        )


# What staff edit on a page: the admin form shows these, and history compares and
# reverts them. Who created the page, and when, is not among them.
EDITABLE_FIELDS = (
    "title",
    "slug",
    "summary",
    "body",
    "section",
    "nav_order",
    "show_on_home",
    "feature",
    "easy_read_of",
    "status",
    "publish_from",
    "publish_until",
    "last_reviewed",
    "review_interval",
    "owner",
)


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The page's address: /slug/. If you change it, the old address keeps working.",
    )
    summary = models.CharField(
        max_length=300,
        help_text=(
            "One or two plain sentences. Shown on cards, in search results and to search engines."
        ),
    )
    body = ProseEditorField(
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitise_html,
        blank=True,
        help_text=(
            "To show a service's numbers and opening hours, type its token on its own line, "
            "for example [[service:national-stalking-helpline]]. Do not type phone numbers."
        ),
    )
    section = models.CharField(max_length=20, choices=Section.choices, default=Section.UNDERSTAND)
    nav_order = models.PositiveSmallIntegerField(
        "order in section", default=100, help_text="Lower numbers come first."
    )
    show_on_home = models.BooleanField(
        "highlight on home page", default=False, help_text="Shown as a card below the help buttons."
    )
    feature = models.CharField(
        max_length=20, choices=Feature.choices, default=Feature.NONE, blank=True
    )
    easy_read_of = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_read",
        verbose_name="easy read version of",
        help_text="Only on an easy read page: the standard page it is the easy read version "
        "of. Each links to the other near the top. Start each line with a picture, for "
        "example [[picture:phone]].",
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_from = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to publish straight away."
    )
    publish_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Leave empty to keep the page up. Useful for awareness weeks.",
    )
    # When the page first went (or goes) live; separates "gone" (410) from "never was" (404).
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Only ever a date a person gave: empty until someone has checked the page. Pages made
    # by a command (the starter pages) start empty, and the review list asks for them.
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="The day someone checked this page was right. Visitors see it. "
        "Leave empty if nobody has checked it yet.",
    )
    review_interval = models.PositiveSmallIntegerField("review every (months)", default=6)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_pages",
        help_text="Who keeps this page accurate.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["section", "nav_order", "title"]
        permissions = [
            ("publish_page", "Can publish, unpublish and schedule pages"),
            ("revert_page", "Can revert a page to an earlier version"),
            ("preview_page", "Can preview unpublished pages and unsaved changes"),
        ]
        indexes = [models.Index(fields=["status", "publish_from", "publish_until"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Clean on every save, not only through forms: the loader and shell save too.
        self.body = sanitise_html(self.body)
        self._note_first_publication(timezone.now())
        old_slug = getattr(self, "_saved_slug", None)
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            PageRedirect.objects.update_or_create(old_slug=old_slug, defaults={"page": self})
        # A page that takes back an old address owns it again.
        PageRedirect.objects.filter(old_slug=self.slug).delete()
        self._saved_slug = self.slug

    def get_absolute_url(self):
        return reverse("content:page", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.slug in RESERVED_SLUGS or self.slug == settings.ADMIN_PATH.strip("/"):
            errors["slug"] = "That address is used by another part of the site. Choose another."
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            errors["publish_until"] = "The end must be after the start."
        # Imported here: tokens reach into the directory, which models must not need to load.
        from .editor_checks import tel_link_errors
        from .tokens import token_errors

        if body_problems := token_errors(self.body) + tel_link_errors(self.body):
            errors["body"] = body_problems
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        page = super().from_db(db, field_names, values)
        page._saved_slug = page.__dict__.get("slug")
        return page

    def _note_first_publication(self, now):
        if self.has_been_public(now):
            return  # history: once public, a later 404 would break people's links silently
        if self.status == self.Status.PUBLISHED:
            self.first_published_at = self.publish_from or now
        else:
            self.first_published_at = None

    # --- state, for admin and views ---------------------------------------------------

    def is_live(self, now=None):
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )

    def has_been_public(self, now=None):
        """True once the page has been live, so taking it down answers 410, not 404."""
        now = now or timezone.now()
        return self.first_published_at is not None and self.first_published_at <= now

    def state(self, now=None):
        now = now or timezone.now()
        if self.status == self.Status.DRAFT:
            return "Unpublished" if self.has_been_public(now) else "Draft"
        if self.publish_from and self.publish_from > now:
            return "Scheduled"
        if self.publish_until and self.publish_until <= now:
            return "Ended"
        return "Live"

    @property
    def review_due(self):
        """When the next review is due; None for a page nobody has reviewed yet."""
        if self.last_reviewed is None:
            return None
        return _add_months(self.last_reviewed, self.review_interval)

    def review_overdue(self, today=None):
        """True when a review is due, including a page that has never been reviewed."""
        if self.review_due is None:
            return True
        return self.review_due < (today or timezone.localdate())


def _add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for days_back in range(4):  # 31 January + 1 month is the end of February
        try:
            return day.replace(year=year, month=month, day=day.day - days_back)
        except ValueError:
            continue
    return day + timedelta(days=30 * months)


class PageRedirect(models.Model):
    """An address a page used to have. Posters and partners' links keep working (301)."""

    old_slug = models.SlugField(max_length=80, unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"/{self.old_slug}/ → /{self.page.slug}/"


class SearchSynonym(models.Model):
    """Everyday words people search with, and the pages those words should find first.

    People type "ex boyfriend" or "airtag", not "domestic abuse" or "hidden trackers".
    Staff keep this list; search also catches other word forms and near spellings.
    """

    phrases = models.TextField(
        "what people type",
        help_text="One word or phrase on each line, for example “ex boyfriend”. "
        "Other forms (“texted” for “texting”) and small spelling mistakes are found anyway.",
    )
    pages = models.ManyToManyField(
        Page,
        related_name="+",
        verbose_name="pages to find first",
        help_text="The pages a search with any of these words should show first.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "search synonym"

    def __str__(self):
        lines = [line.strip() for line in self.phrases.splitlines() if line.strip()]
        return ", ".join(lines)[:80] or "(no words yet)"
