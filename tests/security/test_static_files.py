"""The static files' manifest (a list of every file) is never served."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.http import HttpResponseNotFound
from whitenoise.middleware import WhiteNoiseMiddleware

from stalkinghelp.settings import base


def test_the_manifest_is_kept_out_of_static_root():
    manifest = base.STORAGES["staticfiles"]["OPTIONS"]["manifest_storage"]
    assert not Path(manifest.location).is_relative_to(base.STATIC_ROOT)


@pytest.fixture
def collected(settings, tmp_path):
    source = tmp_path / "source" / "css"
    source.mkdir(parents=True)
    (source / "site.css").write_text("body { color: #0b0c0c; }\n" * 20)
    settings.STATICFILES_DIRS = [tmp_path / "source"]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "static"
    # Production's storage, with its manifest (if it sets one apart) in this test's folder.
    production = base.STORAGES["staticfiles"]
    options = {
        name: FileSystemStorage(location=tmp_path / "manifest")
        for name in production.get("OPTIONS", {})
        if name == "manifest_storage"
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": production["BACKEND"], "OPTIONS": options},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_the_static_manifest_is_not_served(collected, rf):
    assert not list((collected / "static").glob("staticfiles.json*"))
    # WhiteNoise as the site runs it; whatever it does not serve falls through to Django.
    static = WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())
    assert static(rf.get(staticfiles_storage.url("css/site.css"))).status_code == 200
    assert static(rf.get(settings.STATIC_URL + "staticfiles.json")).status_code == 404
