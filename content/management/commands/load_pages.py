"""Create the starter pages that are missing, and the starter search synonyms on a site
with none. Never changes a page or a synonym staff have touched.

Safe to run again: a page is created only if no page has ever had its address (a
page staff renamed or deleted stays renamed or deleted; history remembers it).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content.models import Page, SearchSynonym
from content.starter import add_starter_synonyms, starter_pages


class Command(BaseCommand):
    help = "Create missing starter pages from content/starter/ (never overwrites staff edits)."

    @transaction.atomic
    def handle(self, *args, **options):
        created = 0
        made_easy_read = []
        for starter in starter_pages():
            if (
                Page.history.filter(slug=starter.slug).exists()
                or Page.objects.filter(slug=starter.slug).exists()
            ):
                continue
            page = Page(
                slug=starter.slug,
                title=starter.title,
                summary=starter.summary,
                body=starter.body,
                section=starter.section,
                nav_order=starter.nav_order,
                show_on_home=starter.show_on_home,
                feature=starter.feature,
                status=Page.Status.PUBLISHED,
                # No review date: nobody has reviewed it here yet (the review list says so).
                last_reviewed=None,
            )
            try:
                page.full_clean()
            except ValidationError as error:
                raise CommandError(f"Starter page {starter.slug}: {error.messages}") from error
            page._change_reason = "Starter content"
            page.save()
            created += 1
            if starter.easy_read_of:
                made_easy_read.append((page, starter.easy_read_of))
        # After all are made, so an easy read page finds its standard page.
        for page, standard_slug in made_easy_read:
            page.easy_read_of = Page.objects.filter(slug=standard_slug).first()
            page._change_reason = "Starter content"
            page.save()
        synonyms = add_starter_synonyms(SearchSynonym, Page)
        if options["verbosity"]:
            self.stdout.write(f"Starter pages: {created} created. Search synonyms: {synonyms}.")
