"""Loopback ports for the servers the tests and the bench start.

LOOPBACK_PORTS="18400-18499" keeps every port inside a range (on a shared machine each
person may have one); without it the kernel picks free ports.
"""

import os
import socket

_handed_out = set()


def _bindable(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port():
    spec = os.environ.get("LOOPBACK_PORTS", "").strip()
    if not spec:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    first, last = (int(part) for part in spec.split("-"))
    span = last - first + 1
    # pytest-xdist workers start at different places, so two rarely try one port at once.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = (int(worker) * 31 if worker.isdigit() else 0) % span
    for offset in range(span):
        port = first + (start + offset) % span
        if port not in _handed_out and _bindable(port):
            _handed_out.add(port)
            return port
    raise RuntimeError(f"No free port left in LOOPBACK_PORTS={spec}")
