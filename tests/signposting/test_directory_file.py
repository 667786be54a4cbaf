"""manage.py export_directory and import_directory: HSDS 3.0 files, checked, reported, applied."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from signposting import taxonomy
from signposting.models import Contact, HoursException, OpeningTime, Organisation, Service
from stalkinghelp.content_generation import current_generation
from tests.hsds_standard import STANDARD_DIR, errors, validator
from tests.signposting.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def standard(settings):
    validator("compiled/service.json")  # skips, or fails under CI, without the standard
    settings.HSDS_STANDARD_DIR = str(STANDARD_DIR)


def export(tmp_path, name="export.json"):
    path = tmp_path / name
    call_command("export_directory", str(path))
    return path


def run_import(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("import_directory", str(path), *args, stdout=out)
    return out.getvalue()


def empty_the_directory():
    for model in (Contact, OpeningTime, HoursException, Service, Organisation):
        model.objects.all().delete()
        model.history.all().delete()


def test_every_exported_service_is_valid_against_the_standard(starter_data, tmp_path):
    items = json.loads(export(tmp_path).read_text())
    check = validator("compiled/service.json")
    assert len(items) == 22
    assert [item["name"] for item in items if errors(check, item)] == []


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_file(
    starter_data, tmp_path
):
    first = export(tmp_path, "first.json")
    empty_the_directory()
    assert Service.objects.count() == 0
    assert "Applied: 22 service(s) created, 0 changed." in run_import(first, "--apply")
    second = export(tmp_path, "second.json")
    assert second.read_bytes() == first.read_bytes()


def test_importing_the_same_directory_again_changes_nothing(starter_data, tmp_path):
    path = export(tmp_path)
    assert run_import(path, "--apply").strip() == "No changes."


def test_an_import_reports_each_change_and_writes_nothing_without_apply(starter_data, tmp_path):
    path = export(tmp_path)
    items = json.loads(path.read_text())
    helpline = next(i for i in items if i["slug"] == "national-stalking-helpline")
    helpline["name"] = "Stalking Helpline"
    helpline["directory_record"]["contacts"][0]["value"] = "0808 802 0301"
    path.write_text(json.dumps(items))
    before = current_generation()

    report = run_import(path)

    assert 'name: "National Stalking Helpline" -> "Stalking Helpline"' in report
    assert '.value: "0808 802 0300" -> "0808 802 0301"' in report
    assert "Nothing was changed" in report
    assert (
        Service.objects.get(slug="national-stalking-helpline").name == "National Stalking Helpline"
    )
    assert current_generation() == before

    assert "0 service(s) created, 1 changed." in run_import(path, "--apply")
    service = Service.objects.get(slug="national-stalking-helpline")
    assert service.name == "Stalking Helpline"
    assert service.contacts.first().value == "0808 802 0301"
    # The saves went through the ORM: every cached page and directory copy is out of date.
    assert current_generation() != before


def test_a_service_missing_from_the_file_is_reported_and_kept(starter_data, tmp_path):
    path = export(tmp_path)
    items = [i for i in json.loads(path.read_text()) if i["slug"] != "samaritans"]
    path.write_text(json.dumps(items))
    assert "not in the file, left as it is: samaritans" in run_import(path, "--apply")
    assert Service.objects.filter(slug="samaritans").exists()


def test_a_file_the_standard_rejects_is_refused_naming_the_record_and_field(starter_data, tmp_path):
    path = export(tmp_path)
    items = json.loads(path.read_text())
    items[3]["phones"][0]["number"] = 999
    del items[5]["status"]
    path.write_text(json.dumps(items))
    with pytest.raises(CommandError) as refused:
        run_import(path, "--apply")
    message = str(refused.value)
    assert (
        f"service 4 ({items[3]['slug']}): phones/0/number: 999 is not of type 'string'" in message
    )
    assert f"service 6 ({items[5]['slug']}): (the service): 'status' is a required" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda items: items[0]["directory_record"]["contacts"][0].update(value="12345"),
            "service emergency-999: contact",
        ),
        (
            lambda items: items[1]["attributes"].append(
                {**items[0]["attributes"][-1], "id": "5b0f3e6e-58a2-4a57-9d0c-1f6f3c6b1a11"}
            ),
            "role emergency_call is for one service only",
        ),
        (lambda items: items.append(dict(items[0])), "appears twice"),
    ],
    ids=["not a UK number", "an exclusive role twice", "the same service twice"],
)
def test_a_file_breaking_our_rules_is_refused_whole(starter_data, tmp_path, change, expected):
    path = export(tmp_path)
    items = json.loads(path.read_text())
    items[1]["attributes"] = [
        a for a in items[1]["attributes"] if a["taxonomy_term"]["taxonomy_id"] != taxonomy.ROLE.id
    ]
    items[1]["name"] = "Changed, and must not be saved"
    change(items)
    path.write_text(json.dumps(items))
    with pytest.raises(CommandError, match=expected):
        run_import(path, "--apply")
    assert not Service.objects.filter(name="Changed, and must not be saved").exists()


def test_a_file_that_is_not_a_list_of_services_is_refused(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"contents": []}))
    with pytest.raises(CommandError, match="must be a JSON list of HSDS 3.0 services"):
        run_import(path)


def test_the_command_says_where_it_looked_for_the_standard(settings, tmp_path):
    settings.HSDS_STANDARD_DIR = str(tmp_path / "nowhere")
    path = tmp_path / "empty.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="set HSDS_STANDARD_DIR"):
        run_import(path)


def test_an_exclusive_role_takes_one_service_and_says_which_has_it():
    make_service("first", role="local_stalking_advocacy")
    second = make_service("second")
    second.role = "local_stalking_advocacy"
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "already has this role" in error.value.message_dict["role"][0]


def test_a_role_for_a_local_and_a_national_line_takes_more_than_one():
    make_service("local-line", role="domestic_abuse_line_women", area="notts")
    national = make_service("national-line", role="domestic_abuse_line_women")
    national.full_clean()
