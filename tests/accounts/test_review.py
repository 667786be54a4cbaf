"""The review dashboard and `manage.py review_report` list exactly what is overdue."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.review import anything_overdue, review_sections
from accounts.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR
from content.models import Page

from .factories import make_contact, make_page, make_service, make_staff, verified_client

pytestmark = pytest.mark.django_db

EXPECTED = {
    "pages_past_review": ["Overdue page"],
    "services_not_verified": ["Stale service", "Never checked"],
    "unverified_entries": [
        "Unverified service",
        "Disputed hours",
        "Checked service: Phone (voice): 0300 123 4567",
    ],
    "expired_alerts": ["Old alert"],
    "checks_due_soon": ["Due soon"],
    "coming_up": ["Awareness week", "Campaign ending"],
}


@pytest.fixture
def prepared(db):
    """One item for each reason to look, and a near miss beside each."""
    now = timezone.now()
    today = timezone.localdate(now)
    make_page(title="Overdue page", last_reviewed=today - timedelta(days=250), review_interval=6)
    make_page(title="Reviewed page", last_reviewed=today - timedelta(days=30), review_interval=6)
    make_page(
        title="Awareness week",
        status=Page.Status.PUBLISHED,
        publish_from=now + timedelta(days=3),
    )
    make_page(
        title="Campaign ending",
        status=Page.Status.PUBLISHED,
        publish_until=now + timedelta(days=10),
    )
    make_page(
        title="Far future", status=Page.Status.PUBLISHED, publish_from=now + timedelta(days=20)
    )
    make_page(title="Draft scheduled", publish_from=now + timedelta(days=2))  # not published

    make_service(name="Stale service", last_verified=today - timedelta(days=200))
    make_service(name="Never checked", last_verified=None)
    checked = make_service(name="Checked service", last_verified=today - timedelta(days=100))
    make_service(name="Due soon", last_verified=today - timedelta(days=170))
    make_contact(checked, "0300 123 4567", verified=False)
    make_contact(checked, "0808 802 0300")
    make_service(name="Unverified service", verified=False)
    make_service(name="Disputed hours", hours_confirmed=False)

    make_service(
        name="Old alert", alert="Lines are busy today", alert_until=now - timedelta(hours=1)
    )
    make_service(
        name="New alert", alert="Closed this afternoon", alert_until=now + timedelta(hours=3)
    )
    return now


def _labels(sections):
    return {section.key: [item.label for item in section.items] for section in sections}


def test_review_lists_exactly_the_overdue_items(prepared):
    assert _labels(review_sections(prepared)) == EXPECTED


def test_upcoming_publications_alone_are_not_overdue():
    now = timezone.now()
    make_page(title="Soon", status=Page.Status.PUBLISHED, publish_from=now + timedelta(days=1))
    sections = review_sections(now)
    assert _labels(sections)["coming_up"] == ["Soon"]
    assert not anything_overdue(sections)


@pytest.mark.parametrize("role", [PUBLISHER, SITE_ADMINISTRATOR])
def test_dashboard_on_the_admin_home_lists_the_overdue_items(prepared, role):
    response = verified_client(make_staff(role)).get(reverse("admin:index"))
    html = response.content.decode()
    assert 'id="review-dashboard"' in html
    assert _labels(response.context["review_sections"]) == EXPECTED
    for labels in EXPECTED.values():
        for label in labels:
            assert label in html


def test_editors_do_not_get_the_dashboard(prepared):
    response = verified_client(make_staff(EDITOR)).get(reverse("admin:index"))
    assert response.status_code == 200
    assert 'id="review-dashboard"' not in response.content.decode()


def test_review_report_prints_the_list_and_fails_when_anything_is_overdue(prepared):
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("review_report", stdout=out)
    assert exit_.value.code == 1
    report = out.getvalue()
    for labels in EXPECTED.values():
        for label in labels:
            assert f"  - {label}: " in report
    assert "Reviewed page" not in report and "Far future" not in report
    assert report.strip().endswith("Something is overdue.")


def test_review_report_passes_when_nothing_is_overdue():
    make_page(title="Fine page")
    make_service(name="Fine service")
    out = io.StringIO()
    call_command("review_report", stdout=out)  # no SystemExit: exit status 0
    assert out.getvalue().strip().endswith("Nothing is overdue.")


def test_pages_nobody_has_reviewed_are_listed_as_never_reviewed(db):
    make_page(title="Unchecked page", last_reviewed=None)
    make_page(title="Reviewed page", last_reviewed=timezone.localdate())
    sections = {section.key: section for section in review_sections(timezone.now())}
    items = sections["pages_past_review"].items
    assert [(item.label, item.detail) for item in items] == [("Unchecked page", "never reviewed")]


def test_starter_pages_wait_for_their_first_review(starter_data):
    sections = {section.key: section for section in review_sections(timezone.now())}
    listed = {item.label: item.detail for item in sections["pages_past_review"].items}
    assert set(listed) == set(Page.objects.values_list("title", flat=True))
    assert set(listed.values()) == {"never reviewed"}
    assert Page.objects.exclude(last_reviewed=None).count() == 0
