"""A review date is only ever one a person gave.

`load_pages` used to stamp each starter page with the day it ran. This clears that date
on pages where no one has changed it since, so they show no "Last reviewed" line and the
review list asks for them. A date staff entered themselves is kept.
"""

from django.db import migrations, models

STARTER_REASON = "Starter content"  # the change reason load_pages records
HELP_TEXT = (
    "The day someone checked this page was right. Visitors see it. "
    "Leave empty if nobody has checked it yet."
)


def clear_dates_set_by_the_loader(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    for page in Page.objects.exclude(last_reviewed=None):
        versions = HistoricalPage.objects.filter(id=page.pk).order_by("history_date")
        first = versions.first()
        if first is None or first.history_change_reason != STARTER_REASON:
            continue
        dates = set(versions.values_list("last_reviewed", flat=True))
        if dates == {first.last_reviewed} and page.last_reviewed == first.last_reviewed:
            Page.objects.filter(pk=page.pk).update(last_reviewed=None)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalpage",
            name="last_reviewed",
            field=models.DateField(blank=True, help_text=HELP_TEXT, null=True),
        ),
        migrations.AlterField(
            model_name="page",
            name="last_reviewed",
            field=models.DateField(blank=True, help_text=HELP_TEXT, null=True),
        ),
        migrations.RunPython(clear_dates_set_by_the_loader, migrations.RunPython.noop),
    ]
