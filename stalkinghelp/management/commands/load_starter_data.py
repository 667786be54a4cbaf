"""Load every app's starter data. Safe to run again: each loader skips what staff changed."""

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

# In dependency order: pages insert numbers from the directory; translations need both.
LOADERS = ["load_directory", "load_pages", "load_translations"]


class Command(BaseCommand):
    help = "Load the starter directory and pages into the database (never overwrites staff edits)."

    def handle(self, *args, **options):
        available = get_commands()
        for name in LOADERS:
            if name in available:
                call_command(name, verbosity=options["verbosity"])
