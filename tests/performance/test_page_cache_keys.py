"""Nothing a client can vary freely adds a page-cache entry or costs a render.

The cache here is Django's file cache in the test's own folder (the embedded default),
so entries are counted as files. Renders are counted by a middleware just inside the
page cache: every request it sees is one the cache did not answer.
"""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client

from stalkinghelp.settings.caches import file_cache

pytestmark = pytest.mark.django_db

PAGE_CACHE = "stalkinghelp.page_cache.PageCacheMiddleware"
COUNTER = "tests.performance.test_page_cache_keys.count_renders"
RENDERS = []
VARIANTS = 300
# Each served like a page: the feed, both exports, both QR formats (with the link they read).
LIKE_PAGES = [
    "/partners/changes.atom",
    "/partners/data/directory.json",
    "/partners/data/directory.csv",
    "/partners/qr.svg?link=/",
    "/partners/qr.png?link=/get-help/",
]


def count_renders(get_response):
    def middleware(request):
        RENDERS.append(request.get_full_path())
        return get_response(request)

    return middleware


@pytest.fixture
def file_cache_folder(settings, tmp_path):
    folder = tmp_path / "cache"
    settings.CACHES = {"default": file_cache(folder)}
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(PAGE_CACHE) + 1, COUNTER)
    settings.MIDDLEWARE = middleware
    RENDERS.clear()
    yield folder
    caches["default"].clear()


def entries(folder):
    return len(list(folder.glob("*.djcache")))


def test_300_ports_in_the_host_add_no_entries_and_cost_no_renders(starter_data, file_cache_folder):
    client = Client()
    first = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert first.status_code == 200
    stored, renders = entries(file_cache_folder), len(RENDERS)

    for port in range(1, VARIANTS + 1):
        response = client.get("/", HTTP_HOST=f"127.0.0.1:{port}")
        assert response.status_code == 200
        assert response.content == first.content

    assert entries(file_cache_folder) == stored
    assert len(RENDERS) == renders


@pytest.mark.parametrize("path", ["/", "/what-is-stalking/", *LIKE_PAGES])
def test_300_query_strings_add_no_entries_and_cost_no_renders(
    starter_data, file_cache_folder, path
):
    client = Client()
    joiner = "&" if "?" in path else "?"
    first = client.get(path)
    assert first.status_code == 200
    stored, renders = entries(file_cache_folder), len(RENDERS)

    for n in range(VARIANTS):
        response = client.get(f"{path}{joiner}utm_source=poster{n}&{n}={n}")
        assert response.status_code == 200
        assert response.content == first.content

    assert entries(file_cache_folder) == stored
    assert len(RENDERS) == renders


@pytest.mark.parametrize("path", LIKE_PAGES)
def test_the_feed_exports_and_qr_images_are_cached_like_pages(
    starter_data, file_cache_folder, path
):
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    first = client.get(path)
    assert first.status_code == 200
    again = client.get(path)
    assert again.content == first.content
    assert len(RENDERS) == 1  # the second came from the cache
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_each_qr_link_is_its_own_copy_and_an_unknown_link_stores_nothing(
    starter_data, file_cache_folder
):
    client = Client()
    home = client.get("/partners/qr.svg?link=/")
    help_finder = client.get("/partners/qr.svg?link=/get-help/")
    assert home.content != help_finder.content
    client.get("/partners/qr.svg?link=/no-such-page/")  # keeps the emergency numbers' copy
    stored = entries(file_cache_folder)
    for n in range(20):
        assert client.get(f"/partners/qr.svg?link=/no-such-page-{n}/").status_code == 404
    assert entries(file_cache_folder) == stored


@pytest.mark.parametrize(
    "host", ["127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:99999", "attacker.example", "127.0.0.1:x"]
)
def test_a_host_outside_allowed_hosts_or_with_no_real_port_is_a_400(starter_data, host):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST=host)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="tel:999"' in html
    # The same security headers as every page, though the request got no further.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_head_is_answered_like_get_without_a_body(starter_data):
    client = Client()
    head = client.head("/")  # before any GET: rendered, not served from a copy
    get = client.get("/")
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for header in ("ETag", "Content-Type", "Cache-Control", "Content-Security-Policy"):
        assert head[header] == get[header], header


def test_a_head_request_never_takes_the_etag_from_later_gets(starter_data):
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    path = "/services/"
    client.get(path)
    caches["default"].clear()  # the next request renders afresh, and stores what it gets
    client.head(path)
    after = client.get(path)
    assert after["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304


@pytest.mark.parametrize("query", ["page={n}", "search=word{n}", "nonsense{n}=1"])
def test_the_apis_queries_reach_it_as_sent_and_add_no_entries(
    starter_data, file_cache_folder, query
):
    client = Client()
    plain = client.get("/api/v1/services")
    assert plain.status_code == 200
    stored = entries(file_cache_folder)
    for n in range(1, 31):
        response = client.get("/api/v1/services?" + query.format(n=n))
        # Paging and search are honoured, and what it cannot honour is refused: never
        # ignored, as an unread parameter on a page is.
        assert response.status_code == (400 if query.startswith("nonsense") else 200)
    assert entries(file_cache_folder) == stored
    assert client.get("/api/v1/services?page=2").json() != plain.json()


def test_every_view_that_reads_the_query_string_is_declared():
    """A view reading request.GET that is not in page_cache.QUERY_PARAMETERS or WHOLE_QUERY
    would get an empty query: the cache drops what no page is listed as reading."""
    from django.urls import get_resolver

    from stalkinghelp.page_cache import QUERY_PARAMETERS, WHOLE_QUERY

    reading = sorted(
        str(path.relative_to(settings.BASE_DIR))
        for app in ("signposting", "content", "partners", "stalkinghelp")
        for path in (settings.BASE_DIR / app).rglob("*.py")
        if "request.GET" in path.read_text() and "admin" not in path.name
    )
    assert reading == [
        "partners/views.py",  # the QR codes' link
        "signposting/api.py",  # the HSDS API's paging and filters
        "signposting/api_query.py",
        "signposting/checking.py",  # the admin's "mark as checked" (admin is never cached)
        "stalkinghelp/page_cache.py",
        "stalkinghelp/request_checks.py",  # looks for NUL characters only
    ]
    names = {
        f"{namespace}:{name}"
        for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items()
        for name in resolver.reverse_dict
        if isinstance(name, str)
    }
    assert set(QUERY_PARAMETERS) | WHOLE_QUERY <= names
