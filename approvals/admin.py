"""The approval screens: a list of changes, and one page per change with its field-level
diff, its state and the decisions the person looking may take (and no others)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import DecisionForm, EmergencyAllowanceForm
from .models import ChangeRequest, EmergencyAllowance

ACTIONS = {
    "submit": ("Submit for approval", "Sent for approval."),
    "approve": ("Approve", "Approved."),
    "send_back": ("Send back", "Sent back, with your reason."),
    "withdraw": ("Withdraw", "Withdrawn. The live version is unchanged."),
    "emergency": (
        "Make it live now, alone (emergency)",
        "Live now, marked as an emergency change.",
    ),
    "confirm": ("Confirm this emergency change", "Confirmed. Thank you for checking."),
}


def _admin_url(obj):
    if obj is None:
        return ""
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _decide(change, action, user, form):
    data = form.cleaned_data
    if action == "submit":
        return services.change_submit(change=change, by=user)
    if action == "approve":
        return services.change_approve(change=change, by=user, go_live_at=data["go_live_at"])
    if action == "send_back":
        return services.change_send_back(change=change, by=user, reason=data["reason"])
    if action == "withdraw":
        return services.change_withdraw(change=change, by=user)
    if action == "emergency":
        return services.change_apply_emergency(change=change, by=user, reason=data["reason"])
    if action == "confirm":
        return services.change_confirm(change=change, by=user)
    raise PermissionDenied


@admin.register(ChangeRequest)
class ChangeRequestAdmin(SimpleHistoryAdmin):
    list_display = ["summary", "status", "submitted_by", "submitted_at", "go_live_at", "emergency"]
    list_filter = ["status", "emergency", "target_type"]
    search_fields = ["summary"]
    list_select_related = ["submitted_by"]
    change_form_template = "approvals/change_request.html"

    def has_add_permission(self, request):
        return False  # a change starts from the record it changes

    def has_change_permission(self, request, obj=None):
        return False  # decisions are the actions below, never an edit of the change itself

    def has_delete_permission(self, request, obj=None):
        return False  # kept: the record of who asked and who decided

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = get_object_or_404(ChangeRequest, pk=object_id)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        form = DecisionForm(request.POST or None)
        if request.method == "POST":
            action = request.POST.get("action", "")
            if action not in services.allowed_actions(change, request.user):
                raise PermissionDenied  # a forged or out-of-date POST changes nothing
            if form.is_valid():
                try:
                    with transaction.atomic():
                        _decide(change, action, request.user, form)
                except ValidationError as problem:
                    self.message_user(request, " ".join(problem.messages), messages.ERROR)
                else:
                    self.message_user(request, ACTIONS[action][1], messages.SUCCESS)
                    return HttpResponseRedirect(request.path)
        allowed = services.allowed_actions(change, request.user)
        target = change.target()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(change),
            "change": change,
            "target": target,
            "target_url": _admin_url(target),
            "changes": change.field_changes(),
            "form": form,
            "actions": [(name, ACTIONS[name][0]) for name in ACTIONS if name in allowed],
            "needs_time": "approve" in allowed,
            "needs_reason": bool(allowed & {"send_back", "emergency"}),
            "records": change.history.select_related("history_user").order_by("history_date"),
        }
        return TemplateResponse(request, self.change_form_template, context)


@admin.register(EmergencyAllowance)
class EmergencyAllowanceAdmin(SimpleHistoryAdmin):
    form = EmergencyAllowanceForm
    list_display = ["user", "reason", "granted_by", "granted_at"]
    readonly_fields = ["granted_by", "granted_at"]
    autocomplete_fields = ["user"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        form_class.granted_by = request.user
        return form_class

    def save_model(self, request, obj, form, change):
        obj.granted_by = request.user
        super().save_model(request, obj, form, change)
