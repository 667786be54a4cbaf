"""The page's language in its markup: <html lang dir>, the header's links, hreflang alternates.

Everything comes from settings.LANGUAGES and the active language (stalkinghelp.language),
so a new language needs no change here.
"""

from django import template
from django.conf import settings
from django.utils import translation

from stalkinghelp.language import html_lang, language_versions

register = template.Library()


@register.simple_tag
def page_lang():
    """The active language for <html lang>: en-GB, pl, zh-Hans."""
    return html_lang(translation.get_language())


@register.simple_tag
def page_dir():
    """rtl for a language written right to left (Arabic, Urdu), else ltr."""
    return "rtl" if translation.get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def language_links(context):
    """The header's language links: each language named in its own script, to this page in it.

    Empty for a page rendered without a request (the 500 and database-down pages).
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    versions, _translated = language_versions(request.path, current)
    return [
        {
            "name": names[code],
            "lang": html_lang(code),
            "href": href,
            "current": code == current,
        }
        for code, href in versions
    ]


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """[(hreflang, absolute address)] for every language and x-default (the English).

    Empty where the page has no language versions (partner pages) or no request.
    """
    request = context.get("request")
    if request is None:
        return []
    versions, translated = language_versions(request.path, translation.get_language())
    if not translated:
        return []
    links = [(html_lang(code), settings.SITE_URL + href) for code, href in versions]
    english = dict(versions)[settings.LANGUAGE_CODE]
    return [*links, ("x-default", settings.SITE_URL + english)]
