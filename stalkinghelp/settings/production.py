"""Production: refuses to start without a secret key, allowed hosts, an admin path and SITE_URL."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .caches import refuse_per_process_cache_with_many_workers
from .email import SMTP, email_settings
from .env import admin_path, env_bool, env_int, env_list, env_required

DEBUG = False
SECRET_KEY = env_required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")

# QR codes, posters, the sitemap, the feed's ids and the OpenAPI servers are built from it:
# a default would print the wrong address on every poster.
SITE_URL = env_required("SITE_URL").rstrip("/")
if urlsplit(SITE_URL).scheme not in ("https", "http") or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured("SITE_URL must be the public address, e.g. https://example.org")

# No default here: a guessable admin address is one less thing to attack.
env_required("DJANGO_ADMIN_PATH")
ADMIN_PATH = admin_path("")
SESSION_COOKIE_PATH = "/" + ADMIN_PATH
CSRF_COOKIE_PATH = "/" + ADMIN_PATH
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# A cache per process would let each gunicorn worker show its own copy of a changed
# number. gunicorn.conf.py takes its worker count from GUNICORN_WORKERS (unset: several).
refuse_per_process_cache_with_many_workers(
    CACHES["default"],  # noqa: F405
    env_int("GUNICORN_WORKERS", 0) or None,
)

# Approvers must hear of changes: SMTP (DJANGO_EMAIL_URL or EMAIL_HOST...), never the console.
globals().update(email_settings(SMTP))

# Never switchable here: every staff session needs a second factor.
ADMIN_REQUIRE_2FA = True

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Django logs the path of failed requests; never the body. Keep it that way.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
