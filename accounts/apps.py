from django.apps import AppConfig

APP_NAMES = {
    "axes": "Sign-in lockouts",
    "otp_totp": "Authenticator apps",
    "otp_static": "Backup codes",
    "auth": "Staff and roles",
}


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        # The admin lists apps by these names: say what each is for, not the library's name.
        for label, name in APP_NAMES.items():
            apps.get_app_config(label).verbose_name = name

        from .roles import sync_roles_after_migrate

        # After every migrate, so the roles cover models added since the last deploy.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
