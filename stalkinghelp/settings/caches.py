"""The cache every gunicorn worker shares: pages, the directory snapshot, the emergency numbers.

Everything kept there is stamped with the content generation (stalkinghelp.
content_generation), and a change in the admin replaces it. That works only if every
process that serves a visitor reads the same cache: a cache kept per process (Django's
local memory) would let a worker go on showing an old number for as long as it lives.

DJANGO_CACHE_URL chooses:

- unset: Django's file-based cache in the project's data folder (var/cache). Every
  worker on this machine shares it, it needs no other server, and it outlives a
  database outage (the last good copies live there). Faster than Django's database
  cache on a page-cache hit (bench/cache_backends.py), which would also fail with the
  database it is meant to stand in for.
- redis://host:6379/0 (or rediss://): production with more than one server.
- file:///absolute/folder: the file-based cache somewhere else.
- locmem://: one process only (the test settings, or a single gunicorn worker).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"
LOCMEM_CACHE = "django.core.cache.backends.locmem.LocMemCache"
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
# Far above what the site keeps (two copies of each page and QR code, a few snapshots),
# so Django never culls at random the last good copies an outage needs.
FILE_CACHE_MAX_ENTRIES = 10_000


def cache_from_url(url, default_folder):
    if not url:
        return file_cache(default_folder)
    scheme = urlsplit(url).scheme
    if scheme in ("redis", "rediss"):
        return {"BACKEND": REDIS_CACHE, "LOCATION": url}
    if scheme == "file" and urlsplit(url).path.startswith("/"):
        return file_cache(urlsplit(url).path)
    if scheme == "locmem":
        return {"BACKEND": LOCMEM_CACHE, "LOCATION": "stalkinghelp"}
    raise ImproperlyConfigured(
        "DJANGO_CACHE_URL must be redis://host:port/db, rediss://..., file:///folder "
        "or locmem://, or unset for the file cache in var/cache."
    )


def file_cache(folder):
    return {
        "BACKEND": FILE_CACHE,
        "LOCATION": str(folder),
        "OPTIONS": {"MAX_ENTRIES": FILE_CACHE_MAX_ENTRIES},
    }


def is_per_process(cache):
    return cache["BACKEND"] == LOCMEM_CACHE


def refuse_per_process_cache_with_many_workers(cache, workers):
    """Production's check. `workers` is GUNICORN_WORKERS, or None when it is not set."""
    if is_per_process(cache) and workers != 1:
        served_by = f"{workers} gunicorn workers" if workers else "several gunicorn workers"
        raise ImproperlyConfigured(
            f"DJANGO_CACHE_URL=locmem:// keeps a separate cache in each process, and "
            f"{served_by} may serve (GUNICORN_WORKERS is {workers or 'not set'}): a number "
            "changed in the admin would stay wrong on the other workers. Set "
            "DJANGO_CACHE_URL=redis://host:6379/0 (or leave it unset for the file cache "
            "on a single server), or GUNICORN_WORKERS=1."
        )
