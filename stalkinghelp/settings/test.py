"""Test settings: fast hashing, plain static storage, a known key."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# In-process tests share one process, so local memory is shared too (and each test clears
# it). Tests of the served site start gunicorn with the default file cache instead.
CACHES = {"default": cache_from_url("locmem://", None)}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed like production (the page-weight tests count bytes as served), not hashed.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The suite signs staff in with force_login, which neither a second factor nor django-axes
# sees. tests/accounts switches both back on to prove the refusal and the lockout;
# production.py forces two factors on whatever the environment says.
ADMIN_REQUIRE_2FA = False
AXES_ENABLED = False

# Made-up services in tests use Ofcom's drama numbers, which reach nobody.
PHONE_DRAMA_NUMBERS_ALLOWED = True
