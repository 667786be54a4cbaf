"""Print how hard each page (or each starter file) is to read, for editors and reviews."""

from django.core.management.base import BaseCommand

from content.models import Page
from content.readability import GRADE_LIMIT, grade
from content.starter import starter_pages


class Command(BaseCommand):
    help = (
        "Show each page's Flesch-Kincaid grade (textstat), with its reading age (grade + 5). "
        f"Aim for grade {GRADE_LIMIT} or below."
    )

    def add_arguments(self, parser):
        parser.add_argument("--starter", action="store_true", help="Measure the starter files.")

    def handle(self, *args, **options):
        pages = starter_pages() if options["starter"] else Page.objects.order_by("slug")
        for page in pages:
            measured = grade(f"<p>{page.summary}</p>{page.body}")
            if measured is None:
                self.stdout.write(f"{page.slug:30} -")
                continue
            flag = "" if measured <= GRADE_LIMIT else "  (hard to read)"
            self.stdout.write(
                f"{page.slug:30} grade {measured:4.1f}  reading age {measured + 5:4.1f}{flag}"
            )
