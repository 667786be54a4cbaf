"""Temporary folders that other users may read: nginx's workers (www-data, when the tests
run as root) and PostgreSQL (the postgres user) cannot enter pytest's own, which are 0700."""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def shared_folder(prefix):
    path = Path(tempfile.mkdtemp(prefix=f"stalkinghelp-{prefix}-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
