"""Every step of a change that needs a second person. The admin, the scheduler and the
tests call these; nothing else sets a change's status.

Each decision is guarded here, not only by hiding a button: `PermissionDenied` for
someone deciding their own change or lacking the role, whatever they POST.
"""

import copy

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stalkinghelp.content_generation import bump_generation

from . import notify
from .models import ChangeRequest, EmergencyAllowance, content_type_for
from .protected import apply_snapshot, json_safe, rule_for, snapshot

Status = ChangeRequest.Status


def _model_perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def open_change_for(model, pk):
    if pk is None:
        return None
    return (
        ChangeRequest.objects.filter(
            target_type=content_type_for(model), target_id=pk, status__in=ChangeRequest.OPEN
        )
        .order_by("-updated_at")
        .first()
    )


def can_request(user, model):
    return user.has_perm(_model_perm(model, "change"))


def may_make_emergency_changes(user):
    """A Publisher (one who may approve) whom a Site administrator has allowed to."""
    return (
        user.is_active
        and user.has_perm("approvals.approve_change")
        and EmergencyAllowance.objects.filter(user=user).exists()
    )


def is_author(change, user):
    return change.submitted_by_id == user.pk or change.authors.filter(pk=user.pk).exists()


def can_decide(change, user):
    """Approve, schedule, send back or confirm: the right role, and not their own change."""
    rule = rule_for(change.target_model)
    return (
        user.is_active
        and user.has_perm("approvals.approve_change")
        and user.has_perm(rule.approve_permission)
        and not is_author(change, user)
    )


def allowed_actions(change, user):
    """What `user` may do with `change` now: the admin offers exactly these."""
    actions = set()
    mine = is_author(change, user)
    if change.status in (Status.WORKING_COPY, Status.SENT_BACK) and can_request(
        user, change.target_model
    ):
        actions.add("submit")
    if change.status == Status.PENDING and can_decide(change, user):
        actions |= {"approve", "send_back"}
    if change.status == Status.SCHEDULED and can_decide(change, user):
        actions.add("send_back")
    if change.is_open and mine:
        actions.add("withdraw")
    if (
        change.status == Status.PENDING
        and mine
        and can_request(user, change.target_model)
        and may_make_emergency_changes(user)
    ):
        actions.add("emergency")
    if (
        change.status == Status.APPLIED
        and change.awaiting_confirmation
        and can_decide(change, user)
    ):
        actions.add("confirm")
    return actions


def _require(change, user, action):
    if action not in allowed_actions(change, user):
        raise PermissionDenied(f"You can't {action.replace('_', ' ')} this change.")


# --- keeping and sending a change ----------------------------------------------------------


def change_keep(*, model, target, before, after, by, submit=False):
    """Keep `after` as the open change to `target` (None for a new record) instead of saving it.

    Starts a working copy, or updates the open one (a change edited again goes back to its
    author's hands: any approval given to the earlier values no longer counts).
    """
    rule = rule_for(model)
    pk = target.pk if target is not None else None
    with transaction.atomic():
        change = open_change_for(model, pk)
        if change is None:
            change = ChangeRequest(
                target_type=content_type_for(model),
                target_id=pk,
                base=copy.deepcopy(before),
                created_by=by,
            )
        change.summary = str(_summary(model, target, after))[:200]
        change.proposed = copy.deepcopy(after)
        change.status = Status.WORKING_COPY
        change.go_live_at = change.decided_by = change.decided_at = None
        change._history_user = by
        change.save()
        change.authors.add(by)
        if submit or not rule.working_copies:
            # A directory change has no working copy: it is sent as soon as it is saved.
            change_submit(change=change, by=by)
    return change


def has_open_change(obj):
    return open_change_for(type(obj), obj.pk) is not None


def page_publication_request(*, page, by):
    """Ask for a draft page to be published as it is (None if it is live or already waiting)."""
    model = type(page)
    if page.status == model.Status.PUBLISHED or open_change_for(model, page.pk):
        return None
    values = snapshot(page, rule_for(model))
    return change_keep(model=model, target=page, before=values, after=values, by=by, submit=True)


def page_working_copy_of_version(*, page, record, by):
    """Make an earlier version (a simple-history record) the page's working copy."""
    model = type(page)
    rule = rule_for(model)
    before = snapshot(page, rule)
    after = {
        "fields": json_safe({key: getattr(record, key) for key in before["fields"]}),
        "related": before["related"],
    }
    return change_keep(model=model, target=page, before=before, after=after, by=by)


