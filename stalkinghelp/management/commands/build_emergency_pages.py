"""Build the pages the front proxy serves itself, each with the emergency numbers.

nginx answers some requests without the site: with the emergency page when no app
server answers (502, 503, 504), with its own refusals of requests too big or malformed
to pass on (413, 400), and with "not found" for a missing static file. Those pages are
files, rendered here at deploy time from the same templates and the same database-free
rendering as stalkinghelp.outage, with the numbers read from the directory now (never
typed). Run it again after
changing one of those numbers; `make serve-production` runs it at every start.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.template import loader

from signposting.emergency import FALLBACK, numbers_in_directory
from stalkinghelp.outage import database_free_context, emergency_page_html

# File name -> what it is; deploy/nginx.conf.template names the same files.
EMERGENCY_PAGE = "emergency.html"
TOO_LARGE_PAGE = "too-large.html"
BAD_REQUEST_PAGE = "bad-request.html"
NOT_FOUND_PAGE = "not-found.html"


def _write(path, text):
    """Replace `path` in one step, so nginx never serves half a page."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(temporary, 0o644)  # nginx's workers may run as another user
    os.replace(temporary, path)


class Command(BaseCommand):
    help = "Write the front proxy's own pages (emergency, too large, bad request, not found)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        try:
            numbers = numbers_in_directory()
        except DatabaseError as error:
            raise CommandError(f"Could not read the directory: {error}") from error
        missing = [FALLBACK[key].label for key in FALLBACK if key not in numbers]
        if missing:
            raise CommandError(
                "The directory has no verified phone number for: "
                + ", ".join(missing)
                + ". Load the directory first (manage.py load_starter_data)."
            )
        context = database_free_context(numbers)
        limit_kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        pages = {
            EMERGENCY_PAGE: emergency_page_html(numbers),
            TOO_LARGE_PAGE: loader.render_to_string("413.html", context | {"limit_kb": limit_kb}),
            BAD_REQUEST_PAGE: loader.render_to_string("400.html", context),
            NOT_FOUND_PAGE: loader.render_to_string("404.html", context),
        }
        folder.mkdir(parents=True, exist_ok=True)
        for name, html in pages.items():
            _write(folder / name, html)
        if options["verbosity"]:
            self.stdout.write(f"Wrote {', '.join(pages)} to {folder}")
