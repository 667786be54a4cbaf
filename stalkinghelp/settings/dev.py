"""Local development: DEBUG on, a throwaway key, the admin at /admin/."""

from .base import *  # noqa: F403
from .env import env_list

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
