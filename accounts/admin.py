"""The audit trail in the admin, and staff accounts that cannot promote themselves.

Every model kept by simple-history (pages, services, contacts, opening times, and any
added later) gets a read-only list of its changes: who, when, what changed, filterable by
person, kind of change and date. Deletions can be undone from there.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html_join

from .invitations import send_invitation
from .restore import CannotRestore, can_restore, history_models, restore_deleted


@admin.action(description="Restore the selected deleted records", permissions=["restore"])
def restore_selected(modeladmin, request, queryset):
    restored = []
    for record in queryset.filter(history_type="-").order_by("history_date"):
        try:
            restored += restore_deleted(record, request.user)
        except CannotRestore as problem:
            modeladmin.message_user(request, str(problem), messages.WARNING)
    if restored:
        names = ", ".join(f"“{obj}”" for obj in restored)
        modeladmin.message_user(request, f"Restored {names}.", messages.SUCCESS)
    elif not queryset.filter(history_type="-").exists():
        modeladmin.message_user(request, "Choose a deletion to restore.", messages.WARNING)


class AuditTrailAdmin(admin.ModelAdmin):
    """Read-only: an audit trail that staff could edit would prove nothing."""

    list_display = ("history_date", "record", "history_type", "history_user", "changed_fields")
    list_filter = (
        "history_type",
        ("history_user", admin.RelatedOnlyFieldListFilter),
        "history_date",
    )
    date_hierarchy = "history_date"
    list_select_related = ("history_user",)
    actions = [restore_selected]
    list_per_page = 50

    def get_search_fields(self, request):
        names = {field.name for field in self.model.instance_type._meta.fields}
        return [name for name in ("title", "name", "slug", "value") if name in names]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + ["changes"]

    @admin.display(description="record")
    def record(self, obj):
        return str(obj.instance)

    @admin.display(description="fields changed")
    def changed_fields(self, obj):
        previous = obj.prev_record
        if obj.history_type != "~" or previous is None:
            return ""
        return ", ".join(obj.diff_against(previous).changed_fields)

    @admin.display(description="what changed")
    def changes(self, obj):
        previous = obj.prev_record
        if previous is None:
            return "First recorded version."
        delta = obj.diff_against(previous)
        return (
            format_html_join(
                "\n", "<p><b>{}</b>: {} → {}</p>", ((c.field, c.old, c.new) for c in delta.changes)
            )
            or "No field changed."
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_restore_permission(self, request):
        return can_restore(request.user, self.model.instance_type)


def register_audit_trails(site):
    for history_model in history_models():
        if not site.is_registered(history_model):
            site.register(history_model, AuditTrailAdmin)


register_audit_trails(admin.site)


class InvitationForm(forms.ModelForm):
    """A new member of staff: who they are and their role. They choose their own password."""

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "groups")
        help_texts = {"groups": "Their role: Editor, Publisher or Site administrator."}
        labels = {"groups": "role"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = "Their invitation goes here."

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = True
        user.set_unusable_password()  # until they choose one through the invitation
        if commit:
            user.save()
            self.save_m2m()
        return user


@admin.action(description="Send a new invitation (to choose a password and set up sign-in)")
def send_new_invitation(modeladmin, request, queryset):
    users = [user for user in queryset if user.email and user.is_active]
    for user in users:
        send_invitation(user)
    if users:
        names = ", ".join(user.email for user in users)
        modeladmin.message_user(request, f"Invitation sent to {names}.", messages.SUCCESS)
    if skipped := queryset.count() - len(users):
        modeladmin.message_user(
            request,
            f"{skipped} account(s) have no email address or are switched off.",
            messages.WARNING,
        )


class StaffUserAdmin(UserAdmin):
    """Site administrators manage staff, but only a superuser can create another superuser
    or grant permissions outside the roles; otherwise an account could promote itself.

    New staff are invited by email (accounts.invitations): an administrator never sets,
    sees or passes on anyone's password.
    """

    add_form = InvitationForm
    add_fieldsets = (
        (
            None,
            {
                "fields": ("username", "first_name", "last_name", "email", "groups"),
                "description": "They get an email with a one-time link to choose their own "
                "password and set up two-factor sign-in.",
            },
        ),
    )
    actions = [send_new_invitation]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            send_invitation(obj)
            self.message_user(request, f"Invitation sent to {obj.email}.", messages.SUCCESS)

    def user_change_password(self, request, id, form_url=""):
        # Only your own: for anyone else, send a new invitation instead.
        if str(request.user.pk) != str(id):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
