"""The admin side of two people: a model admin whose model has a rule (approvals.protected)
saves a change that needs a second person as a change for approval, not into the live record.

The form, the inlines and the model's own save run for real, inside a savepoint, so the
change is validated and normalised exactly as a direct save would be (a number is parsed,
a body sanitised); the savepoint is then rolled back and the result kept as the proposal.
A change that touches nothing protected is saved as before.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from .protected import rule_for, snapshot
from .services import change_keep, open_change_for

SUBMIT = "_submit_for_review"
# The views whose form, or preview, shows the working copy rather than the live record.
WORKING_COPY_VIEWS = ("_change", "_preview")


class _Keep(Exception):  # noqa: N818 - not an error: leaves the savepoint, rolling it back
    def __init__(self, after):
        self.after = after


def _with_new_rows_marked(after, before):
    """Rows created by the rolled-back save have no id: they are new when applied."""
    known = {
        accessor: {row["id"] for row in rows}
        for accessor, rows in (before or {}).get("related", {}).items()
    }
    for accessor, rows in after["related"].items():
        for row in rows:
            if row["id"] not in known.get(accessor, set()):
                row["id"] = None
    return after


def show_change_values(obj, change):
    """Put the proposed values on `obj` (in memory only), so forms and previews show them."""
    model = type(obj)
    for key, value in change.proposed["fields"].items():
        field = next((f for f in model._meta.concrete_fields if f.attname == key), None)
        if field is not None:
            setattr(obj, key, None if value is None else field.to_python(value))
    return obj


class SecondPersonAdminMixin:
    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        url_name = getattr(request.resolver_match, "url_name", "") or ""
        if (
            obj is not None
            and rule_for(self.model).working_copies
            and url_name.endswith(WORKING_COPY_VIEWS)
        ):
            change = open_change_for(self.model, obj.pk)
            if change is not None:
                show_change_values(obj, change)
        return obj

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        waiting = object_id and open_change_for(self.model, object_id)
        if request.method == "POST" and waiting and not rule_for(self.model).working_copies:
            # Saving now would either replace what someone is checking or make it out of date.
            self.message_user(
                request,
                "A change to this record is waiting for a decision. Approve, send back or "
                "withdraw it first; then make your change.",
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:approvals_changerequest_change", args=[waiting.pk])
            )
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        open_change = open_change_for(self.model, obj.pk) if obj is not None and obj.pk else None
        context |= {
            "open_change": open_change,
            "rule_uses_working_copies": rule_for(self.model).working_copies,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        # simple-history's "this version" page saves the form alone, with no inlines.
        if (getattr(request.resolver_match, "url_name", "") or "").endswith("_simple_history"):
            self._save_or_keep(request, form, None, change)
        # Otherwise nothing yet: save_related decides, once the inline rows are known too.

    def save_related(self, request, form, formsets, change):
        self._save_or_keep(request, form, formsets, change)

    def _save_or_keep(self, request, form, formsets, change):
        rule, obj = rule_for(self.model), form.instance
        live = self.model._default_manager.filter(pk=obj.pk).first() if change else None
        before = snapshot(live, rule) if live is not None else None
        open_change = open_change_for(self.model, obj.pk) if live is not None else None
        submit = SUBMIT in request.POST
        try:
            with transaction.atomic():
                super().save_model(request, obj, form, change)
                if formsets is not None:
                    super().save_related(request, form, formsets, change)
                after = snapshot(self.model._default_manager.get(pk=obj.pk), rule)
                if open_change or submit or rule.needs_second_person(before, after):
                    raise _Keep(after)
        except _Keep as keep:
            obj.pk = live.pk if live is not None else None
            form.save_m2m = lambda: None  # the caller may save many-to-many values next
            request._kept_change = change_keep(
                model=self.model,
                target=live,
                before=before,
                after=_with_new_rows_marked(keep.after, before),
                by=request.user,
                # Asking to publish (or unpublish) a page sends it at once, as a Publisher expects.
                submit=submit or rule.changes_protected_fields(before, keep.after),
            )

    # Nothing was saved, so nothing is logged as saved: the change keeps its own history.
    def log_addition(self, request, obj, message):
        if not hasattr(request, "_kept_change"):
            return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        if not hasattr(request, "_kept_change"):
            return super().log_change(request, obj, message)

    def response_add(self, request, obj, post_url_continue=None):
        if hasattr(request, "_kept_change"):
            return self._response_kept(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if hasattr(request, "_kept_change"):
            return self._response_kept(request, obj)
        return super().response_change(request, obj)

    def _response_kept(self, request, obj):
        change = request._kept_change
        if change.status == change.Status.WORKING_COPY:
            self.message_user(
                request,
                "Saved as a working copy. The live page is unchanged: preview it, then "
                "submit it for approval when it is ready.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        self.message_user(
            request,
            "Sent for approval. Nothing changes for visitors until someone else approves it.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:approvals_changerequest_change", args=[change.pk])
        )
