import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from accounts.roles import SITE_ADMINISTRATOR

pytestmark = pytest.mark.django_db

ENV = {
    "DJANGO_SUPERUSER_USERNAME": "firstadmin",
    "DJANGO_SUPERUSER_EMAIL": "first@example.org",
    "DJANGO_SUPERUSER_PASSWORD": "a long and unusual passphrase 7",
}


@pytest.fixture
def env(monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_creates_the_first_site_administrator_from_the_environment(env):
    call_command("create_first_admin", verbosity=0)
    user = User.objects.get(username="firstadmin")
    assert user.is_staff and user.is_superuser
    assert user.check_password(ENV["DJANGO_SUPERUSER_PASSWORD"])
    assert user.groups.filter(name=SITE_ADMINISTRATOR).exists()


def test_running_it_again_changes_nothing(env):
    call_command("create_first_admin", verbosity=0)
    env.setenv("DJANGO_SUPERUSER_PASSWORD", "another long passphrase 99")
    call_command("create_first_admin", verbosity=0)
    assert User.objects.count() == 1
    assert User.objects.get().check_password(ENV["DJANGO_SUPERUSER_PASSWORD"])


@pytest.mark.parametrize("password", ["short1", "password1234", "12345678901234", "firstadmin12"])
def test_a_weak_password_is_refused(env, password):
    env.setenv("DJANGO_SUPERUSER_PASSWORD", password)
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_first_admin", verbosity=0)
    assert not User.objects.exists()


@pytest.mark.parametrize("missing", list(ENV))
def test_a_missing_variable_is_named(env, missing):
    env.delenv(missing)
    with pytest.raises(CommandError, match=missing):
        call_command("create_first_admin", verbosity=0)
