"""Django's gettext, remembered per language, for the help-finder's results.

Every visit words its results afresh (they are never kept: design rule 2), and each phrase
goes through gettext: for English, a phrase no catalogue holds walks the whole chain of
fallback catalogues first (about a fifth of a POST's time). A phrase's translation only
changes when the catalogues do, which is a deploy, so each (language, phrase) is looked up
once per process. Tests that swap the catalogues (LOCALE_PATHS, LANGUAGES) forget them.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation


@lru_cache(maxsize=4096)
def _gettext(language, message):
    return translation.gettext(message)  # `language` is the active one: it keys the cache


@lru_cache(maxsize=1024)
def _ngettext(language, singular, plural, number):
    return translation.ngettext(singular, plural, number)


def gettext(message):
    return _gettext(translation.get_language(), message)


def ngettext(singular, plural, number):
    return _ngettext(translation.get_language(), singular, plural, number)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in ("LOCALE_PATHS", "LANGUAGES", "LANGUAGE_CODE"):
        _gettext.cache_clear()
        _ngettext.cache_clear()
