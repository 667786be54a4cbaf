"""Clients that hold connections open by being slow, the way a slowloris attack is.

Three kinds, in turn: one sends its request header a line every `interval` seconds;
one sends a form body a byte every `interval` seconds; one sends a whole request for a
page and then reads the answer a byte every `interval` seconds through a tiny receive
buffer. Each reconnects when the server drops it, until stopped. They run on an asyncio
loop in a thread of their own, so the test's own requests go on meanwhile.
"""

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field

KINDS = ("header", "body", "reader")
BODY_LENGTH = 60_000  # under the 64 KB limit, so only its slowness is refused


@dataclass
class SlowClientFigures:
    connections: int = 0  # opened, in all
    open_now: int = 0
    most_open: int = 0
    dropped: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    # How long each connection the server dropped had lasted, by kind.
    lifetimes: dict = field(default_factory=lambda: {kind: [] for kind in KINDS})


class SlowClients:
    def __init__(self, host, port, count, interval=2.0, read_path="/services/"):
        self.host, self.port, self.count = host, port, count
        self.interval, self.read_path = interval, read_path
        self.figures = SlowClientFigures()
        self._thread = None
        self._loop = None
        self._stopping = None

    def __enter__(self):
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def __exit__(self, *exc_info):
        self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(30)

    def _run(self, ready):
        self._loop = asyncio.new_event_loop()
        self._stopping = asyncio.Event()
        ready.set()
        try:
            self._loop.run_until_complete(self._all())
        finally:
            self._loop.close()

    async def _all(self):
        kinds = [KINDS[i % len(KINDS)] for i in range(self.count)]
        tasks = [asyncio.create_task(self._keep_one(kind)) for kind in kinds]
        await self._stopping.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _head(self, method, path, extra=""):
        return f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{extra}".encode()

    async def _keep_one(self, kind):
        while not self._stopping.is_set():
            started = time.monotonic()
            try:
                await self._one(kind)
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                self.figures.open_now -= 1
            if not self._stopping.is_set():
                self.figures.dropped[kind] += 1
                self.figures.lifetimes[kind].append(time.monotonic() - started)
                await asyncio.sleep(0.1)

    async def _connect(self, reading_slowly):
        sock = socket.socket()
        sock.setblocking(False)
        if reading_slowly:  # before connecting, so the window starts small
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        await self._loop.sock_connect(sock, (self.host, self.port))
        self.figures.connections += 1
        self.figures.open_now += 1
        self.figures.most_open = max(self.figures.most_open, self.figures.open_now)
        # A small reader limit: asyncio stops taking bytes off the socket, so the
        # server's writes wait on us, as on a phone that is barely connected.
        return await asyncio.open_connection(sock=sock, limit=1024 if reading_slowly else 2**16)

    async def _one(self, kind):
        reader, writer = await self._connect(reading_slowly=kind == "reader")
        try:
            if kind == "header":
                writer.write(self._head("GET", "/"))
                for line in range(10_000):
                    await asyncio.sleep(self.interval)
                    writer.write(f"X-Slow-{line}: 1\r\n".encode())
                    await writer.drain()
                    if reader.at_eof():
                        return
            elif kind == "body":
                headers = (
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    f"Content-Length: {BODY_LENGTH}\r\n\r\n"
                )
                writer.write(self._head("POST", "/get-help/", headers))
                for _ in range(BODY_LENGTH):
                    await asyncio.sleep(self.interval)
                    writer.write(b"a")
                    await writer.drain()
                    if reader.at_eof():
                        return
            else:
                writer.write(self._head("GET", self.read_path, "Connection: close\r\n\r\n"))
                await writer.drain()
                while await reader.read(1):
                    await asyncio.sleep(self.interval)
        finally:
            writer.close()
