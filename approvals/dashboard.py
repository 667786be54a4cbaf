"""The admin home page's view of changes: what waits for this person, what they asked for,
emergency changes nobody has confirmed, and what changes when."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from translations.review import translations_to_review

from .models import ChangeRequest
from .services import can_decide

Status = ChangeRequest.Status
RECENT = timedelta(days=14)


@dataclass(frozen=True)
class DashboardChange:
    change: ChangeRequest
    changes: tuple


def _with_diff(change):
    return DashboardChange(change, tuple(change.field_changes()))


def _changes():
    return ChangeRequest.objects.select_related(
        "target_type", "submitted_by", "decided_by", "created_by", "confirmed_by"
    )


def dashboard(user):
    pending = [
        c
        for c in _changes().filter(status=Status.PENDING).order_by("submitted_at")
        if can_decide(c, user)
    ]
    unconfirmed = (
        _changes()
        .filter(status=Status.APPLIED, emergency=True, confirmed_by__isnull=True)
        .order_by("applied_at")
    )
    scheduled = _changes().filter(status=Status.SCHEDULED).order_by("go_live_at")
    mine = (
        _changes()
        .filter(Q(submitted_by=user) | Q(created_by=user))
        .filter(
            Q(status__in=ChangeRequest.OPEN)
            | Q(emergency=True, confirmed_by__isnull=True)
            # Decided lately: the person who asked sees "approved by X at T" or "sent back".
            | Q(updated_at__gte=timezone.now() - RECENT)
        )
        .order_by("-updated_at")
    )
    return {
        "to_approve": [_with_diff(c) for c in pending],
        "unconfirmed_emergencies": [_with_diff(c) for c in unconfirmed],
        "scheduled_changes": list(scheduled),
        "my_changes": list(mine),
        # Listed until a translator brings them up to date, or a fluent speaker checks them.
        **translations_to_review(),
    }
