import pytest
from django.conf import settings


@pytest.fixture
def admin_prefix():
    return "/" + settings.ADMIN_PATH.strip("/")
