"""Admin for the directory: staff keep numbers and hours right, and see what needs checking."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from approvals.admin_mixin import SecondPersonAdminMixin

from .checking import MarkCheckedAdminMixin
from .models import Contact, HoursException, OpeningTime, Organisation, Service

# A website typed without a scheme is taken as https (Django 6's default, chosen now).
HTTPS_WEBSITES = {models.URLField: {"assume_scheme": "https"}}


class ContactInline(admin.StackedInline):
    model = Contact
    extra = 0
    fields = [
        ("kind", "label", "for_gender"),
        "value",
        "instructions",
        ("verified", "note"),
        "order",
    ]


class OpeningTimeInline(admin.TabularInline):
    model = OpeningTime
    extra = 0


class HoursExceptionInline(admin.TabularInline):
    model = HoursException
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_WEBSITES
    list_display = ["name", "slug", "url"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(MarkCheckedAdminMixin, SecondPersonAdminMixin, SimpleHistoryAdmin):
    """A change to numbers, hours, status, alert or eligibility waits for a second person
    (approvals.protected lists them); other changes save at once."""

    formfield_overrides = HTTPS_WEBSITES
    list_display = [
        "name",
        "category",
        "role",
        "area",
        "status",
        "verified",
        "last_verified_display",
        "hours_display",
    ]
    list_filter = [
        "category", "role", "area", "verified", "hours_confirmed", "status", "relationship",
        "genders",
    ]  # fmt: skip
    search_fields = ["name", "slug", "organisation__name", "contacts__value", "short_description"]
    list_select_related = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactInline, OpeningTimeInline, HoursExceptionInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "interpreters":
            # A form (or script) that leaves it out keeps "none known", never an error.
            field.required = False
        return field

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "organisation",
                    "category",
                    "role",
                    "status",
                    ("alert", "alert_until"),
                ]
            },
        ),
        (
            "For visitors",
            {
                "fields": [
                    "short_description",
                    "who_it_helps",
                    "url",
                    "self_referral",
                    "interpreters",
                ]
            },
        ),
        ("Who it is for", {"fields": ["genders", ("min_age", "max_age"), "relationship", "area"]}),
        (
            "Hours",
            {
                "fields": ["always_open", "bank_holidays", "hours_confirmed"],
                "description": "Add weekly times below. With no times and not 24 hours, "
                "visitors see “Opening hours not known: call to check”. When sources "
                "disagree, untick “opening hours confirmed”: visitors then see “Opening "
                "hours not confirmed: call to check”, never open or closed.",
            },
        ),
        (
            "Checking",
            {
                "fields": [
                    "verified",
                    "last_verified",
                    "last_check",
                    "source",
                    "confidence_note",
                    "sort_order",
                ],
                "description": "To record a check, use “Mark as checked” (the list's actions, "
                "or the button above): it sets the date visitors see.",
            },
        ),
    ]
    # Set only by "Mark as checked" (signposting.checking), with who, when and how.
    readonly_fields = ["last_verified", "last_check"]

    def get_queryset(self, request):
        # One query for the list, however many services: the hours column needs a count.
        return (
            super()
            .get_queryset(request)
            .annotate(session_count=Count("opening_times", distinct=True))
        )

    @admin.display(description="last checked", ordering="last_verified")
    def last_verified_display(self, service):
        return service.last_verified.strftime("%-d %b %Y") if service.last_verified else "never"

    @admin.display(description="hours")
    def hours_display(self, service):
        if not service.hours_confirmed:
            return "not confirmed"
        if service.always_open:
            return "24 hours"
        return "weekly times" if service.session_count else "not known"
