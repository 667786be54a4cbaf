"""Whether each service offers interpreters, set for the starter services from the facts.

shared/facts/additions-2026-12.yaml, "Interpreters and languages other than English":
under the Victims' Code the police (999, 101, online reporting) must offer an interpreter
to a victim reporting a crime (medium confidence); an old page says Juno Women's Aid's
helpline had Language Line, unverified today (low). Nothing was found for the others.
A database whose services were renamed or removed keeps "none known" for them.
"""

from django.db import migrations, models

CHOICES = [
    ("none_known", "None known"),
    ("on_request", "You can ask for an interpreter"),
    ("once_offered", "Once offered, not checked since"),
]
HELP = (
    "Only what a source says. “Once offered” when it is old or unchecked: visitors are told "
    "we have not checked that it still does."
)
FROM_THE_FACTS = {
    "emergency-999": "on_request",
    "police-101": "on_request",
    "notts-police-online": "on_request",
    "juno-womens-aid": "once_offered",
}


def set_from_the_facts(apps, schema_editor):
    Service = apps.get_model("signposting", "Service")
    for slug, interpreters in FROM_THE_FACTS.items():
        Service.objects.filter(slug=slug).update(interpreters=interpreters)


def field():
    return models.CharField(
        choices=CHOICES,
        default="none_known",
        help_text=HELP,
        max_length=20,
        verbose_name="interpreters",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("signposting", "0008_b_service_checks"),
    ]

    operations = [
        migrations.AddField(model_name="historicalservice", name="interpreters", field=field()),
        migrations.AddField(model_name="service", name="interpreters", field=field()),
        migrations.RunPython(set_from_the_facts, migrations.RunPython.noop),
    ]
