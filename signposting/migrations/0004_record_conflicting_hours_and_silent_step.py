"""Bring directories loaded from the old starter file in line with the facts (issue 10).

- The Men's Advice Line, Karma Nirvana and Galop have two conflicting timetables in the
  sources; the starter recorded one as fact. Mark their hours not confirmed, unless staff
  have since checked the service with its provider (last_verified is set).
- The Silent Solution steps lacked one: with no 55 and no sound, the call is ended. Add it
  only where the steps are still exactly the starter's, so staff wording is never replaced.
"""

from django.db import migrations

CONFLICTING_HOURS = ("mens-advice-line", "karma-nirvana", "galop")

OLD_SILENT_STEPS = "\n".join(
    [
        "Call 999. The operator will ask which service you need.",
        "If you can, speak, even in a whisper. If you cannot, cough or tap the phone.",
        "On a mobile, you may hear a recorded message asking you to press 55. Press 55.",
        "You will be put through to the police. Answer their questions by tapping or coughing.",
        "Pressing 55 does not tell the police where you are.",
        "From a landline, stay on the line. The call can be put through without pressing 55,"
        " and a landline shows your address.",
    ]
)
NO_55_STEP = "If you do not press 55 and make no sound, the call is ended."


def _new_silent_steps(old):
    lines = old.split("\n")
    return "\n".join([*lines[:3], NO_55_STEP, *lines[3:]])


def forwards(apps, schema_editor):
    Service = apps.get_model("signposting", "Service")
    Contact = apps.get_model("signposting", "Contact")
    Service.objects.filter(slug__in=CONFLICTING_HOURS, last_verified__isnull=True).update(
        hours_confirmed=False
    )
    Contact.objects.filter(
        service__slug="silent-solution", instructions=OLD_SILENT_STEPS
    ).update(instructions=_new_silent_steps(OLD_SILENT_STEPS))


def backwards(apps, schema_editor):
    Contact = apps.get_model("signposting", "Contact")
    Contact.objects.filter(
        service__slug="silent-solution", instructions=_new_silent_steps(OLD_SILENT_STEPS)
    ).update(instructions=OLD_SILENT_STEPS)


class Migration(migrations.Migration):
    dependencies = [("signposting", "0003_service_hours_confirmed")]

    operations = [migrations.RunPython(forwards, backwards)]
