"""Print the reading age of every page (or every starter file), for editors and reviews."""

from django.core.management.base import BaseCommand

from content.models import Page
from content.readability import TARGET_READING_AGE, reading_age
from content.starter import starter_pages


class Command(BaseCommand):
    help = "Show each page's reading age (Flesch-Kincaid grade + 5, measured by textstat)."

    def add_arguments(self, parser):
        parser.add_argument("--starter", action="store_true", help="Measure the starter files.")

    def handle(self, *args, **options):
        if options["starter"]:
            rows = [(p.slug, p.summary + " " + p.body) for p in starter_pages()]
        else:
            rows = [(p.slug, p.summary + " " + p.body) for p in Page.objects.order_by("slug")]
        for slug, html in rows:
            age = reading_age(html)
            flag = "" if age is None or age <= TARGET_READING_AGE + 1 else "  (hard to read)"
            self.stdout.write(f"{slug:30} {age}{flag}")
