"""The service directory, shaped after the Open Referral UK / HSDS fields.

organisation -> service -> contacts (HSDS phone/contact), opening times
(HSDS schedule) and eligibility. Every change is kept by django-simple-history,
because phone numbers and hours are safety-critical and must be auditable.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import entries, opening, taxonomy
from .phone import parse_uk_number, relay_dial


def hsds_id_field():
    """The record's id in our open data (HSDS `id`): made once, kept for the record's life.

    Stored rather than derived from the slug, the number or the primary key, so a renamed
    service, a changed number or a directory exported and loaded into another database
    keeps the id partners already hold.
    """
    return models.UUIDField("open data id", default=uuid.uuid4, unique=True, editable=False)


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    url = models.URLField("website", blank=True)
    hsds_id = hsds_id_field()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Service(models.Model):
    class Category(models.TextChoices):
        # Translated: the headings of the service list.
        EMERGENCY = "emergency", _("Emergency")
        REPORT = "report", _("Report to the police")
        ADVOCACY = "advocacy", _("Stalking advocacy")
        HELPLINE = "helpline", _("Helpline")
        SUPPORT = "support", _("Support")

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        TEMPORARILY_CLOSED = "temporarily_closed", "Temporarily closed"

    class Area(models.TextChoices):
        NATIONAL = entries.AREA_NATIONAL, "National"
        LOCAL = entries.AREA_LOCAL, "This police area only"

    class Relationship(models.TextChoices):
        ANY = "any", "Anyone"
        DOMESTIC = "domestic", "Domestic: a partner, ex-partner or family member"
        NON_DOMESTIC = "non_domestic", "Non-domestic: anyone else"

    class Genders(models.TextChoices):
        ANY = entries.ANY, "Anyone"
        WOMEN = entries.WOMEN, "Women"
        MEN = entries.MEN, "Men"

    class BankHolidays(models.TextChoices):
        OPEN = opening.BANK_HOLIDAY_OPEN, "Open as usual"
        CLOSED = opening.BANK_HOLIDAY_CLOSED, "Closed"
        UNKNOWN = opening.BANK_HOLIDAY_UNKNOWN, "Not known"

    class Interpreters(models.TextChoices):
        NONE_KNOWN = entries.INTERPRETERS_NONE_KNOWN, "None known"
        ON_REQUEST = entries.INTERPRETERS_ON_REQUEST, "You can ask for an interpreter"
        ONCE_OFFERED = entries.INTERPRETERS_ONCE_OFFERED, "Once offered, not checked since"

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in links and by pages that insert this service. Changing it breaks them.",
    )
    short_description = models.CharField(max_length=300)
    who_it_helps = models.TextField(help_text="In plain words, for the visitor.")
    category = models.CharField(max_length=20, choices=Category.choices)
    role = models.CharField(
        "role in the help-finder",
        max_length=40,
        blank=True,
        choices=[(term.code, term.name) for term in taxonomy.ROLE.terms],
        help_text="Which job the help-finder gives this service: it recommends services by "
        "role. Most roles take one service; a women's or men's domestic abuse line and "
        "victim support may have a local and a national one. Leave blank for none.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    alert = models.CharField(
        "short-term alert",
        max_length=300,
        blank=True,
        help_text="Shown to visitors until the end time below, e.g. 'Lines are busy today'.",
    )
    alert_until = models.DateTimeField(
        "show the alert until",
        null=True,
        blank=True,
        help_text="Needed with an alert, so an out-of-date notice cannot stay up by mistake.",
    )
    self_referral = models.BooleanField("people can contact it themselves", default=True)
    url = models.URLField("website", blank=True)

    # Eligibility
    genders = models.CharField(max_length=10, choices=Genders.choices, default=Genders.ANY)
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True)
    relationship = models.CharField(
        max_length=20, choices=Relationship.choices, default=Relationship.ANY
    )
    area = models.CharField(max_length=20, choices=Area.choices, default=Area.NATIONAL)

    # Hours: weekly OpeningTime rows, or always open.
    always_open = models.BooleanField("open 24 hours", default=False)
    bank_holidays = models.CharField(
        max_length=10, choices=BankHolidays.choices, default=BankHolidays.UNKNOWN
    )
    hours_confirmed = models.BooleanField(
        "opening hours confirmed",
        default=True,
        help_text="Untick when sources disagree on the hours. Visitors then see “Opening "
        "hours not confirmed: call to check”, never open or closed.",
    )

    # Languages: whether a person who does not speak English can ask for an interpreter.
    interpreters = models.CharField(
        "interpreters",
        max_length=20,
        choices=Interpreters.choices,
        default=Interpreters.NONE_KNOWN,
        help_text="Only what a source says. “Once offered” when it is old or unchecked: "
        "visitors are told we have not checked that it still does.",
    )

    # Provenance: how sure we are, and why.
    verified = models.BooleanField(
        default=False,
        help_text="Tick only when the number and hours were checked with the provider.",
    )
    last_verified = models.DateField(
        null=True, blank=True, help_text="When staff last checked the details with the provider."
    )
    source = models.TextField(blank=True, help_text="Where the details came from.")
    confidence_note = models.TextField(blank=True, help_text="What still needs checking.")
    sort_order = models.PositiveSmallIntegerField(default=100)
    hsds_id = hsds_id_field()

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            # The help-finder sends people to the one service in such a role: two would
            # route them by whichever sorts first.
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(role__in=taxonomy.EXCLUSIVE_ROLES),
                name="one_service_per_exclusive_role",
                violation_error_message="Another service already has this role. The "
                "help-finder sends people to one service in this role: change the other "
                "service's role first.",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # In the active language: reverse() adds its prefix (English has none).
        return reverse("signposting:service_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": "The maximum age must not be below the minimum age."})
        if self.alert and not self.alert_until:
            raise ValidationError(
                {"alert_until": "Give the alert an end time. Visitors stop seeing it after that."}
            )
        if self.role in taxonomy.EXCLUSIVE_ROLES:
            other = Service.objects.filter(role=self.role).exclude(pk=self.pk).first()
            if other:
                raise ValidationError(
                    {
                        "role": f"{other.name} already has this role. The help-finder sends "
                        "people to one service in this role: change the other service's "
                        "role first."
                    }
                )

    @property
    def hours(self):
        """Plain Hours from prefetched opening times and exceptions (no extra query)."""
        return opening.Hours(
            always_open=self.always_open,
            sessions=tuple(t.as_session() for t in self.opening_times.all()),
            bank_holidays=self.bank_holidays,
            exceptions=tuple(e.as_exception() for e in self.hours_exceptions.all()),
            temporarily_closed=self.status == self.Status.TEMPORARILY_CLOSED,
            confirmed=self.hours_confirmed,
        )

    def public_contacts(self):
        """Contacts a visitor may see: unverified ones stay in admin until checked."""
        return [c for c in self.contacts.all() if c.verified]

    def as_entry(self):
        local = self.area == entries.AREA_LOCAL
        return entries.Entry(
            slug=self.slug,
            name=self.name,
            category=self.category,
            short_description=self.short_description,
            who_it_helps=self.who_it_helps,
            area=self.area,
            relationship=self.relationship,
            genders=self.genders,
            min_age=self.min_age,
            max_age=self.max_age,
            channels=tuple(c.as_channel() for c in self.public_contacts()),
            hours=self.hours,
            alert=self.alert,
            alert_until=self.alert_until,
            organisation=self.organisation.name if self.organisation_id else "",
            verified=self.verified,
            role=self.role,
            interpreters=self.interpreters,
            area_name=settings.AREA["name"] if local else "",
            area_live_in=settings.AREA["live_in"] if local else "",
        )


class Contact(models.Model):
    """One way to reach a service (HSDS phone / contact / url)."""

    class Kind(models.TextChoices):
        VOICE = entries.VOICE, "Phone (voice)"
        SMS = entries.SMS, "Text message (SMS)"
        TEXTPHONE = entries.TEXTPHONE, "Textphone or relay"
        WEB = entries.WEB, "Web page or form"
        EMAIL = entries.EMAIL, "Email"
        CHAT = entries.CHAT, "Live chat"

    PHONE_KINDS = (Kind.VOICE, Kind.SMS, Kind.TEXTPHONE)

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(
        max_length=100, blank=True, help_text="e.g. “Women's line”. Leave blank for the main line."
    )
    value = models.CharField(
        max_length=200,
        help_text="A UK phone number (999, 101 and 116 123 are fine), a web address or an email.",
    )
    dial = models.CharField(max_length=40, blank=True, editable=False)
    instructions = models.TextField(
        blank=True, help_text="Steps the visitor must follow, one per line (e.g. press 55)."
    )
    for_gender = models.CharField(
        "for", max_length=10, choices=Service.Genders.choices, default=Service.Genders.ANY
    )
    verified = models.BooleanField(
        default=True, help_text="Untick to hide this contact from visitors until it is checked."
    )
    note = models.CharField(max_length=300, blank=True, help_text="For staff: source or doubt.")
    order = models.PositiveSmallIntegerField(default=0)
    hsds_id = hsds_id_field()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        # Code paths other than admin forms (loader, shell) still get a normalised number.
        if self.kind in self.PHONE_KINDS:
            number = self.parse_number()
            self.value, self.dial = number.display, number.dial
        super().save(*args, **kwargs)

    def parse_number(self):
        # A mobile number is fine for texting a service, never as its line to call.
        return parse_uk_number(self.value, texting=self.kind == self.Kind.SMS)

    def clean(self):
        self.value = (self.value or "").strip()
        if self.kind in self.PHONE_KINDS:
            try:
                number = self.parse_number()
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from None
            self.value, self.dial = number.display, number.dial
        elif self.kind == self.Kind.EMAIL:
            from django.core.validators import validate_email

            try:
                validate_email(self.value)
            except ValidationError:
                raise ValidationError({"value": "Enter an email address."}) from None
            self.dial = ""
        elif self.kind in (self.Kind.WEB, self.Kind.CHAT):
            if not self.value.startswith("https://"):
                raise ValidationError({"value": "Enter a web address starting with https://"})
            self.dial = ""

    @property
    def relay_href(self):
        relay = relay_dial(self.dial) if self.kind == self.Kind.VOICE else ""
        return f"tel:{relay}" if relay else ""

    @property
    def href(self):
        if self.kind in (self.Kind.VOICE, self.Kind.TEXTPHONE):
            return f"tel:{self.dial}"
        if self.kind == self.Kind.SMS:
            return f"sms:{self.dial}"
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        return self.value

    def as_channel(self):
        return entries.Channel(
            kind=self.kind,
            label=self.label,
            value=self.value,
            href=self.href,
            instructions=self.instructions,
            for_gender=self.for_gender,
            relay_href=self.relay_href,
        )


class OpeningTime(models.Model):
    """A weekly opening session in UK time (HSDS regular_schedule)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0
        TUESDAY = 1
        WEDNESDAY = 2
        THURSDAY = 3
        FRIDAY = 4
        SATURDAY = 5
        SUNDAY = 6

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField(help_text="Use 00:00 for midnight.")
    hsds_id = hsds_id_field()
    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "opens"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes != dt.time(0) and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})

    def as_session(self):
        return opening.Session(self.weekday, self.opens, self.closes)


