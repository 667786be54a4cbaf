"""Storing the open-data ids keeps the ids partners already hold (migration 0005)."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("signposting", "0004_record_conflicting_hours_and_silent_step")]
AFTER = [("signposting", "0005_hsds_ids")]
# How the ids were derived from slugs and numbers before they were stored.
OLD = uuid.uuid5(uuid.NAMESPACE_URL, "https://stalkinghelp.nottinghamshire/hsds")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_records_keep_the_ids_they_were_published_with():
    apps = _migrate(BEFORE)
    try:
        Organisation = apps.get_model("signposting", "Organisation")
        Service = apps.get_model("signposting", "Service")
        Contact = apps.get_model("signposting", "Contact")
        OpeningTime = apps.get_model("signposting", "OpeningTime")
        organisation = Organisation.objects.create(name="Trust", slug="trust")
        service = Service.objects.create(
            name="Line", slug="line", organisation=organisation, short_description="A line.",
            who_it_helps="Anyone.", category="helpline",
        )  # fmt: skip
        Contact.objects.create(
            service=service, kind="voice", value="0808 802 0300", dial="08088020300"
        )
        # Two identical numbers shared one id under the old scheme: now each has its own.
        Contact.objects.create(
            service=service, kind="voice", value="0808 802 0300", dial="08088020300"
        )
        Contact.objects.create(service=service, kind="web", value="https://example.org")
        OpeningTime.objects.create(
            service=service, weekday=0, opens=dt.time(9, 30), closes=dt.time(16)
        )

        apps = _migrate(AFTER)
        Service = apps.get_model("signposting", "Service")
        Contact = apps.get_model("signposting", "Contact")
        service = Service.objects.get(slug="line")
        assert service.hsds_id == uuid.uuid5(OLD, "service:line")
        assert service.organisation.hsds_id == uuid.uuid5(OLD, "organization:trust")
        phones = list(Contact.objects.filter(kind="voice").order_by("pk"))
        assert phones[0].hsds_id == uuid.uuid5(OLD, "phone:line:08088020300:voice")
        assert phones[1].hsds_id != phones[0].hsds_id
        session = apps.get_model("signposting", "OpeningTime").objects.get()
        assert session.hsds_id == uuid.uuid5(OLD, "schedule:line:0:09:30:00")
        ids = list(Contact.objects.values_list("hsds_id", flat=True))
        assert len(ids) == len(set(ids)) == 3
    finally:
        _migrate(executor_latest())


def executor_latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
