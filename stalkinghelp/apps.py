from django.apps import AppConfig


class StalkingHelpConfig(AppConfig):
    name = "stalkinghelp"
    verbose_name = "Stalking Help"

    def ready(self):
        from . import invalidation

        invalidation.connect()