def _summary(model, target, values):
    name = values["fields"].get("title") or values["fields"].get("name")
    kind = model._meta.verbose_name
    return f"{kind.capitalize()}: {name or target}"


def change_submit(*, change, by):
    _require(change, by, "submit")
    fields, base = change.proposed["fields"], (change.base or {}).get("fields", {})
    if fields.get("status") == "draft" and base.get("status", "draft") == "draft":
        # An Editor's "submit for review" of a draft page asks for it to be published.
        fields["status"] = "published"
    change.status = Status.PENDING
    change.submitted_by, change.submitted_at = by, timezone.now()
    change.send_back_reason = ""
    change._history_user = by
    change.save()
    change.authors.add(by)
    transaction.on_commit(lambda: notify.approvers_of(change))
    return change


def change_withdraw(*, change, by):
    _require(change, by, "withdraw")
    was_scheduled = change.status == Status.SCHEDULED
    change.status = Status.WITHDRAWN
    change._history_user = by
    change.save()
    if was_scheduled:
        transaction.on_commit(bump_generation)  # the schedule every server reads has changed
    return change


# --- deciding ------------------------------------------------------------------------------


def change_send_back(*, change, by, reason):
    _require(change, by, "send_back")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why you are sending it back, so they can put it right.")
    was_scheduled = change.status == Status.SCHEDULED
    change.status = Status.SENT_BACK
    change.send_back_reason = reason
    change.decided_by, change.decided_at = by, timezone.now()
    change.go_live_at = None
    change._history_user = by
    change.save()
    if was_scheduled:
        transaction.on_commit(bump_generation)
    transaction.on_commit(lambda: notify.requester_of(change))
    return change


def change_approve(*, change, by, go_live_at=None):
    """Approve: live now, or at `go_live_at`. An approval changes nothing else."""
    _require(change, by, "approve")
    now = timezone.now()
    if go_live_at is not None and go_live_at <= now:
        raise ValidationError("Choose a time in the future, or leave it empty to publish now.")
    change.decided_by, change.decided_at = by, now
    change._history_user = by
    if go_live_at is not None:
        change.status, change.go_live_at = Status.SCHEDULED, go_live_at
        change.save()
        # Every server reads the next scheduled moment stamped with the content token.
        transaction.on_commit(bump_generation)
    else:
        _apply(change, now)
    transaction.on_commit(lambda: notify.requester_of(change))
    return change


def change_apply_emergency(*, change, by, reason):
    """A Publisher allowed to, alone: live now, marked, and listed until someone confirms it."""
    _require(change, by, "emergency")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say what the emergency is: the second person checks it.")
    change.emergency, change.emergency_reason = True, reason
    change._history_user = by
    _apply(change, timezone.now(), applied_by=by)
    transaction.on_commit(lambda: notify.approvers_of(change))
    return change


def change_confirm(*, change, by):
    _require(change, by, "confirm")
    change.confirmed_by, change.confirmed_at = by, timezone.now()
    change._history_user = by
    change.save()
    return change


# --- applying ----------------------------------------------------------------------------


def _apply(change, now, applied_by=None):
    """Save the proposed values into the live record, unless it moved on since the base."""
    model, rule = change.target_model, rule_for(change.target_model)
    approver = applied_by or change.decided_by
    with transaction.atomic():
        target = None
        if change.target_id is not None:
            target = model._default_manager.select_for_update().filter(pk=change.target_id).first()
            if target is None or snapshot(target, rule) != change.base:
                change.status = Status.STALE
                change.save()
                transaction.on_commit(lambda: notify.requester_of(change))
                return change
        who = change.submitted_by or change.created_by
        how = "emergency change, made alone" if change.emergency else f"approved by {approver}"
        record = apply_snapshot(
            model,
            target,
            change.proposed,
            rule,
            history_user=approver,
            reason=f"Change #{change.pk} by {who}, {how}",
        )
        change.target_id = record.pk
        change.status, change.applied_at = Status.APPLIED, now
        change.save()
    return change


def apply_due_changes(now=None):
    """Apply every scheduled change whose moment has come. Safe on many servers at once."""
    now = now or timezone.now()
    applied = []
    due = ChangeRequest.objects.filter(status=Status.SCHEDULED, go_live_at__lte=now)
    for pk in due.order_by("go_live_at").values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and read again: another server may have applied it a moment ago.
            change = ChangeRequest.objects.select_for_update().filter(pk=pk).first()
            if change is None or change.status != Status.SCHEDULED:
                continue
            try:
                applied.append(_apply(change, now))
            except ValidationError:
                change.status = Status.STALE
                change.save()
    return applied
