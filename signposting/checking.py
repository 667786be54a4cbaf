"""'Mark as checked': one or many services, recording who checked them, when and how.

The date visitors see as "Last checked with the service" is the day of the latest check.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from .models import Service, ServiceCheck


class MarkCheckedForm(forms.ModelForm):
    class Meta:
        model = ServiceCheck
        fields = ["method", "web_address", "note"]
        widgets = {"method": forms.RadioSelect}


def services_mark_checked(*, services, by, method, web_address="", note="", now=None):
    """Record a check of each service and move its "Last checked" date to today."""
    now = now or timezone.now()
    checks = []
    with transaction.atomic():
        for service in services:
            check = ServiceCheck(
                service=service,
                checked_by=by,
                checked_at=now,
                method=method,
                web_address=web_address,
                note=note,
            )
            check.full_clean()
            check.save()
            service.last_verified = timezone.localdate(now)
            service._history_user = by
            service._change_reason = f"Checked: {check.get_method_display().lower()}"
            service.save(update_fields=["last_verified"])
            checks.append(check)
    return checks


class MarkCheckedAdminMixin:
    """For ServiceAdmin: the "Mark as checked" action and page, for one service or many."""

    actions = ["mark_checked"]

    def get_urls(self):
        view = self.admin_site.admin_view(self.mark_checked_view)
        return [
            path("mark-checked/", view, name="signposting_service_mark_checked"),
            *super().get_urls(),
        ]

    @admin.action(description="Mark as checked", permissions=["change"])
    def mark_checked(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(
            reverse("admin:signposting_service_mark_checked") + f"?ids={ids}"
        )

    def mark_checked_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        raw = request.POST.get("ids") or request.GET.get("ids", "")
        ids = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        services = list(Service.objects.filter(pk__in=ids).order_by("name"))
        if not services:
            self.message_user(request, "Choose the services you checked.", messages.WARNING)
            return HttpResponseRedirect(reverse("admin:signposting_service_changelist"))
        form = MarkCheckedForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services_mark_checked(services=services, by=request.user, **form.cleaned_data)
            self.message_user(
                request,
                f"Marked {len(services)} service(s) as checked today: "
                + ", ".join(s.name for s in services),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:signposting_service_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Mark as checked",
            "services": services,
            "ids": ",".join(str(s.pk) for s in services),
            "form": form,
        }
        return TemplateResponse(request, "admin/signposting/service/mark_checked.html", context)

    @admin.display(description="last check")
    def last_check(self, service):
        check = service.checks.select_related("checked_by").first() if service.pk else None
        if check is None:
            return "Never checked by a member of staff."
        how = check.get_method_display().lower()
        where = f" ({check.web_address})" if check.web_address else ""
        when = timezone.localtime(check.checked_at)
        return f"{when:%-d %b %Y %H:%M} by {check.checked_by}: {how}{where}"
