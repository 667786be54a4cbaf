"""Hostile requests against the site as gunicorn serves it: what only a real server shows.

Django's test client never sends a chunked body or a raw Host header the way a client
on the network does; gunicorn does, and decides what reaches Django.
"""

import secrets
import socket

import pytest

from tests.gunicorn_site import HOST, gunicorn, prepare, served_database, site_environment

MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    with served_database("sqlite", folder) as database_url:
        env = site_environment(database_url, cache_url=f"file://{folder / 'cache'}")
        prepare(env, secrets.token_urlsafe(24))
        with gunicorn(env, folder, workers=2) as served:
            yield served


def exchange(site, head, body_chunks=()):
    """Send a raw request; return (status, headers as a dict, body) of the answer."""
    port = int(site.url.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=20) as sock:
        sock.sendall(head.encode("latin-1"))
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before reading it all: fine
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head_part, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head_part.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


def chunked(data, size=8192):
    for start in range(0, len(data), size):
        piece = data[start : start + size]
        yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    yield b"0\r\n\r\n"


@pytest.mark.parametrize("path", ["/get-help/", "/search/", "/api/v1/recommendations"])
def test_a_chunked_body_of_any_size_is_refused_with_411(site, path):
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n"
    )
    status, headers, body = exchange(site, head, chunked(b"q=" + b"x" * MEGABYTE))
    assert status == 411
    assert b"tel:999" in body or b'"error"' in body


@pytest.mark.parametrize("host", [f"{HOST}:70000", f"{HOST}:0", "attacker.example"])
def test_a_bad_host_is_a_400_with_the_security_headers(site, host):
    status, headers, body = exchange(
        site, f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    assert status == 400
    assert b'href="tel:999"' in body
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_head_answers_like_get_without_a_body(site):
    request = "{} /services/ HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n"
    head_status, head_headers, head_body = exchange(site, request.format("HEAD"))
    get_status, get_headers, get_body = exchange(site, request.format("GET"))
    assert head_status == get_status == 200
    assert head_body == b""
    assert get_body
    assert head_headers["etag"] == get_headers["etag"]


def test_a_client_refusing_gzip_gets_none(site):
    request = (
        f"GET /services/ HTTP/1.1\r\nHost: {HOST}\r\nAccept-Encoding: gzip;q=0, br;q=0\r\n"
        "Connection: close\r\n\r\n"
    )
    status, headers, body = exchange(site, request)
    assert status == 200
    assert "content-encoding" not in headers
    assert b"<h1" in body
