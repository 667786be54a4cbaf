"""Page editing for comms staff: write, preview, publish, schedule, compare and undo."""

import base64
import hashlib
import re

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from approvals.admin_mixin import SecondPersonAdminMixin
from approvals.services import (
    has_open_change,
    page_publication_request,
    page_working_copy_of_version,
)
from translations.beside_english import translations_table

from .addresses import record_address_takeover, redirect_in_the_way, what_it_answers
from .editor_checks import writing_findings
from .forms import PUBLISHING_FIELDS, PageAdminForm
from .history import compare_versions, revert_page_to
from .models import Page, PageRedirect
from .page_context import page_context
from .token_picker import service_tokens

_IMPORTMAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def _allow_editor_importmap(response):
    """Let the editor's inline import map run under our strict CSP, by its hash alone."""
    match = _IMPORTMAP.search(response.content)
    if match:
        digest = base64.b64encode(hashlib.sha256(match.group(1)).digest()).decode()
        response._csp_update = {"script-src": [f"'sha256-{digest}'"]}
    return response


class PageRedirectInline(admin.TabularInline):
    model = PageRedirect
    extra = 0
    fields = ["old_slug", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name = "old address that redirects here"
    verbose_name_plural = "old addresses that redirect here"


@admin.register(Page)
class PageAdmin(SecondPersonAdminMixin, SimpleHistoryAdmin):
    """Saving a live page, or publishing one, keeps a working copy for a second person
    (approvals.admin_mixin); drafts save as before."""

    form = PageAdminForm
    change_form_template = "admin/content/page/change_form.html"
    object_history_template = "admin/content/page/object_history.html"
    list_display = [
        "title",
        "public_address",
        "section",
        "nav_order",
        "state_label",
        "last_reviewed",
        "review_label",
        "owner",
        "updated_at",
    ]
    list_filter = ["status", "section", "show_on_home", "owner"]
    search_fields = ["title", "slug", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PageRedirectInline]
    actions = ["publish_selected", "unpublish_selected"]
    readonly_fields = [
        "state_label",
        "writing_checks",
        "review_label",
        "translations_label",
        "first_published_at",
        "created_by",
        "updated_by",
        "created_at",
        "updated_at",
    ]
    history_list_display = ["status", "slug"]

    class Media:
        # The service token picker (templates/admin/content/page/service_tokens.html).
        js = ["content/token-picker.js"]

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "take_over_address",
                    "summary",
                    "body",
                    "writing_checks",
                ]
            },
        ),
        (
            "Publishing",
            {
                "fields": ["state_label", "status", "publish_from", "publish_until"],
                "description": "Only people who can publish may change these.",
            },
        ),
        ("Translations", {"fields": ["translations_label"]}),
        (
            "Navigation",
            {"fields": ["section", "nav_order", "show_on_home", "feature", "easy_read_of"]},
        ),
        (
            "Review and ownership",
            {
                "fields": [
                    "owner",
                    "last_reviewed",
                    "review_interval",
                    "review_label",
                    "first_published_at",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ]
            },
        ),
    ]

    # --- list and read-only columns -----------------------------------------------

    @admin.display(description="address")
    def public_address(self, page):
        return f"/{page.slug}/"

    @admin.display(description="state")
    def state_label(self, page):
        return page.state() if page.pk else "Not saved yet"

    @admin.display(description="review due")
    def review_label(self, page):
        if not page.last_reviewed:
            return "Never reviewed: due now"
        due = f"{page.review_due:%d %b %Y}"
        return f"Overdue since {due}" if page.review_overdue() else due

    @admin.display(description="in other languages")
    def translations_label(self, page):
        return translations_table(page)

    @admin.display(description="checks on the saved text")
    def writing_checks(self, page):
        findings = writing_findings(page.body, service_tokens(), page.summary) if page.pk else []
        if not findings:
            return "Nothing to check yet." if not page.pk else "No problems found."
        return format_html(
            '<ul class="writing-checks">{}</ul>',
            format_html_join(
                "",
                '<li class="writing-check writing-check-{}{}">{}</li>',
                (
                    (f.check, " writing-check-warning" if f.warning else "", f.message)
                    for f in findings
                ),
            ),
        )

    # --- permissions ----------------------------------------------------------------

    def has_publish_permission(self, request):
        return request.user.has_perm("content.publish_page")

    def has_revert_permission(self, request):
        return request.user.has_perm("content.revert_page") and request.user.has_perm(
            "content.change_page"
        )

    def revert_disabled(self, request, obj=None):
        return not self.has_revert_permission(request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        form_class.user = request.user
        return form_class

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            # Shown, not editable: the form still rejects a forged change.
            fields += [name for name in PUBLISHING_FIELDS if name != "status"]
        return fields

    # --- saving -----------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            if obj.owner is None:
                obj.owner = request.user
        obj.updated_by = request.user
        if redirect := form.redirect_taken_over:
            record_address_takeover(request, obj, redirect)
        super().save_model(request, obj, form, change)
        # Writing checks (content.editor_checks): advice, not refusals, so the save stands.
        for finding in form.writing_findings:
            level = messages.WARNING if finding.warning else messages.INFO
            self.message_user(request, finding.message, level)

    @admin.action(description="Ask for the selected pages to be published", permissions=["publish"])
    def publish_selected(self, request, queryset):
        # Publishing needs a second person, in bulk too: each page waits for approval.
        changes = [page_publication_request(page=page, by=request.user) for page in queryset]
        self.message_user(
            request,
            f"Sent {len([c for c in changes if c])} page(s) for approval. Pages already "
            "live, or already waiting, are left as they are.",
        )

    @admin.action(description="Unpublish selected pages", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._set_status(request, queryset, Page.Status.DRAFT, "Unpublished")

    def _set_status(self, request, queryset, status, done):
        # One save per page (not queryset.update) so each change is in the history.
        for page in queryset:
            page.status = status
            page.updated_by = page._history_user = request.user
            page.save()
        self.message_user(request, f"{done} {queryset.count()} page(s).")

    # --- extra views: preview, compare, revert --------------------------------------------

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("preview/", view(self.preview_view), name=f"{prefix}_preview_new"),
            path("<int:object_id>/preview/", view(self.preview_view), name=f"{prefix}_preview"),
            path("<int:object_id>/compare/", view(self.compare_view), name=f"{prefix}_compare"),
            path(
                "<int:object_id>/revert/<int:history_id>/",
                view(self.revert_view),
                name=f"{prefix}_revert",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["can_preview"] = request.user.has_perm("content.preview_page")
        extra_context["service_tokens"] = service_tokens()
        extra_context["preview_url"] = reverse(
            "admin:content_page_preview" if object_id else "admin:content_page_preview_new",
            args=[object_id] if object_id else [],
        )
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(_allow_editor_importmap)
        return response

    def preview_view(self, request, object_id=None):
        """Show a page as the public would see it: saved (GET) or as edited, unsaved (POST)."""
        # get_object shows the page's working copy, if it has one (approvals.admin_mixin).
        page = (self.get_object(request, object_id) or Page()) if object_id else Page()
        if object_id and not page.pk:
            raise Http404
        if not request.user.has_perm("content.preview_page"):
            raise PermissionDenied
        errors = None
        if request.method == "POST":
            form_class = self.get_form(request, page if object_id else None, change=bool(object_id))
            form = form_class(request.POST, instance=page)
            # Publishing rules don't apply to looking: preview is how an editor checks work.
            form.user = None
            if form.is_valid():
                page = form.save(commit=False)
            else:
                errors = form.errors
        context = page_context(page, request=request) | {
            "preview": True,
            "preview_errors": errors,
            "preview_working_copy": bool(object_id) and has_open_change(page),
        }
        response = TemplateResponse(request, "content/page.html", context)
        add_never_cache_headers(response)  # a preview is never kept by any cache
        return response

    def compare_view(self, request, object_id):
        page = get_object_or_404(Page, pk=object_id)
        if not self.has_view_history_or_change_history_permission(request, page):
            raise PermissionDenied
        records = page.history.all()
        older = get_object_or_404(records, pk=request.GET.get("from") or 0)
        newer = get_object_or_404(records, pk=request.GET.get("to") or 0)
        if older.history_date > newer.history_date:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": page,
            "title": f"Compare versions: {page}",
            "older": older,
            "newer": newer,
            "changes": compare_versions(older, newer),
            "can_revert": self.has_revert_permission(request),
        }
        return TemplateResponse(request, "admin/content/page/compare.html", context)

    def revert_view(self, request, object_id, history_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = get_object_or_404(Page, pk=object_id)
        record = get_object_or_404(page.history.all(), pk=history_id)
        if not self.has_revert_permission(request):
            raise PermissionDenied
        history_url = reverse("admin:content_page_history", args=[page.pk])
        if redirect := redirect_in_the_way(record.slug, page):
            self.message_user(
                request,
                f"This version's address /{record.slug}/ is now an old address of another "
                f"page: it {what_it_answers(redirect)}. Change this page's address on its "
                "own page if it should take it over.",
                messages.ERROR,
            )
            return HttpResponseRedirect(history_url)
        touches_public = Page.Status.PUBLISHED in (page.status, record.status)
        if touches_public and not self.has_publish_permission(request):
            self.message_user(
                request,
                "This revert would change what the public sees, and you can't publish. "
                "Ask someone who can publish.",
                messages.ERROR,
            )
            return HttpResponseRedirect(history_url)
        if touches_public:
            # What the public sees changes only with a second person: the old version
            # becomes the working copy, to check and send for approval.
            page_working_copy_of_version(page=page, record=record, by=request.user)
            self.message_user(
                request,
                "That version is now the working copy. The live page is unchanged until "
                "someone else approves it.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:content_page_change", args=[page.pk]))
        try:
            with transaction.atomic():
                revert_page_to(page, record, request.user)
        except IntegrityError:
            self.message_user(
                request,
                f"Another page now uses the address /{record.slug}/, so this version "
                "can't be restored. Change that page's address first.",
                messages.ERROR,
            )
            return HttpResponseRedirect(history_url)
        when = timezone.localtime(record.history_date)
        self.message_user(
            request,
            f"“{page}” now matches the version of {when:%d %b %Y %H:%M}. "
            "This revert is in the history too, so it can be undone.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:content_page_change", args=[page.pk]))


@admin.register(PageRedirect)
class PageRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "page", "created_at"]
    search_fields = ["old_slug", "page__title", "page__slug"]
    autocomplete_fields = ["page"]


# Search synonyms have their own admin module; importing it here registers it.
from . import search_admin  # noqa: E402, F401
