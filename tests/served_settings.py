"""What `make run` serves (dev settings, DEBUG off), for tests that start gunicorn.

Only the static files differ: `make run` collects them with hashed names first, and a
test that builds its own database does not build the front-end too.
"""

from stalkinghelp.settings.dev import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
