"""The language is in the address and nowhere else (issue 16, section 1).

Every public page, in every language: no cookie, no Vary but Accept-Encoding, the same
bytes whatever the browser's languages or a language cookie say, <html lang dir> for
its prefix, and hreflang alternates for every language.
"""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils.translation import get_language_info

from content.models import RESERVED_SLUGS
from stalkinghelp.language import html_lang, language_from_path
from tests.public_urls import every_public_path, is_english

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# For agencies, in English only (stalkinghelp.urls keeps them outside the language prefixes).
ENGLISH_ONLY = ("/partners/", "/embed/")
# The embed, framed in partners' English pages, states no direction: left to right.
HTML_TAG = re.compile(r'<html lang="([^"]+)"(?: dir="(ltr|rtl)")?')
LANGUAGE_LINK = re.compile(
    r'<a class="site-languages__link" href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"'
    r'( aria-current="page")?>([^<]+)</a>'
)
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def _in_every_language(path):
    if path.startswith(ENGLISH_ONLY):
        return [path]
    return [path] + [f"/{code}{path}" for code in OTHER_LANGUAGES]


@pytest.fixture
def paths(starter_data):
    """Every public page in every language, whether or not the sitemap lists it there."""
    found = []
    for path in every_public_path(Client()):
        if is_english(path):
            found += [p for p in _in_every_language(path) if p not in found]
    return found


def _fresh_get(path, **headers):
    cache.clear()  # rendered afresh each time, never the page cache's copy of another
    return Client().get(path, **headers)


def test_the_pages_checked_include_every_language(paths):
    assert "/pl/what-is-stalking/" in paths and "/zh-hans/get-help/" in paths
    assert "/ar/no-such-page/" in paths and "/ur/services/national-stalking-helpline/" in paths
    assert "/pl/partners/" not in paths


def test_no_page_in_any_language_sets_a_cookie_or_varies_on_anything_but_encoding(paths):
    for path in paths:
        response = Client().get(path)
        assert not response.cookies, path
        assert "Set-Cookie" not in response, path
        assert response.get("Vary", "Accept-Encoding") == "Accept-Encoding", path


def test_the_browser_language_and_a_language_cookie_change_nothing(paths):
    for path in paths:
        plain = _fresh_get(path)
        asked_arabic = _fresh_get(path, HTTP_ACCEPT_LANGUAGE="ar,pl;q=0.9,en;q=0.1")
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
        cache.clear()
        with_cookie = client.get(path)
        assert plain.status_code == asked_arabic.status_code == with_cookie.status_code, path
        assert plain.content == asked_arabic.content == with_cookie.content, path
        assert plain["Content-Language"] == with_cookie["Content-Language"], path


def test_html_lang_and_dir_follow_the_prefix(paths):
    for path in paths:
        response = Client().get(path)
        language = language_from_path(path)
        expected_dir = "rtl" if get_language_info(language)["bidi"] else "ltr"
        found = HTML_TAG.search(response.content.decode())
        assert found, path
        assert (found[1], found[2] or "ltr") == (html_lang(language), expected_dir), path
        assert response["Content-Language"] == html_lang(language), path


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/", "en-GB", "ltr"),
        ("/pl/", "pl", "ltr"),
        ("/ar/get-help/", "ar", "rtl"),
        ("/ur/what-is-stalking/", "ur", "rtl"),
        ("/zh-hans/services/", "zh-Hans", "ltr"),
    ],
)
def test_each_language_has_its_own_lang_and_direction(starter_data, client, path, lang, direction):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in html


def test_every_translated_page_lists_its_alternates_and_an_x_default(paths):
    for path in paths:
        html = Client().get(path).content.decode()
        alternates = dict(ALTERNATE.findall(html))
        if path.startswith(ENGLISH_ONLY):
            assert not alternates, path
            continue
        english = (
            path.removeprefix("/" + language_from_path(path)) if not is_english(path) else path
        )
        expected = {html_lang(code): settings.SITE_URL + p for code, p in _languages_of(english)}
        expected["x-default"] = settings.SITE_URL + english
        assert alternates == expected, path


def _languages_of(english_path):
    return [
        (code, english_path if code == settings.LANGUAGE_CODE else f"/{code}{english_path}")
        for code, _name in settings.LANGUAGES
    ]


