"""Translations in the admin, beside the English: draft, publish (with a second person),
history, preview, and "mark as checked by a fluent speaker"."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from simple_history.admin import SimpleHistoryAdmin

from approvals.admin_mixin import SecondPersonAdminMixin
from approvals.services import has_open_change
from content.admin import _allow_editor_importmap
from content.page_context import page_context

from .forms import MarkCheckedForm, PageTranslationForm, ServiceTranslationForm
from .models import PageTranslation, ServiceTranslation
from .selectors import page_in_language
from .state import State


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (State.CURRENT, "Current and checked"),
            (State.OUT_OF_STEP, State.OUT_OF_STEP.label),
            (State.UNCHECKED, State.UNCHECKED.label),
            ("draft", "Draft (visitors see the English)"),
        ]

    def queryset(self, request, queryset):
        published = queryset.published()
        if self.value() == State.CURRENT:
            return published.in_step().exclude(pk__in=published.unchecked().values("pk"))
        if self.value() == State.OUT_OF_STEP:
            return published.out_of_step()
        if self.value() == State.UNCHECKED:
            return published.in_step().unchecked()
        if self.value() == "draft":
            return queryset.exclude(pk__in=published.values("pk"))
        return queryset


def translations_mark_checked(*, translations, checked_by, checked_on, by):
    """Record that a fluent speaker checked each translation, on the day they give."""
    with transaction.atomic():
        for row in translations:
            row.checked_by, row.checked_on = checked_by, checked_on
            row._history_user = by
            row._change_reason = f"Checked by a fluent speaker: {checked_by}"
            row.save(update_fields=["checked_by", "checked_on", "updated_at"])


class TranslationAdmin(SecondPersonAdminMixin, SimpleHistoryAdmin):
    """Saving a live translation, or publishing one, keeps a working copy for a second
    person (approvals.admin_mixin), as for a page; drafts save as before."""

    list_filter = ["language", StateFilter, "status"]
    readonly_fields = ["state_label", "made_from", "checked_by", "checked_on", "updated_at"]
    actions = ["mark_checked"]
    history_list_display = ["status", "checked_by"]
    change_form_template = "admin/translations/change_form.html"

    @admin.display(description="state")
    def state_label(self, row):
        if not row.pk:
            return "Not saved yet"
        if row.status != row.Status.PUBLISHED:
            return "Draft: visitors see the English page with a notice"
        return row.state().label

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.model.ENGLISH, "made_from")

    def save_model(self, request, obj, form, change):
        if not change or form.cleaned_data.get("matches_english_now"):
            obj.made_from_latest_english()
        if change and form.text_changed():
            # The fluent speaker checked the earlier words, not these.
            obj.checked_by, obj.checked_on = "", None
        super().save_model(request, obj, form, change)

    # --- "mark as checked by a fluent speaker" -------------------------------------------

    def _url_name(self, view):
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "mark-checked/", view(self.mark_checked_view), name=self._url_name("mark_checked")
            ),
            *super().get_urls(),
        ]

    def has_publish_permission(self, request):
        return request.user.has_perm(f"translations.publish_{self.opts.model_name}")

    @admin.action(description="Mark as checked by a fluent speaker", permissions=["publish"])
    def mark_checked(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(
            reverse(f"admin:{self._url_name('mark_checked')}") + f"?ids={ids}"
        )

    def mark_checked_view(self, request):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        raw = request.POST.get("ids") or request.GET.get("ids", "")
        ids = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        rows = list(self.get_queryset(request).filter(pk__in=ids))
        changelist = reverse(f"admin:{self._url_name('changelist')}")
        if not rows:
            self.message_user(
                request, "Choose the translations that were checked.", messages.WARNING
            )
            return HttpResponseRedirect(changelist)
        waiting = [row for row in rows if has_open_change(row)]
        if waiting:
            # Saving the live row now would make the waiting change out of date (stale).
            self.message_user(
                request,
                "A change is waiting for a decision on: "
                + ", ".join(str(row) for row in waiting)
                + ". Mark it as checked once that change is approved or withdrawn.",
                messages.ERROR,
            )
            return HttpResponseRedirect(changelist)
        form = MarkCheckedForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            translations_mark_checked(translations=rows, by=request.user, **form.cleaned_data)
            self.message_user(
                request,
                f"Marked {len(rows)} translation(s) as checked by "
                f"{form.cleaned_data['checked_by']}.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Mark as checked by a fluent speaker",
            "translations": rows,
            "ids": ",".join(str(row.pk) for row in rows),
            "form": form,
        }
        return TemplateResponse(request, "admin/translations/mark_checked.html", context)


@admin.register(PageTranslation)
class PageTranslationAdmin(TranslationAdmin):
    form = PageTranslationForm
    list_display = ["page", "language", "title", "state_label", "checked_by", "checked_on"]
    search_fields = ["title", "summary", "body", "page__title", "page__slug"]
    autocomplete_fields = ["page"]
    fieldsets = [
        (None, {"fields": ["page", "language", "title", "summary", "body"]}),
        ("Publishing", {"fields": ["state_label", "status"]}),
        (
            "Made from, and checked",
            {
                "fields": [
                    "made_from",
                    "matches_english_now",
                    "checked_by",
                    "checked_on",
                    "updated_at",
                ],
                "description": "To record a fluent speaker's check, use “Mark as checked by "
                "a fluent speaker” in the list's actions. Changing the words clears it.",
            },
        ),
    ]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("preview/", view(self.preview_view), name=self._url_name("preview_new")),
            path(
                "<int:object_id>/preview/",
                view(self.preview_view),
                name=self._url_name("preview"),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = (extra_context or {}) | {
            "can_preview": request.user.has_perm("translations.preview_pagetranslation"),
            "preview_url": reverse(
                f"admin:{self._url_name('preview' if object_id else 'preview_new')}",
                args=[object_id] if object_id else [],
            ),
        }
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(_allow_editor_importmap)
        return response

    def preview_view(self, request, object_id=None):
        """The translated page as a visitor would see it: saved (GET) or as edited (POST)."""
        if not request.user.has_perm("translations.preview_pagetranslation"):
            raise PermissionDenied
        # get_object shows the working copy, if there is one (approvals.admin_mixin).
        row = self.get_object(request, object_id) if object_id else PageTranslation()
        if row is None:
            raise Http404
        errors = None
        if request.method == "POST":
            form = self.get_form(request, row if object_id else None, change=bool(object_id))(
                request.POST, instance=row
            )
            if form.is_valid():
                row = form.save(commit=False)
                if form.cleaned_data.get("matches_english_now") and row.page_id:
                    row.made_from_latest_english()
            else:
                errors = form.errors
        if not row.page_id or not row.language:
            raise Http404
        with translation.override(row.language):
            shown = page_in_language(row.page, row.language, row)
            context = page_context(shown.page, request=request) | {
                "in_language": shown,
                "preview": True,
                "preview_errors": errors,
                "preview_working_copy": bool(object_id) and has_open_change(row),
            }
            response = TemplateResponse(request, "content/page.html", context)
            response.render()
        add_never_cache_headers(response)  # a preview is never kept by any cache
        return response


@admin.register(ServiceTranslation)
class ServiceTranslationAdmin(TranslationAdmin):
    form = ServiceTranslationForm
    list_display = ["service", "language", "state_label", "checked_by", "checked_on"]
    search_fields = ["short_description", "who_it_helps", "service__name", "service__slug"]
    autocomplete_fields = ["service"]
    fieldsets = [
        (None, {"fields": ["service", "language", "short_description", "who_it_helps"]}),
        ("Publishing", {"fields": ["state_label", "status"]}),
        (
            "Made from, and checked",
            {
                "fields": [
                    "made_from",
                    "matches_english_now",
                    "checked_by",
                    "checked_on",
                    "updated_at",
                ]
            },
        ),
    ]
