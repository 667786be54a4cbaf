"""manage.py load_directory: create the starter services that are missing. Safe to run again."""

from django.core.management.base import BaseCommand

from signposting.starter import load_directory


class Command(BaseCommand):
    help = "Create starter directory services that are missing (never changes existing ones)."

    def handle(self, *args, **options):
        created = load_directory()
        if options["verbosity"]:
            self.stdout.write(f"Directory: {len(created)} service(s) created.")
