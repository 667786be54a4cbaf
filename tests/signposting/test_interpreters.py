"""Interpreters in the directory: the migration that sets them, and files in and out."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from signposting.directory_file import record_from_item
from signposting.interpreters import interpreters_from_hsds, interpreters_sentence

BEFORE = [("signposting", "0008_b_service_checks")]
AFTER = [("signposting", "0009_g_service_interpreters")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_sets_interpreters_for_the_services_the_facts_name():
    apps = _migrate(BEFORE)
    try:
        Service = apps.get_model("signposting", "Service")
        for slug in ("police-101", "juno-womens-aid", "samaritans"):
            Service.objects.create(
                name=slug, slug=slug, short_description="A line.", who_it_helps="Anyone.",
                category="helpline",
            )  # fmt: skip
        Service = _migrate(AFTER).get_model("signposting", "Service")
        found = dict(Service.objects.values_list("slug", "interpreters"))
        assert found == {
            "police-101": "on_request",
            "juno-womens-aid": "once_offered",
            "samaritans": "none_known",
        }
    finally:
        executor = MigrationExecutor(connection)
        _migrate(executor.loader.graph.leaf_nodes())


def _item(**fields):
    return {
        "id": "6f1c8c3e-8a53-4d0e-9a53-2f4f1c1b7e11",
        "name": "A line",
        "status": "active",
    } | fields


def test_another_areas_file_with_interpretation_services_reads_as_on_request():
    stated = _item(interpretation_services="Language Line on every call")
    assert record_from_item(stated)["interpreters"] == "on_request"
    assert record_from_item(_item())["interpreters"] == "none_known"


@pytest.mark.parametrize("value", ["on_request", "once_offered", "none_known"])
def test_our_own_sentences_read_back_as_the_value_they_came_from(value):
    assert interpreters_from_hsds(interpreters_sentence(value)) == value
