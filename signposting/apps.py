from django.apps import AppConfig


class SignpostingConfig(AppConfig):
    name = "signposting"
    verbose_name = "Service directory"

    def ready(self):
        from . import signals

        signals.connect()
