"""The visitor's language comes from the address, and from nothing else (issue 16).

English is unprefixed (/what-is-stalking/); every other language in settings.LANGUAGES
has its prefix (/pl/what-is-stalking/), with the same slug. Nothing else chooses the
language: no cookie, no session and no Accept-Language, so a shared phone never
switches language by itself, and a page is the same bytes for everyone who asks for its
address (the page cache and any CDN keep one copy per address).

Not Django's LocaleMiddleware: in Django 5.2 it adds `Vary: Accept-Language` to every
unprefixed response, which would stop stalkinghelp.page_cache storing English pages
(it stores only what varies on the encoding alone) and split a CDN's copies by browser.
"""

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation


def language_from_path(path):
    """The language whose prefix starts `path`, or the default (English)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def html_lang(code):
    """A language code as BCP 47 writes it for `lang` and `hreflang`: en-GB, zh-Hans, pl."""
    return translation.to_locale(code).replace("_", "-")


def _prefix(code):
    return "" if code == settings.LANGUAGE_CODE else "/" + code


def path_in_language(english_path, code=None):
    """`english_path` (/what-is-stalking/) in language `code`, the active one if None."""
    return _prefix(code or translation.get_language()) + english_path


def unprefixed_path(path, code):
    """`path` as English has it: `path` is an address in language `code`."""
    prefix = _prefix(code)
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        return path[len(prefix) :] or "/"
    return path


def _has_language_versions(english_path):
    """Whether the page at `english_path` has an address in each language.

    Partner pages, the admin and the open data are English only (outside i18n_patterns in
    stalkinghelp.urls): reversing them in another language leaves them as they are. An
    address that matches nothing is a 404, which every language has.
    """
    try:
        match = resolve(english_path)
    except Resolver404:
        return True
    other = next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    try:
        with translation.override(other):
            return reverse(match.view_name, kwargs=match.captured_kwargs) != english_path
    except NoReverseMatch:
        return False


def language_versions(path, current):
    """The addresses of the page at `path` (in language `current`) in every language.

    [(code, address)], in settings.LANGUAGES order. A page with no language versions
    gives each language's home page, so the header's language links still lead somewhere
    in that language. None of this needs the database.
    """
    english_path = unprefixed_path(path, current)
    with translation.override(settings.LANGUAGE_CODE):
        translated = _has_language_versions(english_path)
    versions = []
    for code, _name in settings.LANGUAGES:
        if translated:
            versions.append((code, path_in_language(english_path, code)))
        else:
            with translation.override(code):
                versions.append((code, reverse("content:home")))
    return versions, translated


class AddressLanguageMiddleware:
    """Activates the address's language for the rest of the request (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_path(request.path_info)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            response.setdefault("Content-Language", html_lang(language))
        return response
