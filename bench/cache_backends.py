"""Which embedded cache is fastest on the page cache's hit path? (python bench/cache_backends.py)

A hit is one get_many of the content generation and the page's copy (a stored,
gzipped response of the home page's size). Each backend that every gunicorn worker
can share is timed against local memory (per process, so wrong with several workers):
Django's file-based cache in a temporary folder, its database cache in a SQLite file
and, when reachable, in PostgreSQL (DATABASE_URL) and Redis (BENCH_REDIS_URL).
Prints microseconds per hit (median of 5 runs of 2,000 hits); nothing is enforced.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HITS = 2000
RUNS = 5
PAGE_BYTES = 9 * 1024  # about the home page, gzipped


def backends(folder):
    found = {
        "locmem (per process)": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "file": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder / "file"),
        },
        "database (SQLite)": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bench_cache",
        },
    }
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        found["database (PostgreSQL)"] = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bench_cache",
            "KEY_PREFIX": "pg",
        }
    if os.environ.get("BENCH_REDIS_URL"):
        found["redis"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["BENCH_REDIS_URL"],
        }
    return found


def configure(folder):
    import dj_database_url

    databases = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": folder / "db.sqlite3"}}
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        databases["pg"] = dj_database_url.parse(os.environ["DATABASE_URL"])
    settings.configure(
        DATABASES=databases,
        CACHES=backends(folder),
        DATABASE_ROUTERS=[PostgresCacheRouter()],
        INSTALLED_APPS=["django.contrib.contenttypes"],
        USE_TZ=True,
    )
    django.setup()


class PostgresCacheRouter:
    """Sends the 'pg'-prefixed cache's queries to PostgreSQL (set per call below)."""

    alias = "default"

    def db_for_read(self, model, **hints):
        return self.alias if model._meta.app_label == "django_cache" else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        return None


def stored_page():
    from django.http import HttpResponse

    response = HttpResponse(os.urandom(PAGE_BYTES), content_type="text/html; charset=utf-8")
    response["Content-Encoding"] = "gzip"
    response["ETag"] = 'W/"0123456789abcdef"'
    response["Content-Security-Policy"] = "default-src 'self'; " * 6
    return response


def time_hits(cache, keys):
    cache.get_many(keys)  # warm: connections opened, files in the page cache
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for _ in range(HITS):
            found = cache.get_many(keys)
        runs.append((time.perf_counter() - started) / HITS * 1e6)
        assert len(found) == len(keys)
    return statistics.median(runs)


def main():
    with tempfile.TemporaryDirectory() as folder:
        configure(Path(folder))
        from django.core.cache import caches
        from django.core.management import call_command

        router = settings.DATABASE_ROUTERS[0]
        generation_key, page_key = "stalkinghelp:content-generation", "stalkinghelp:page:x"
        print(f"page-cache hit (get_many of 2 keys, {PAGE_BYTES} B page), median of {RUNS}")
        for name in settings.CACHES:
            router.alias = "pg" if "PostgreSQL" in name else "default"
            if "database" in name:
                call_command("createcachetable", database=router.alias, verbosity=0)
            cache = caches[name]
            cache.set(generation_key, "0123456789abcdef", None)
            cache.set(page_key, {"generation": "0123456789abcdef", "page": stored_page()}, 3600)
            print(f"  {name:24} {time_hits(cache, [generation_key, page_key]):8.1f} µs per hit")
            cache.delete_many([generation_key, page_key])


if __name__ == "__main__":
    main()
