"""The site as `make run` serves it: real gunicorn workers, a real socket, a real database.

In-process tests share one Python process, so they cannot see what differs between
worker processes (a cache kept per process, a copy stamped in one worker). These
helpers build a database the test owns (a SQLite file, or a fresh PostgreSQL database
when DATABASE_URL points at a server), load the starter data and a site administrator
into it, and start gunicorn on loopback with the dev settings and DEBUG off
(tests.served_settings).

Ports: any free port, or one from TEST_PORTS ("18100-18199") where only a range may be used.
"""

import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
ADMIN_USERNAME = "served-admin"
# A second member of staff: a number goes live only when someone else approves it.
APPROVER_USERNAME = "served-approver"
BOOT_SECONDS = 30
REQUEST_SECONDS = 30


def free_port():
    spec = os.environ.get("TEST_PORTS", "")
    if not spec:
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            return sock.getsockname()[1]
    low, high = (int(part) for part in spec.split("-"))
    for port in random.sample(range(low, high + 1), high - low + 1):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in TEST_PORTS={spec}")


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@contextmanager
def served_database(vendor, folder):
    """A DATABASE_URL for a new, empty database that exists for the with block."""
    if vendor == "sqlite":
        yield f"sqlite:///{folder / 'served.sqlite3'}"
        return
    import psycopg

    server = urlsplit(postgres_url())
    # Named after the configured database, as pytest-django names its test_ database.
    name = f"test_{server.path.strip('/')}_served_{secrets.token_hex(3)}"
    with psycopg.connect(postgres_url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server._replace(path="/" + name).geturl()
    finally:
        with psycopg.connect(postgres_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_environment(database_url, cache_url, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.served_settings",
        "DJANGO_DEBUG": "0",
        # Staff sign in over HTTP with a password; two factors have their own tests.
        "DJANGO_ADMIN_REQUIRE_2FA": "0",
        "DATABASE_URL": database_url,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if cache_url:
        env["DJANGO_CACHE_URL"] = cache_url
    return env | (extra or {})


def prepare(env, password):
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_starter_data"], ["create_first_admin"]):
        subprocess.run(
            [*manage, *command, "-v0"],
            cwd=ROOT,
            env=env
            | {
                "DJANGO_SUPERUSER_USERNAME": ADMIN_USERNAME,
                "DJANGO_SUPERUSER_EMAIL": "served-admin@example.org",
                "DJANGO_SUPERUSER_PASSWORD": password,
            },
            check=True,
            capture_output=True,
            timeout=120,
        )
    subprocess.run(
        [*manage, "shell", "-c", _MAKE_APPROVER],
        cwd=ROOT,
        env=env | {"APPROVER_PASSWORD": password},
        check=True,
        capture_output=True,
        timeout=120,
    )


_MAKE_APPROVER = (
    "import os; from django.contrib.auth.models import User; "
    f"User.objects.create_superuser({APPROVER_USERNAME!r}, 'served-approver@example.org', "
    "os.environ['APPROVER_PASSWORD'])"
)


@dataclass
class Gunicorn:
    url: str
    process: subprocess.Popen
    access_log: Path

    def log_lines(self):
        return len(self.access_log.read_text().splitlines())

    def workers_that_served(self, path, method="GET", since_line=0):
        """The pids of the workers that answered `method path`, from log line `since_line` on."""
        found = set()
        for line in self.access_log.read_text().splitlines()[since_line:]:
            pid, logged_method, logged_path, _status = line.split()
            if (logged_method, logged_path) == (method, path):
                found.add(pid)
        return found


@contextmanager
def gunicorn(env, folder, workers):
    port = free_port()
    access_log = folder / "access.log"
    access_log.touch()
    command = [
        str(BIN / "gunicorn"),
        "--config", "gunicorn.conf.py",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers),
        "--access-logfile", str(access_log),
        # The worker's pid, the method and the path, so a test can see the requests were shared out.
        "--access-logformat", "%(p)s %(m)s %(U)s %(s)s",
        "stalkinghelp.wsgi",
    ]  # fmt: skip
    log = open(folder / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://{HOST}:{port}"
    try:
        _wait_until_serving(url, process, folder)
        yield Gunicorn(url, process, access_log)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def _wait_until_serving(url, process, folder):
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited:\n" + (folder / "gunicorn.log").read_text())
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).close()
            return
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time:\n" + (folder / "gunicorn.log").read_text())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, data=None, opener=None):
    """(status, body as text) for one request on a new connection; errors are answers too."""
    if isinstance(data, list):
        data = [tuple(pair) for pair in data]
    body = urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(url, data=body)
    opener = opener or urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=REQUEST_SECONDS) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class _FormFields(HTMLParser):
    """The fields a browser would submit from the form with `form_id` (or the first form)."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.inside:
            self.inside = self.form_id is None or a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([a["name"], a.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], None, None]  # name, first option, selected option
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in a:
                self._select[2] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select:
            name, first, selected = self._select
            chosen = selected if selected is not None else first
            if chosen is not None:
                self.fields.append([name, chosen])
            self._select = None
        elif tag == "textarea" and self._textarea:
            name, text = self._textarea
            self.fields.append([name, text.removeprefix("\n")])
            self._textarea = None


def form_fields(html, form_id=None):
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.fields


class Staff:
    """A member of staff in a real browser session: cookies, CSRF tokens, the admin's forms."""

    def __init__(self, site_url, password, admin_path="admin", username=ADMIN_USERNAME):
        self.site_url = site_url
        self.username = username
        self.admin = f"{site_url}/{admin_path}/"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect
        )
        self._sign_in(password)

    def get(self, url):
        status, html = fetch(url, opener=self.opener)
        assert status == 200, (url, status, html[:500])
        return html

    def post(self, url, fields):
        status, html = fetch(url, data=fields, opener=self.opener)
        assert status == 302, (url, status, html[:2000])

    def _sign_in(self, password):
        login = self.admin + "account/login/"
        fields = dict(form_fields(self.get(login)))
        fields |= {"auth-username": self.username, "auth-password": password}
        self.post(login, fields)

    def change_first_voice_number(self, app_model, slug, new_number):
        url = self._change_url(app_model, slug)
        fields = form_fields(self.get(url), form_id=app_model.split("/")[1] + "_form")
        kinds = {name for name, value in fields if name.endswith("-kind") and value == "voice"}
        first_voice = sorted(kinds, key=lambda name: int(name.split("-")[1]))[0]
        value_field = first_voice.removesuffix("-kind") + "-value"
        changed = [[n, new_number if n == value_field else v] for n, v in fields]
        self.post(url, [*changed, ["_save", "Save"]])
        return urlsplit(url).path

    def approve_waiting_change(self):
        """Approve the one change waiting for a second person; returns the path posted to."""
        waiting = self.get(f"{self.admin}approvals/changerequest/")
        (pk,) = set(re.findall(r"/approvals/changerequest/(\d+)/change/", waiting))
        url = f"{self.admin}approvals/changerequest/{pk}/change/"
        fields = form_fields(self.get(url), form_id="decision-form")
        self.post(url, [*fields, ["action", "approve"]])
        return urlsplit(url).path

    def unpublish(self, slug):
        changelist = f"{self.admin}content/page/"
        html = self.get(f"{changelist}?slug={slug}")
        (pk,) = re.findall(r'name="_selected_action" value="(\d+)"', html)
        token = dict(form_fields(html, form_id="changelist-form"))["csrfmiddlewaretoken"]
        self.post(
            changelist,  # the action posts to the list itself
            {
                "csrfmiddlewaretoken": token,
                "action": "unpublish_selected",
                "_selected_action": pk,
                "index": "0",
            },
        )

    def _change_url(self, app_model, slug):
        html = self.get(f"{self.admin}{app_model}/?slug={slug}")
        (pk,) = set(re.findall(rf"/{re.escape(app_model)}/(\d+)/change/", html))
        return f"{self.admin}{app_model}/{pk}/change/"
