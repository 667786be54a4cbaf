"""Local development: DEBUG on, a throwaway key, the admin at /admin/."""

from .base import *  # noqa: F403
from .env import env_bool, env_list

# On for `manage.py runserver`; `make run` turns it off to show the site as visitors see it.
DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Two-factor sign-in is on, as in production; DJANGO_ADMIN_REQUIRE_2FA=0 switches it off
# for local work. Only this file reads that variable.
ADMIN_REQUIRE_2FA = env_bool("DJANGO_ADMIN_REQUIRE_2FA", True)

# A local site may hold a made-up test area with Ofcom's drama numbers.
PHONE_DRAMA_NUMBERS_ALLOWED = True
