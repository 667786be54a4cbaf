"""manage.py export_directory [FILE]: the directory as HSDS 3.0 JSON, as import_directory reads."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from signposting.directory_file import dumps, export_items


class Command(BaseCommand):
    help = (
        "Write every service as a JSON list of full HSDS 3.0 services, with the fields "
        "HSDS has no place for in 'directory_record'. Without FILE, to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="where to write (default: standard output)")

    def handle(self, *args, file=None, **options):
        text = dumps(export_items(timezone.now()))
        if file:
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
