import os
import shutil

import pytest

from tests.served import postgres
from tests.served.folders import shared_folder
from tests.served.production import collect_static, production_environment


def _missing(message):
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set: these tests must run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def nginx_installed():
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        _missing("nginx is not installed (make test-tools installs it)")


@pytest.fixture(scope="session")
def postgres_installed():
    if not postgres.available():
        _missing(f"PostgreSQL's initdb and postgres not found in {postgres.BIN}")


@pytest.fixture(scope="session")
def production_static_root():
    """STATIC_ROOT as production's collectstatic writes it (hashed names, manifest, .gz)."""
    with shared_folder("static") as folder:
        collect_static(production_environment("sqlite:///unused.sqlite3", folder))
        yield folder
