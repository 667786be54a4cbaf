"""The site as `make serve-production` serves it: manage.py serve_production, in a subprocess.

nginx in front of gunicorn (gunicorn.conf.py), production settings with throwaway
secrets, plain http on loopback. Preparing a database (migrate, starter data) and a
STATIC_ROOT (collectstatic, as production's manifest storage writes it) are separate
steps, so tests can share them.
"""

import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .http import Client
from .ports import free_port

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
START_SECONDS = 90
STOP_SECONDS = 40
# The parent's own database, cache and settings must not leak into the servers.
INHERITED_PREFIXES = ("DJANGO_", "DATABASE_", "GUNICORN_")


def redis_database(number):
    """Redis database `number` of the machine's, moved by TEST_REDIS_DB_OFFSET so that two
    checkouts can run their suites at once without emptying each other's."""
    return (number + int(os.environ.get("TEST_REDIS_DB_OFFSET", "0"))) % 16


def empty_redis(database):
    """A Redis database of the machine's, emptied, for one served site's shared cache.

    Each test that serves a site gets its own number, so two running at once (xdist) or
    copies left by an earlier run can never answer for this one's database.
    """
    import redis

    url = f"redis://127.0.0.1:6379/{redis_database(database)}"
    redis.Redis.from_url(url).flushdb()
    return url


def production_environment(database_url, static_root, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_PREFIXES)}
    env.update(
        DJANGO_SETTINGS_MODULE="stalkinghelp.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_ADMIN_PATH="staff-test",
        SITE_URL="http://127.0.0.1",
        # Plain http on loopback: without this every page is a redirect to https.
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(static_root),
        GUNICORN_WORKERS="2",
    )
    env.update(extra)
    return env


def manage(env, *args, timeout=300):
    return subprocess.run(
        [*MANAGE, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip


def collect_static(env):
    manage(env, "collectstatic", "--noinput", "-v0")


def prepare_database(env):
    """Tables and the starter directory. Without DJANGO_CACHE_URL: loading the data
    changes the content generation, which must not touch a shared cache other servers use."""
    env = {k: v for k, v in env.items() if k != "DJANGO_CACHE_URL"}
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_starter_data", "-v0")


class ProductionSite:
    def __init__(self, env, run_dir, proxy_port, app_port):
        self.env, self.run_dir = env, Path(run_dir)
        self.proxy_port, self.app_port = proxy_port, app_port
        self.url = f"http://127.0.0.1:{proxy_port}"
        self.app_url = f"http://127.0.0.1:{app_port}"
        self.log_path = self.run_dir.parent / f"{self.run_dir.name}-serve.log"
        self.process = None

    def start(self):
        command = [
            *MANAGE, "serve_production", "--proxy-port", str(self.proxy_port),
            "--app-port", str(self.app_port), "--run-dir", str(self.run_dir),
        ]  # fmt: skip
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        client = Client(self.url, timeout=5)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve_production exited:\n{self.log()[-3000:]}")
            try:
                if client.get("/healthz").status_code == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Not serving within {START_SECONDS} s:\n{self.log()[-3000:]}")

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def access_log(self):
        return (self.run_dir / "access.log").read_text(errors="replace")

    def _pid(self, name):
        try:
            return int((self.run_dir / name).read_text())
        except (OSError, ValueError):
            return None

    def stop_gunicorn(self):
        """Stop every app server, leaving nginx in front answering on its own."""
        pid = self._pid("gunicorn.pid")
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn {pid} did not stop within {STOP_SECONDS} s")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # it stops nginx and gunicorn, then exits
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            for name in ("nginx.pid", "gunicorn.pid"):
                if pid := self._pid(name):
                    try:
                        os.killpg(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            self.process.kill()
            self.process.wait()


@contextmanager
def serving(env, run_dir):
    """The site, its database prepared, served by gunicorn behind nginx; stopped after."""
    prepare_database(env)
    site = ProductionSite(env, run_dir, free_port(), free_port())
    site.start()
    try:
        yield site
    finally:
        site.stop()
