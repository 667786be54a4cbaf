"""The admin site every app registers on: two-factor sign-in and the review dashboard.

django-two-factor-auth supplies the sign-in wizard (password, then a TOTP code or a
backup code), the TOTP setup with a QR code and the backup codes; its pages are mounted
under the admin path (see stalkinghelp/urls.py) so their cookies stay scoped there. This
site only decides who is let in: a staff user whose session was verified with a second
factor, unless settings.ADMIN_REQUIRE_2FA is off (dev only).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device

from .history_guard import guard_history_form_view
from .roles import PUBLISHER, SITE_ADMINISTRATOR, user_has_role

MODEL_NAMES = {
    ("axes", "AccessAttempt"): "Failed sign-ins now counted",
    ("axes", "AccessFailureLog"): "Failed sign-ins (log)",
    ("axes", "AccessLog"): "Sign-ins (log)",
    ("otp_totp", "TOTPDevice"): "Authenticator apps",
    ("otp_static", "StaticDevice"): "Backup code sets",
    ("auth", "Group"): "Roles",
    ("auth", "User"): "Staff",
}


def second_factor_required():
    return getattr(settings, "ADMIN_REQUIRE_2FA", True)


def is_verified(user):
    return bool(getattr(user, "is_verified", lambda: False)())


def can_see_review_dashboard(user):
    return user_has_role(user, PUBLISHER) or user_has_role(user, SITE_ADMINISTRATOR)


class StaffAdminSite(admin.AdminSite):
    site_header = "Stalking Help: staff"
    site_title = "Stalking Help staff"
    index_title = "Overview"
    index_template = "accounts/admin_index.html"

    def get_urls(self):
        # Every model admin is registered by now; guard each history admin before its URLs
        # are bound to its views.
        for model_admin in self._registry.values():
            guard_history_form_view(model_admin)
        return super().get_urls()

    def get_app_list(self, request, app_label=None):
        # Plain names for the libraries' models, in the list only: their own verbose names
        # are part of their migrations, which are not ours to change.
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get(
                    (app["app_label"], model["object_name"]), model["name"]
                )
        return app_list

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return is_verified(request.user) or not second_factor_required()

    def login(self, request, extra_context=None):
        if not second_factor_required():
            return super().login(request, extra_context)
        next_url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME))
        if not next_url or not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        # Signed in with a password but no authenticator yet: the only way on is to set one up.
        if user.is_authenticated and user.is_staff and not user_has_device(user):
            return redirect("two_factor:setup")
        return redirect_to_login(next_url)

    def index(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        if can_see_review_dashboard(request.user):
            # Imported here: the review reads content and signposting models, and this module
            # is loaded while the app registry is still being populated.
            from django.utils import timezone

            from .review import review_sections

            extra_context["review_sections"] = review_sections(timezone.now())
        # Changes for a second person: every member of staff sees their own; approvers more.
        from approvals.dashboard import dashboard

        extra_context |= dashboard(request.user)
        extra_context["has_second_factor"] = user_has_device(request.user)
        return super().index(request, extra_context)
