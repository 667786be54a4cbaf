"""The help-finder's remembered gettext answers as Django's does, per language, and forgets
when the catalogues change."""

from django.test import override_settings
from django.utils import translation

from stalkinghelp import remembered_gettext

PHRASE = "Temporarily closed"


def test_each_language_gets_its_own_translation():
    with translation.override("pl"):
        polish = remembered_gettext.gettext(PHRASE)
        assert polish == translation.gettext(PHRASE) != PHRASE
    with translation.override("en-gb"):
        assert remembered_gettext.gettext(PHRASE) == PHRASE


def test_a_phrase_is_looked_up_once_per_language():
    remembered_gettext._gettext.cache_clear()
    with translation.override("ro"):
        for _ in range(3):
            remembered_gettext.gettext(PHRASE)
    assert remembered_gettext._gettext.cache_info().hits == 2


def test_new_catalogues_are_read_again(tmp_path):
    with translation.override("pl"):
        polish = remembered_gettext.gettext(PHRASE)
    with override_settings(LOCALE_PATHS=[tmp_path]), translation.override("pl"):
        assert remembered_gettext.gettext(PHRASE) == PHRASE  # no catalogue of ours
    with translation.override("pl"):
        assert remembered_gettext.gettext(PHRASE) == polish


def test_plurals_follow_the_language():
    singular = "Press Shift %(left)s more time to leave this site."
    plural = "Press Shift %(left)s more times to leave this site."
    with translation.override("ar"):
        assert remembered_gettext.ngettext(singular, plural, 2) == translation.ngettext(
            singular, plural, 2
        )
