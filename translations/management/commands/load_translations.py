"""Create the starter translations that are missing (translations.starter). Never changes
or brings back a translation staff have touched."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from translations.starter import (
    PAGES_DIR,
    SERVICES_DIR,
    StarterTranslationError,
    load_page_translations,
    load_service_translations,
)


class Command(BaseCommand):
    help = "Create missing starter translations of pages and service descriptions."

    def add_arguments(self, parser):
        parser.add_argument("--pages-dir", default=PAGES_DIR)
        parser.add_argument("--services-dir", default=SERVICES_DIR)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                pages = load_page_translations(options["pages_dir"])
                services = load_service_translations(options["services_dir"])
        except StarterTranslationError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"Starter translations: {pages} page(s), {services} service description(s)."
            )
