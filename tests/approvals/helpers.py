"""Staff in roles, signed in as in the admin, and the forms they post."""

from django.urls import reverse

from approvals.models import ChangeRequest, EmergencyAllowance
from tests.accounts.admin_forms import admin_form_data
from tests.accounts.factories import make_staff, verified_client


def staff_client(role, **fields):
    user = make_staff(role, **fields)
    return user, verified_client(user)


def post_admin_form(client, url, changes, extra=None):
    """Post the admin form at `url` as shown, with `changes` made to it."""
    shown = client.get(url)
    assert shown.status_code == 200
    return client.post(url, admin_form_data(shown) | changes | (extra or {}))


def change_url(change):
    return reverse("admin:approvals_changerequest_change", args=[change.pk])


def decide(client, change, action, **fields):
    return client.post(change_url(change), {"action": action, **fields})


def open_change(obj):
    return ChangeRequest.objects.filter(target_id=obj.pk, status__in=ChangeRequest.OPEN).get()


def allow_emergencies(user, granted_by):
    return EmergencyAllowance.objects.create(user=user, reason="On call", granted_by=granted_by)


def approve_as_someone_else(obj, go_live_at=None):
    """Send `obj`'s open change (if still a working copy) and approve it as another Publisher."""
    from accounts.roles import PUBLISHER
    from approvals.services import change_approve, change_submit

    change = open_change(obj)
    if change.status != ChangeRequest.Status.PENDING:
        change_submit(change=change, by=change.created_by)
    return change_approve(change=change, by=make_staff(PUBLISHER), go_live_at=go_live_at)


def approve_new_record_as_someone_else(name):
    from accounts.roles import PUBLISHER
    from approvals.services import change_approve

    change = ChangeRequest.objects.get(target_id=None, summary__contains=name)
    return change_approve(change=change, by=make_staff(PUBLISHER))
