"""The review dashboard as plain text, for a weekly scheduled job.

Exit status 1 when anything is overdue, so cron or CI mail it to someone; 0 otherwise.
"""

import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.review import anything_overdue, review_sections


class Command(BaseCommand):
    help = "List pages and services overdue for review. Exit status 1 when anything is overdue."

    def handle(self, *args, **options):
        now = timezone.now()
        sections = review_sections(now)
        self.stdout.write(f"Stalking Help review report, {timezone.localtime(now):%-d %B %Y %H:%M}")
        for section in sections:
            self.stdout.write("")
            self.stdout.write(f"{section.title} ({len(section.items)})")
            if not section.items:
                self.stdout.write("  none")
            for item in section.items:
                self.stdout.write(f"  - {item.label}: {item.detail}")
        overdue = anything_overdue(sections)
        self.stdout.write("")
        self.stdout.write("Something is overdue." if overdue else "Nothing is overdue.")
        if overdue:
            sys.exit(1)
