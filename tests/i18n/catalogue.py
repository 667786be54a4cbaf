"""A small compiled catalogue for tests: proves a page goes through gettext in its language.

The committed catalogues stay empty until translators fill them, so a test that wants to
see Polish on a page compiles its own few strings (GNU msgfmt, as compilemessages uses)
and puts them first in LOCALE_PATHS.
"""

import subprocess
from contextlib import contextmanager

from django.conf import settings
from django.test import override_settings


def _quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@contextmanager
def compiled_catalogue(folder, language, translations):
    """LOCALE_PATHS with `translations` ({English: translated}) for `language` first."""
    messages = folder / language / "LC_MESSAGES"
    messages.mkdir(parents=True)
    entries = ['msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n']
    entries += [f"msgid {_quoted(en)}\nmsgstr {_quoted(tr)}\n" for en, tr in translations.items()]
    (messages / "django.po").write_text("\n".join(entries), encoding="utf-8")
    subprocess.run(
        ["msgfmt", "-o", str(messages / "django.mo"), str(messages / "django.po")], check=True
    )
    # Changing LOCALE_PATHS resets Django's loaded catalogues (django.test.signals).
    with override_settings(LOCALE_PATHS=[folder, *settings.LOCALE_PATHS]):
        yield
