"""Apply scheduled changes whose moment has come (for cron: `* * * * *` is plenty).

Not needed for them to happen: the first request after the moment applies them too
(approvals.schedule). Run it where a change should land even with no visitor.
"""

from django.core.management.base import BaseCommand

from approvals.services import apply_due_changes


class Command(BaseCommand):
    help = "Apply the approved changes scheduled for now or earlier."

    def handle(self, *args, **options):
        applied = apply_due_changes()
        for change in applied:
            self.stdout.write(f"{change.get_status_display()}: {change}")
        if options["verbosity"] > 0 and not applied:
            self.stdout.write("Nothing due.")
