"""Serve the site as production does, on this machine: nginx in front of gunicorn.

`make serve-production` runs this after migrate and collectstatic. It builds the front
proxy's pages from the directory, writes nginx.conf into a run folder, starts gunicorn
(gunicorn.conf.py) on 127.0.0.1, then nginx in front of it, and stays in the
foreground until Ctrl+C (or SIGTERM), when it stops both.

If gunicorn stops, nginx keeps running and answers every page with the emergency page
(that is what it is for); if nginx stops, everything stops.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from stalkinghelp import front_proxy

PRODUCTION_SETTINGS = "stalkinghelp.settings.production"
START_SECONDS = 60
STOP_SECONDS = 30


def _listening(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _wait_until_listening(host, port, process, name):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CommandError(f"{name} exited during start-up (status {process.returncode}).")
        if _listening(host, port):
            return
        time.sleep(0.2)
    raise CommandError(f"{name} did not listen on {host}:{port} within {START_SECONDS} s.")


def _stop(process, stop_signal):
    if process is None or process.poll() is not None:
        return
    process.send_signal(stop_signal)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Command(BaseCommand):
    help = "Serve with production settings: nginx (PROXY_PORT, default 8080) in front of gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="the address nginx binds")
        parser.add_argument(
            "--proxy-port", type=int, default=int(os.environ.get("PROXY_PORT") or 8080)
        )
        parser.add_argument(
            "--app-port",
            type=int,
            default=int(os.environ.get("APP_PORT") or 8000),
            help="gunicorn's port, on 127.0.0.1 (only nginx should reach it)",
        )
        parser.add_argument(
            "--run-dir", type=Path, help="nginx.conf, pages, pids, access log (default: new)"
        )
        parser.add_argument("--forwarded-proto", default="$scheme")

    def handle(self, *args, **options):
        if settings.SETTINGS_MODULE != PRODUCTION_SETTINGS:
            raise CommandError(f"Run with DJANGO_SETTINGS_MODULE={PRODUCTION_SETTINGS}.")
        run_dir = options["run_dir"] or Path(tempfile.mkdtemp(prefix="stalkinghelp-"))
        run_dir.mkdir(parents=True, exist_ok=True)
        run_dir.chmod(0o755)  # nginx's workers (www-data, when started as root) read it
        host, proxy_port, app_port = options["host"], options["proxy_port"], options["app_port"]

        call_command("build_emergency_pages", run_dir / "pages", verbosity=0)
        config = front_proxy.write_config(
            run_dir,
            listen=f"{host}:{proxy_port}",
            upstreams=[f"127.0.0.1:{app_port}"],
            forwarded_proto=options["forwarded_proto"],
        )
        checked = subprocess.run(  # noqa: S603 - our own paths, no shell
            front_proxy.nginx_command(config, "-t", "-q"), capture_output=True, text=True
        )
        if checked.returncode:
            raise CommandError(f"nginx refused {config}:\n{checked.stderr}")

        stopping = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopping.set())
        gunicorn = nginx = None
        try:
            gunicorn = self._start_gunicorn(run_dir, app_port)
            _wait_until_listening("127.0.0.1", app_port, gunicorn, "gunicorn")
            # Its own session, like gunicorn's: Ctrl+C reaches this command, which stops both.
            nginx = subprocess.Popen(  # noqa: S603 - our own paths, no shell
                front_proxy.nginx_command(config), start_new_session=True
            )
            _wait_until_listening(host, proxy_port, nginx, "nginx")
            self.stdout.write(
                f"Serving http://{host}:{proxy_port}/ (nginx) in front of gunicorn on"
                f" 127.0.0.1:{app_port}. nginx's access log and config: {run_dir}."
                " Ctrl+C to stop."
            )
            self.stdout.flush()
            return self._supervise(stopping, gunicorn, nginx)
        finally:
            _stop(nginx, signal.SIGQUIT)  # graceful: finish the requests under way
            _stop(gunicorn, signal.SIGTERM)

    @staticmethod
    def _start_gunicorn(run_dir, app_port):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": PRODUCTION_SETTINGS}
        # nginx is one proxy: the client's address is the last X-Forwarded-For entry.
        env.setdefault("DJANGO_TRUSTED_PROXY_COUNT", "1")
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            str(Path(settings.BASE_DIR) / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{app_port}",
            "--pid",
            str(run_dir / "gunicorn.pid"),
            "stalkinghelp.wsgi",
        ]
        return subprocess.Popen(  # noqa: S603 - our own paths, no shell
            command, env=env, cwd=settings.BASE_DIR, start_new_session=True
        )

    def _supervise(self, stopping, gunicorn, nginx):
        told = False
        while not stopping.wait(0.5):
            if nginx.poll() is not None:
                raise CommandError(f"nginx exited (status {nginx.returncode}); stopped.")
            if gunicorn.poll() is not None and not told:
                told = True
                self.stderr.write(
                    f"gunicorn exited (status {gunicorn.returncode}); nginx keeps answering"
                    " every page with the emergency page. Ctrl+C to stop."
                )
