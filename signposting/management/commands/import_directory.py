"""manage.py import_directory FILE [--apply]: load a directory of HSDS 3.0 services.

Without --apply nothing is written: it reports, per service and per field, what would
change (old -> new), so staff edits are never lost unseen. A file with any error (against
the standard, or against our own rules such as a valid UK number or one service per
exclusive role) is refused whole, naming the record and field.
"""

from django.core.management.base import BaseCommand, CommandError

from signposting.directory_file import DirectoryFileError, apply_plan, plan_import, read_items


class Command(BaseCommand):
    help = (
        "Import a JSON list of full HSDS 3.0 services (as export_directory writes, or "
        "GET /api/v1/services/{id} gives). Reports what would change; --apply writes it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--apply", action="store_true", help="make the changes reported")

    def handle(self, *args, file, apply=False, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            plan = plan_import(read_items(text))
            for line in plan.report():
                self.stdout.write(line)
            if not plan.has_changes:
                return
            if not apply:
                self.stdout.write(
                    "Nothing was changed. Run again with --apply to make these changes."
                )
                return
            apply_plan(plan)
        except DirectoryFileError as error:
            raise CommandError(f"{file} was not imported:\n{error}") from None
        self.stdout.write(
            f"Applied: {len(plan.created)} service(s) created, {len(plan.changes)} changed."
        )
