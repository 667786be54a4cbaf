import pytest


@pytest.fixture(autouse=True)
def production_sign_in_rules(settings):
    """The accounts tests run with the second factor required, as in production.
    (The rest of the suite turns it off in test settings to use force_login.)"""
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def axes_on(settings):
    """django-axes switched back on (test settings turn it off for the rest of the suite)."""
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    yield settings
    AccessAttempt.objects.all().delete()
