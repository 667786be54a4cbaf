"""A stored open-data id (HSDS `id`) on organisations, services, contacts and opening times.

Existing rows keep the id we have been publishing (it was derived from the slug, the
number or the weekday), so partners who hold one find the same record; from now on the
id is stored and never changes. History rows get the id of the record they copy.
"""

import uuid

from django.db import migrations, models

# The namespace the ids were derived in before they were stored (signposting.serializers.hsds).
OLD_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://stalkinghelp.nottinghamshire/hsds")
PHONE_KINDS = ("voice", "sms", "textphone")
MODELS = ("organisation", "service", "contact", "openingtime")


def _published(kind, key):
    return uuid.uuid5(OLD_NAMESPACE, f"{kind}:{key}")


def _previous_id(model_name, row):
    if model_name == "organisation":
        return _published("organization", row.slug)
    if model_name == "service":
        return _published("service", row.slug)
    if model_name == "contact" and row.kind in PHONE_KINDS:
        return _published("phone", f"{row.service.slug}:{row.dial}:{row.kind}")
    if model_name == "openingtime":
        return _published("schedule", f"{row.service.slug}:{row.weekday}:{row.opens}")
    return uuid.uuid4()


def fill_ids(apps, schema_editor):
    for model_name in MODELS:
        model = apps.get_model("signposting", model_name)
        rows = model.objects.all()
        if model_name in ("contact", "openingtime"):
            rows = rows.select_related("service")
        given = {}
        for row in rows.order_by("pk"):
            value = _previous_id(model_name, row)
            # Two rows that shared a derived id (the old scheme's flaw) each get their own.
            row.hsds_id = value if value not in given.values() else uuid.uuid4()
            given[row.pk] = row.hsds_id
            row.save(update_fields=["hsds_id"])
        history = apps.get_model("signposting", "historical" + model_name)
        for record in history.objects.all():
            record.hsds_id = given.get(record.id) or uuid.uuid5(
                OLD_NAMESPACE, f"removed-{model_name}:{record.id}"
            )
            record.save(update_fields=["hsds_id"])


def _field(**extra):
    return models.UUIDField(
        default=uuid.uuid4, editable=False, verbose_name="open data id", **extra
    )


class Migration(migrations.Migration):
    dependencies = [
        ("signposting", "0004_record_conflicting_hours_and_silent_step"),
    ]

    operations = [
        # Nullable first: AddField would give every existing row the same uuid4().
        *[
            migrations.AddField(model_name=name, name="hsds_id", field=_field(null=True))
            for name in MODELS
        ],
        *[
            migrations.AddField(
                model_name="historical" + name, name="hsds_id", field=_field(null=True)
            )
            for name in MODELS
        ],
        migrations.RunPython(fill_ids, migrations.RunPython.noop),
        *[
            migrations.AlterField(model_name=name, name="hsds_id", field=_field(unique=True))
            for name in MODELS
        ],
        *[
            migrations.AlterField(
                model_name="historical" + name, name="hsds_id", field=_field(db_index=True)
            )
            for name in MODELS
        ],
    ]