def test_a_language_link_goes_to_the_same_page_in_that_language(starter_data, client):
    html = client.get("/pl/what-is-stalking/").content.decode()
    nav = html.split('<nav class="site-languages"', 1)[1].split("</nav>", 1)[0]
    links = LANGUAGE_LINK.findall(nav)
    assert [(href, name) for href, _h, _l, _c, name in links] == [
        (
            "/what-is-stalking/"
            if code == settings.LANGUAGE_CODE
            else f"/{code}/what-is-stalking/",
            name,
        )
        for code, name in settings.LANGUAGES
    ]
    assert all(hreflang == lang for _href, hreflang, lang, _c, _n in links)
    current = [lang for _href, _h, lang, marked, _n in links if marked]
    assert current == ["pl"]
    for href, *_ in links:
        assert client.get(href).status_code == 200, href


def test_english_only_pages_link_each_language_to_its_home_page(starter_data, client):
    html = client.get("/partners/").content.decode()
    nav = html.split('<nav class="site-languages"', 1)[1].split("</nav>", 1)[0]
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs == ["/"] + [f"/{code}/" for code in OTHER_LANGUAGES]


def test_a_visitor_stays_in_their_language_on_the_frame_links(starter_data, client):
    html = client.get("/ar/").content.decode()
    for link in ('href="/ar/get-help/"', 'href="/ar/is-it-stalking/"', 'href="/ar/services/"',
                 'action="/ar/search/"', 'href="/ar/using-this-site-safely/"',
                 'href="/ar/services/national-stalking-helpline/"'):  # fmt: skip
        assert link in html, link
    assert 'href="/partners/"' in html  # English only, for agencies


def test_a_missing_page_in_a_language_is_a_404_in_that_language(starter_data, client, tmp_path):
    from .catalogue import compiled_catalogue

    with compiled_catalogue(tmp_path, "pl", {"Page not found": "Nie znaleziono strony"}):
        response = client.get("/pl/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="pl"' in html and "Nie znaleziono strony" in html
    assert "Nie znaleziono strony" not in client.get("/no-such-page/").content.decode()


def test_english_only_addresses_have_no_language_versions(starter_data, client):
    for path in ("/pl/partners/", "/pl/api/v1/services", "/pl/robots.txt", "/pl/sitemap.xml",
                 "/pl/healthz", f"/pl/{settings.ADMIN_PATH}"):  # fmt: skip
        assert client.get(path, follow=True).status_code == 404, path
    assert client.get("/api/v1/services")["Content-Language"] == "en-GB"


def test_every_language_code_is_a_reserved_slug():
    for code, _name in settings.LANGUAGES:
        assert code in RESERVED_SLUGS


def test_robots_keeps_search_out_of_the_index_in_every_language(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /search/\n" in text
    for code in OTHER_LANGUAGES:
        assert f"Disallow: /{code}/search/\n" in text


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(starter_data, client):
    xml = client.get("/sitemap.xml").content.decode()
    entries = re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", xml)
    locations = [loc.removeprefix(settings.SITE_URL) for loc, _links in entries]
    english = [path for path in locations if is_english(path)]
    assert "/what-is-stalking/" in english and "/get-help/" in english
    assert len(locations) == len(english) * len(settings.LANGUAGES)
    for path in english:
        for code in OTHER_LANGUAGES:
            assert f"/{code}{path}" in locations, (code, path)
    for _loc, links in entries:
        hreflangs = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)"', links)
        assert hreflangs == [code for code, _name in settings.LANGUAGES] + ["x-default"]


def test_a_moved_page_redirects_to_its_new_address_in_the_same_language(client):
    from tests.content.factories import make_page

    page = make_page(title="How to report", slug="report-it")
    page.slug = "reporting-stalking"
    page.save()  # leaves a redirect from /report-it/
    assert client.get("/report-it/")["Location"] == "/reporting-stalking/"
    assert client.get("/pl/report-it/")["Location"] == "/pl/reporting-stalking/"
    assert client.get("/ar/report-it/diary/")["Location"] == "/ar/reporting-stalking/diary/"


def test_the_canonical_address_is_the_pages_own_language(starter_data, client):
    html = client.get("/pl/what-is-stalking/").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/pl/what-is-stalking/">' in html
    html = client.get("/zh-hans/").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/zh-hans/">' in html
