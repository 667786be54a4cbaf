"""Scheduled changes happen on time with no job to run: the first request after the moment
applies them, on whichever server it reaches, before the page cache answers.

Every request reads one stamped value from the shared cache: the next moment a scheduled
change is due, kept with the content token it was worked out under (read_stamped, the one
invalidation mechanism). Approving, withdrawing or applying a scheduled change replaces the
token, so every server works the moment out again. `manage.py apply_scheduled_changes`
does the same from cron, for a site that may go a while without a visitor.
"""

import logging
from datetime import datetime

from django.db import DatabaseError
from django.db.models import Min
from django.utils import timezone

from stalkinghelp.content_generation import keep_stamped, read_stamped

from .models import ChangeRequest
from .services import apply_due_changes

logger = logging.getLogger(__name__)

KEY = "approvals:next-scheduled-change"
KEEP_SECONDS = 24 * 60 * 60  # worked out again at least daily, whatever happens


def next_due(generation):
    """The next scheduled moment (or None) from the database, kept stamped with `generation`."""
    found = ChangeRequest.objects.filter(status=ChangeRequest.Status.SCHEDULED).aggregate(
        first=Min("go_live_at")
    )["first"]
    keep_stamped(KEY, generation, found.isoformat() if found else None, KEEP_SECONDS)
    return found


def due_moment():
    generation, copy = read_stamped(KEY)
    if copy is not None and copy.generation == generation:
        return datetime.fromisoformat(copy.value) if copy.value else None
    return next_due(generation)


class ScheduledChangesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            moment = due_moment()
            if moment is not None and moment <= timezone.now():
                apply_due_changes()
        except DatabaseError:
            # The database is down: the outage fallback answers, and the next request tries again.
            logger.warning("Scheduled changes: the database is unreachable")
        return self.get_response(request)
