"""Emails about changes: approvers hear of each change sent to them, requesters of the outcome.

Through Django's email framework (settings: stalkinghelp.settings.email). The emails say
what changed and link to the admin; they hold nothing about any visitor.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.urls import reverse

from .protected import rule_for

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _link(change):
    return settings.SITE_URL + reverse("admin:approvals_changerequest_change", args=[change.pk])


def _diff_text(change):
    lines = []
    for item in change.field_changes():
        lines.append(f"{item.label}:\n  was: {item.before}\n  now: {item.after}")
    return "\n".join(lines) or "No field changes."


def approvers(change):
    """Everyone who may decide this change: the right role, active, and not one of its authors."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    rule = rule_for(change.target_model)
    for permission in ("approvals.approve_change", rule.approve_permission):
        users = users & get_user_model().objects.with_perm(permission, backend=MODEL_BACKEND)
    authors = {
        change.submitted_by_id,
        change.created_by_id,
        *change.authors.values_list("pk", flat=True),
    }
    return [user for user in users.distinct().order_by("username") if user.pk not in authors]


def approvers_of(change):
    if change.emergency:
        subject = f"Emergency change made alone, please confirm: {change.summary}"
        opening = (
            f"{change.submitted_by} made this change alone, as an emergency: "
            f"{change.emergency_reason}\nIt is live. Check it and confirm it, or put it right."
        )
    else:
        subject = f"Waiting for your approval: {change.summary}"
        opening = f"{change.submitted_by} asks you to check and approve this change."
    body = f"{opening}\n\n{_diff_text(change)}\n\nOpen it: {_link(change)}\n"
    messages = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]) for user in approvers(change)
    ]
    send_mass_mail(messages, fail_silently=False)


def requester_of(change):
    requester = change.submitted_by or change.created_by
    if not requester.email:
        return
    subject = f"{change.get_status_display()}: {change.summary}"
    body = f"{change.state_sentence()}\n\nOpen it: {_link(change)}\n"
    send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [requester.email])])