class HoursException(models.Model):
    """A dated change to the usual hours (HSDS holiday_schedule), e.g. Christmas Day."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="hours_exceptions")
    date = models.DateField()
    closed = models.BooleanField(default=True)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True, help_text="Use 00:00 for midnight.")
    note = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = "dated change to hours"
        verbose_name_plural = "dated changes to hours"

    def __str__(self):
        return f"{self.date:%d %B %Y}: " + ("closed" if self.closed else "special hours")

    def clean(self):
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError("Give opening and closing times, or tick closed.")

    def as_exception(self):
        return opening.DatedException(self.date, self.closed, self.opens, self.closes, self.note)


class ServiceCheck(models.Model):
    """Someone checked a service's details with its provider: who, when and how.

    The service's `last_verified` (the "Last checked" date visitors see) is set from these
    (signposting.checking), never typed in.
    """

    class Method(models.TextChoices):
        PHONED = "phoned", "Phoned the line"
        WEB_PAGE = "web_page", "The provider's own web page"
        LETTER = "letter", "A letter or email from the provider"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="checks")
    checked_by = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, related_name="+", editable=False
    )
    checked_at = models.DateTimeField()
    method = models.CharField("how", max_length=10, choices=Method.choices)
    web_address = models.URLField(
        "the provider's web page", blank=True, help_text="Needed when checked on a web page."
    )
    note = models.CharField(max_length=300, blank=True, help_text="For staff: what you checked.")

    class Meta:
        ordering = ["-checked_at"]
        get_latest_by = "checked_at"

    def __str__(self):
        return f"{self.service}: {self.get_method_display().lower()}, {self.checked_at:%-d %b %Y}"

    def clean(self):
        if self.method == self.Method.WEB_PAGE and not self.web_address:
            raise ValidationError({"web_address": "Give the address of the page you checked."})
