"""A short-term alert is shown until its end time and never after it."""

from datetime import UTC, datetime, timedelta

import pytest

from signposting.entries import visible_alert

from .factories import make_entry, make_service

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("alert", "until", "shown"),
    [
        ("", None, ""),
        ("Lines are busy", NOW + timedelta(minutes=1), "Lines are busy"),
        ("Lines are busy", NOW, ""),
        ("Lines are busy", NOW - timedelta(days=1), ""),
        ("Lines are busy", None, "Lines are busy"),
    ],
)
def test_visible_alert_follows_the_end_time(alert, until, shown):
    assert visible_alert(make_entry(alert=alert, alert_until=until), NOW) == shown


@pytest.mark.django_db
def test_an_expired_alert_is_not_shown_to_visitors(client):
    from django.utils import timezone

    now = timezone.now()
    make_service(
        slug="busy-line", alert="Closed this afternoon", alert_until=now - timedelta(minutes=5)
    )
    make_service(
        slug="current-line", alert="Lines are very busy", alert_until=now + timedelta(hours=2)
    )
    listing = client.get("/services/").content.decode()
    assert "Closed this afternoon" not in listing
    assert "Lines are very busy" in listing
    assert "Closed this afternoon" not in client.get("/services/busy-line/").content.decode()
    assert "Lines are very busy" in client.get("/services/current-line/").content.decode()
    api = client.get("/api/v1/services").json()["contents"]
    alerts = {item["slug"]: item.get("alert") for item in api}
    assert alerts["busy-line"] is None  # left out, as HSDS asks of an empty field
    assert alerts["current-line"] == "Lines are very busy"
