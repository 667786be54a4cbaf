"""nginx with the project's configuration (stalkinghelp.front_proxy), in front of anything."""

import signal
import socket
import subprocess
import time
from pathlib import Path

from stalkinghelp import front_proxy

START_SECONDS = 10


class Nginx:
    def __init__(self, run_dir, port, upstreams, pages_dir):
        self.run_dir, self.port = Path(run_dir), port
        self.url = f"http://127.0.0.1:{port}"
        self.config = front_proxy.write_config(
            self.run_dir, listen=f"127.0.0.1:{port}", upstreams=upstreams, pages_dir=pages_dir
        )
        self.stderr_path = self.run_dir / "nginx.stderr"
        self.process = None

    def start(self):
        with self.stderr_path.open("w") as stderr:
            self.process = subprocess.Popen(
                front_proxy.nginx_command(self.config), stderr=stderr, start_new_session=True
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.stderr()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen within {START_SECONDS} s: {self.stderr()}")

    def stderr(self):
        return self.stderr_path.read_text(errors="replace")

    def access_log(self):
        return (self.run_dir / "access.log").read_text(errors="replace")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
