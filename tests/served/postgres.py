"""A PostgreSQL cluster of its own, in a temporary folder, on a loopback port.

For the tests that hang the database: suspend() stops every one of its processes
(SIGSTOP), as a hung server would be, still accepting connections but never answering;
resume() lets them go on. PostgreSQL refuses to run as root, so as root the cluster
runs as the `postgres` user.
"""

import os
import pwd
import signal
import subprocess
import time
from pathlib import Path

import psycopg

BIN = Path(os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
START_SECONDS = 30
STOP_SECONDS = 15


def available():
    return (BIN / "initdb").exists() and (BIN / "postgres").exists()


def _children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone while we looked
        if parent == pid:
            found.append(int(entry.name))
    return found


class PostgresCluster:
    def __init__(self, folder, port):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = port
        self.process = None
        self.user = "postgres" if os.geteuid() == 0 else None

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _as_owner(self):
        return {"user": self.user} if self.user else {}

    def start(self):
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        subprocess.run(
            [BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync"],
            check=True,
            capture_output=True,
            **self._as_owner(),
        )
        command = [
            BIN / "postgres", "-D", self.data, "-p", str(self.port), "-k", self.folder,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=60",
        ]  # fmt: skip
        with (self.folder / "postgres.log").open("w") as log:
            # Its own session, so a terminal's Ctrl+C reaches it only through stop().
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                **self._as_owner(),
            )  # fmt: skip
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited: see {self.folder / 'postgres.log'}")
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return self
            except psycopg.OperationalError:
                time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL did not start within {START_SECONDS} s")

    def create_database(self, name):
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def processes(self):
        """The postmaster and its children: each backend is a session of its own."""
        return [self.process.pid, *_children(self.process.pid)]

    def _signal_all(self, signum):
        for pid in self.processes():
            try:
                os.kill(pid, signum)
            except ProcessLookupError:
                pass

    def suspend(self):
        self._signal_all(signal.SIGSTOP)

    def resume(self):
        self._signal_all(signal.SIGCONT)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.resume()  # a stopped postmaster cannot shut down
        self.process.send_signal(signal.SIGINT)  # "fast": ends the sessions, then exits
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            for pid in self.processes():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.process.wait(timeout=STOP_SECONDS)
