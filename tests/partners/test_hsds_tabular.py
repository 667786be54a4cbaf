"""The HSDS tabular download: the standard's tables and columns, agreeing with the JSON."""

import csv
import io
import json
import zipfile

import pytest

from partners.tabular import TABLES
from tests.hsds_standard import SCHEMAS, validator

pytestmark = pytest.mark.django_db

URL = "/partners/data/directory-hsds.zip"
OBJECTS = {
    "services": "service",
    "organizations": "organization",
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "attributes": "attribute",
    "taxonomy_terms": "taxonomy_term",
    "taxonomies": "taxonomy",
}


def standard_object(table):
    validator(f"{OBJECTS[table]}.json")  # skips, or fails under CI, without the standard
    return json.loads((SCHEMAS / f"{OBJECTS[table]}.json").read_text())


def standard_columns(schema):
    return {
        name: field.get("datapackage_type", field["type"])
        for name, field in schema["properties"].items()
        if field.get("type") not in ("array", "object") and "$ref" not in field
    }


@pytest.fixture
def package(client, starter_data):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    tables = {
        name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(archive.read(name).decode())))
        for name in archive.namelist()
        if name.endswith(".csv")
    }
    return json.loads(archive.read("datapackage.json")), tables, archive


@pytest.mark.parametrize("table", list(TABLES))
def test_each_table_is_the_standards_file_with_its_columns_and_types(package, table):
    descriptor, _tables, archive = package
    schema = standard_object(table)
    assert schema["path"] == f"{table}.csv"
    header = archive.read(f"{table}.csv").decode().splitlines()[0].split(",")
    columns = standard_columns(schema)
    assert header == list(columns)
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    assert resource["path"] == f"{table}.csv"
    assert {f["name"]: f["type"] for f in resource["schema"]["fields"]} == columns


def test_the_tables_hold_what_the_json_holds(client, package):
    _descriptor, tables, _archive = package
    services = client.get("/api/v1/services?full=true").json()["contents"]
    assert {row["id"] for row in tables["services"]} == {s["id"] for s in services}
    phones = {(p["id"], p["number"], p["type"]) for s in services for p in s.get("phones", [])}
    assert {(r["id"], r["number"], r["type"]) for r in tables["phones"]} == phones
    schedules = sum(len(s.get("schedules", [])) for s in services)
    assert len(tables["schedules"]) == schedules
    ids = {s["id"] for s in services}
    for table in ("phones", "schedules", "service_areas"):
        assert {row["service_id"] for row in tables[table]} <= ids, table
    assert {row["link_id"] for row in tables["attributes"]} == ids
    terms = {row["id"] for row in tables["taxonomy_terms"]}
    assert {row["taxonomy_term_id"] for row in tables["attributes"]} == terms


def test_phone_types_are_kept(package):
    _descriptor, tables, _archive = package
    types = {row["type"] for row in tables["phones"]}
    assert types == {"voice", "text", "textphone"}


def test_the_package_states_the_open_government_licence(package):
    descriptor, _tables, _archive = package
    assert descriptor["licenses"][0]["title"] == "Open Government Licence v3.0"
    assert descriptor["profile"] == "tabular-data-package"


def test_the_same_directory_gives_the_same_bytes(client, starter_data):
    first, second = client.get(URL), client.get(URL)
    assert first.content == second.content and first["ETag"] == second["ETag"]
