"""Small readers for settings that come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_required(name):
    """A setting production must be given: there is deliberately no default."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name, default))


def admin_path(default):
    """The admin's URL prefix, normalised to 'segment/' (no leading slash)."""
    value = os.environ.get("DJANGO_ADMIN_PATH", default).strip().strip("/")
    if not value:
        raise ImproperlyConfigured("DJANGO_ADMIN_PATH must not be empty.")
    return value + "/"
