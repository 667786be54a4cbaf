"""A change that needs a second person, kept as data until someone else approves it.

The live record is never half-saved: the proposed values wait here (a working copy of
a page, or a change to a service's numbers, hours, status or eligibility), with the
values they were based on. Applying one is a real save of the live record, so its
history shows the new version and every cached copy is replaced.

This app is not in stalkinghelp.invalidation's PUBLIC_APPS: a pending change alters
nothing a visitor sees.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ChangeRequest(models.Model):
    class Status(models.TextChoices):
        WORKING_COPY = "working", "Working copy (not sent yet)"
        PENDING = "pending", "Waiting for approval"
        SENT_BACK = "sent_back", "Sent back"
        SCHEDULED = "scheduled", "Approved, scheduled"
        APPLIED = "applied", "Live"
        WITHDRAWN = "withdrawn", "Withdrawn"
        STALE = "stale", "Out of date: the live version changed first"

    # One open change per record, so two people never race to publish different versions.
    OPEN = (Status.WORKING_COPY, Status.PENDING, Status.SENT_BACK, Status.SCHEDULED)

    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    # Empty for a record that does not exist yet (a new service): approval creates it.
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    summary = models.CharField("what", max_length=200)
    # Values as the live record had them when the change began (None for a new record),
    # and as they will be: see approvals.protected for their shape.
    base = models.JSONField(null=True, blank=True)
    proposed = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WORKING_COPY)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Everyone who put values into the change: none of them may approve it.
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    send_back_reason = models.TextField(blank=True)
    go_live_at = models.DateTimeField("goes live at", null=True, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    emergency = models.BooleanField("emergency change made alone", default=False)
    emergency_reason = models.TextField(blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "change for a second person"
        verbose_name_plural = "changes for a second person"
        permissions = [
            ("approve_change", "Can approve, schedule or send back someone else's change"),
        ]
        constraints = [
            # Nobody approves, sends back or confirms their own change, whatever the code above.
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("submitted_by")),
                name="approvals_not_decided_by_submitter",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("submitted_by")),
                name="approvals_not_confirmed_by_submitter",
            ),
            models.UniqueConstraint(
                fields=["target_type", "target_id"],
                condition=Q(status__in=["working", "pending", "sent_back", "scheduled"]),
                name="approvals_one_open_change_per_record",
            ),
        ]
        indexes = [models.Index(fields=["status", "go_live_at"])]

    def __str__(self):
        return self.summary

    @property
    def target_model(self):
        return self.target_type.model_class()

    def target(self):
        if self.target_id is None:
            return None
        return self.target_model._default_manager.filter(pk=self.target_id).first()

    @property
    def is_open(self):
        return self.status in self.OPEN

    def field_changes(self):
        """What the change does, field by field (approvals.protected.diff)."""
        from .protected import diff, rule_for

        return diff(self.target_model, self.base, self.proposed, rule_for(self.target_model))

    @property
    def awaiting_confirmation(self):
        return self.emergency and self.confirmed_by_id is None

    def state_sentence(self):
        """The state as the person who asked sees it."""
        change = self

        def when(value):
            return f"{timezone.localtime(value):%-d %B %Y at %H:%M}"

        status = change.Status
        if change.status == status.PENDING:
            return "Waiting for approval."
        if change.status == status.WORKING_COPY:
            return "Working copy: not sent for approval yet. The live version is unchanged."
        if change.status == status.SENT_BACK:
            return f"Sent back by {change.decided_by}: {change.send_back_reason}"
        if change.status == status.SCHEDULED:
            return (
                f"Approved by {change.decided_by} at {when(change.decided_at)}; "
                f"goes live {when(change.go_live_at)}."
            )
        if change.status == status.APPLIED and change.emergency:
            confirmed = (
                f"confirmed by {change.confirmed_by} at {when(change.confirmed_at)}."
                if change.confirmed_by
                else "waiting for a second person to confirm it."
            )
            return (
                f"Emergency change made alone by {change.submitted_by} "
                f"at {when(change.applied_at)}; {confirmed}"
            )
        if change.status == status.APPLIED:
            return (
                f"Approved by {change.decided_by} at {when(change.decided_at)}; "
                f"live since {when(change.applied_at)}."
            )
        if change.status == status.STALE:
            return (
                "Out of date: the live version changed after this was made. Make the change again."
            )
        return "Withdrawn."


class EmergencyAllowance(models.Model):
    """A Publisher a Site administrator has allowed to make an emergency change alone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="emergency_allowance",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    reason = models.CharField(
        max_length=300, help_text="Why this person may change a number alone, e.g. on call."
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "permission to make emergency changes alone"
        verbose_name_plural = "permissions to make emergency changes alone"
        constraints = [
            models.CheckConstraint(
                condition=~Q(user=F("granted_by")), name="approvals_allowance_not_self_granted"
            )
        ]

    def __str__(self):
        return f"{self.user}: may make emergency changes alone"


def content_type_for(model):
    return ContentType.objects.get_for_model(model)
