"""The site served as in production: the full middleware stack, WhiteNoise's compressed files.

pytest-django's live_server serves /static/ through Django's finders, uncompressed, in
front of WhiteNoise. Page weight must be counted as a visitor receives it, so this
server collects the static files with the test storage (compressed: .gz and .br next
to each file) into a temporary STATIC_ROOT and leaves /static/ to WhiteNoise.
"""

from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings


def _shared_in_memory_connections():
    # An in-memory SQLite database exists only in its connection: the server thread
    # must use the test's own.
    return {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }


class ServedSite:
    def __init__(self, root):
        # MEDIA_URL is empty by default, which makes LiveServerThread's media handler claim
        # every path (serving /static/ from the working directory); give it its own.
        self._settings = override_settings(
            STATIC_ROOT=str(root / "static"),
            MEDIA_ROOT=str(root / "media"),
            MEDIA_URL="/media/",
        )
        self._shared = _shared_in_memory_connections()
        self._thread = LiveServerThread(
            "127.0.0.1", static_handler=lambda app: app, connections_override=self._shared
        )
        self._thread.daemon = True
        self.url = None

    def start(self):
        self._settings.enable()
        call_command("collectstatic", interactive=False, verbosity=0)
        for conn in self._shared.values():
            conn.inc_thread_sharing()
        self._thread.start()
        self._thread.is_ready.wait()
        if self._thread.error:
            self.stop()
            raise self._thread.error
        self.url = f"http://127.0.0.1:{self._thread.port}"

    def stop(self):
        self._thread.terminate()
        for conn in self._shared.values():
            conn.dec_thread_sharing()
        self._settings.disable()
