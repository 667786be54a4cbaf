"""Every interface string is in every language's catalogue, translated (issue 16, section 2).

The strings are found as `manage.py makemessages` finds them, run on a copy of the code,
so a string added to a template or a module without re-running it fails here; GNU
msgcmp then compares each committed catalogue with what was found.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(settings.BASE_DIR)
CATALOGUES = ROOT / "locale"
NOT_CODE = ("node_modules", ".venv", "staticfiles", "var", ".git", "locale", "tests", "bench")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

pytestmark = pytest.mark.skipif(not shutil.which("msgcmp"), reason="needs GNU gettext")


@pytest.fixture(scope="module")
def found_strings(tmp_path_factory):
    """The catalogue makemessages makes from the code as it is now (msgstr empty)."""
    copy = tmp_path_factory.mktemp("code") / "site"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_CODE, "*.pyc", "db.sqlite3"))
    (copy / "locale").mkdir()
    locale = to_locale(LANGUAGES[0])
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", locale, "--no-location",
         "--no-obsolete", "--settings=stalkinghelp.settings.test", "-v0"],
        cwd=copy, check=True,
    )  # fmt: skip
    return copy / "locale" / locale / "LC_MESSAGES" / "django.po"


def _catalogue(code):
    return CATALOGUES / to_locale(code) / "LC_MESSAGES" / "django.po"


def _compare(code, found, *flags):
    return subprocess.run(
        ["msgcmp", *flags, str(_catalogue(code)), str(found)], capture_output=True, text=True
    )


def test_the_strings_found_include_the_frame_and_the_safety_strings(found_strings):
    text = found_strings.read_text(encoding="utf-8")
    for msgid in ("Quick exit", "In danger now?", "Leaving this site.", "Page not found"):
        assert f'msgid "{msgid}"' in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_interface_string_is_in_each_catalogue(found_strings, code):
    result = _compare(code, found_strings, "--use-untranslated", "--use-fuzzy")
    assert result.returncode == 0, f"run makemessages (README): {result.stderr}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_interface_string_is_translated_and_none_is_fuzzy(found_strings, code):
    result = _compare(code, found_strings)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_catalogue_compiles_cleanly(code, tmp_path):
    compiled = tmp_path / "django.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(_catalogue(code))],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
