from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .roles import sync_roles_after_migrate

        # After every migrate, so the roles cover models added since the last deploy.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
