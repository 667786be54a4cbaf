from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin, with accounts' site as the default so every app registers on it."""

    default_site = "accounts.admin_site.StaffAdminSite"
