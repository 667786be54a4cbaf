"""The languages a page or a service description can be translated into.

Read from settings.LANGUAGES, the one list of languages: adding one there (and its
catalogue) is all a new language needs, with no migration, since the model fields take
their choices from this function rather than from a list written into the schema.
"""

from django.conf import settings


def translation_languages():
    """Every language but English, as (code, name in its own script)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def is_translation_language(code):
    return any(code == known for known, _name in translation_languages())


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)
