"""Where the help-finder POST spends its time: cProfile over many POSTs, in one process.

    .venv/bin/python bench/profile_help_finder.py [--requests 2000] [--top 30]

The request goes through Django's WSGI handler and every middleware, as gunicorn hands
it over, with production settings, a fresh SQLite database holding the starter
directory (bench/results/profile.sqlite3) and the file cache in a temporary folder.
Prints the functions by cumulative time and by own time, and a short summary of where
the time goes (form, triage, rendering, middleware). Figures are for comparing one
version of the code with another on the same machine, never targets.
"""

import argparse
import cProfile
import io
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
DATABASE = RESULTS_DIR / "profile.sqlite3"
# The same answers as bench/post.lua sends.
BODY = (
    b"for_whom=me&danger=no&can_talk=yes&can_speak_and_hear=yes&relationship=partner"
    b"&gender=woman&age=19_plus&area=notts"
)
# Functions whose cumulative time is one part of the POST, for the summary.
PARTS = {
    "answers (read and check)": ("forms.py", "read_answers"),
    "triage (recommend)": ("triage.py", "recommend"),
    "directory snapshot (cache read)": ("directory_snapshot.py", "directory_entries"),
    "results page rendering": ("results_page.py", "render_results"),
    "results context (questions asked again)": ("views.py", "results_context"),
}


def environment(cache_folder):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "stalkinghelp.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_ADMIN_PATH": "staff-profile",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "SITE_URL": "http://127.0.0.1",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "DJANGO_CACHE_URL": f"file://{cache_folder}",
        "GUNICORN_WORKERS": "1",
    }


def prepare(env):
    RESULTS_DIR.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_starter_data"]):
        subprocess.run([*manage, *command, "-v0"], check=True, env=env, cwd=ROOT)


def wsgi_environ():
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/get-help/",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip, br",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(BODY)),
        "wsgi.input": io.BytesIO(BODY),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "REMOTE_ADDR": "127.0.0.1",
    }


def post(application):
    statuses = []
    body = b"".join(application(wsgi_environ(), lambda status, headers: statuses.append(status)))
    if not statuses[0].startswith("200") or len(body) < 1000:
        raise SystemExit(f"The help-finder answered {statuses[0]}: not a results page")


def summary(stats, requests):
    total = max(stats.total_tt, 1e-9)
    lines = [f"{requests} POSTs, {total / requests * 1000:.2f} ms each under the profiler"]
    for label, (filename, function) in PARTS.items():
        spent = sum(
            cumulative
            for (file, _, name), (_, _, _, cumulative, _) in stats.stats.items()
            if file.endswith(filename) and name == function
        )
        lines.append(f"  {label:<34} {spent / requests * 1000:7.3f} ms  {spent / total:6.1%}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--top", type=int, default=30)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache_folder:
        env = environment(cache_folder)
        prepare(env)
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        from django.core.wsgi import get_wsgi_application

        application = get_wsgi_application()
        for _ in range(50):  # warm: the snapshot cached, templates loaded, imports done
            post(application)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(arguments.requests):
            post(application)
        profiler.disable()
    stats = pstats.Stats(profiler)
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order).print_stats(arguments.top)
    print(summary(stats, arguments.requests))


if __name__ == "__main__":
    main()
