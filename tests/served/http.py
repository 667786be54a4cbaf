"""A plain HTTP client that times each request and never follows or hides anything."""

import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit


@dataclass
class Response:
    status_code: int
    headers: http.client.HTTPMessage
    content: bytes
    seconds: float

    def __getitem__(self, name):
        return self.headers[name]

    @property
    def text(self):
        return self.content.decode("utf-8", "replace")


class Client:
    """Requests to one server; `get` and `post` mirror Django's test client enough for
    tests/public_urls.py to list the pages of a real server."""

    def __init__(self, base_url, timeout=30):
        parts = urlsplit(base_url)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        return Response(response.status, response.headers, content, time.monotonic() - started)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        body = urlencode(data).encode() if isinstance(data, dict) else data
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body=body, headers=form | (headers or {}))
