"""Only the widget may be framed by other sites; it sets no cookie and loads nothing else."""

import re

import pytest
from django.test import Client

from tests.public_urls import public_paths
from tests.security.test_headers_and_cookies import parse_csp

pytestmark = pytest.mark.django_db

EMBED = "/embed/get-help/"


@pytest.fixture
def widget(client, starter_data):
    return client.get(EMBED)


def test_the_widget_may_be_framed_by_any_site(widget):
    assert widget.status_code == 200
    assert parse_csp(widget["Content-Security-Policy"])["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in widget


def test_the_widget_keeps_the_rest_of_the_policy(widget):
    policy = parse_csp(widget["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["base-uri"] == "'none'"


def test_every_other_route_refuses_to_be_framed(starter_data):
    client = Client()
    paths = [path for path in public_paths(client) if not path.startswith("/embed/")]
    paths += [
        "/partners/qr.svg?link=/",
        "/partners/data/directory.json",
        "/partners/changes.atom",
        "/api/v1/openapi.json",
        "/api/v1/services",
    ]
    for path in paths:
        response = client.get(path)
        assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == "'none'", path
        assert response["X-Frame-Options"] == "DENY", path


def test_the_widget_sets_no_cookie_and_is_publicly_cacheable(widget):
    assert not widget.cookies
    assert "public" in widget["Cache-Control"]


def test_the_widget_loads_only_our_own_stylesheet_and_no_script(widget, settings):
    html = widget.content.decode()
    assert "<script" not in html
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == ["/static/css/embed.css"]
    assert not re.search(r'src="(https?:)?//', html)
    # The only address elsewhere is the quick exit: a link a person follows, not a load.
    outside = re.findall(r'href="((?:https?:)?//[^"]+)"', html)
    assert outside == [settings.QUICK_EXIT_URL]


def test_the_widget_shows_999_and_the_silent_solution_as_tel_links(widget):
    html = widget.content.decode()
    assert 'href="tel:999"' in html
    assert "press 55" in html
    assert 'href="tel:+448088020300"' in html  # the National Stalking Helpline, from the directory


def test_every_link_in_the_widget_leaves_the_frame(widget):
    html = widget.content.decode()
    for link in re.findall(r"<a [^>]*>", html):
        href = re.search(r'href="([^"]+)"', link)[1]
        if not href.startswith("tel:"):
            assert 'target="_top"' in link, link
    assert 'href="/get-help/"' in html


def test_the_widget_has_a_quick_exit_that_leaves_the_whole_window(widget, settings):
    html = widget.content.decode()
    exit_link = re.search(r'<a [^>]*class="embed__exit"[^>]*>', html)[0]
    assert f'href="{settings.QUICK_EXIT_URL}"' in exit_link
    assert 'target="_top"' in exit_link
    assert 'rel="noreferrer nofollow"' in exit_link


def test_the_snippet_on_the_partners_page_frames_the_widget(client, starter_data, settings):
    html = client.get("/partners/").content.decode()
    assert f"&lt;iframe src=&quot;{settings.SITE_URL}{EMBED}&quot;" in html
    assert "title=&quot;" in html


def test_the_widget_stays_frameable_when_served_again_from_the_page_cache(
    client, starter_data, monkeypatch
):
    # Later answers come from the server's page cache: the header decisions must survive it.
    import partners.views

    renders = []
    real_render = partners.views.render
    monkeypatch.setattr(
        partners.views, "render", lambda *a, **k: renders.append(1) or real_render(*a, **k)
    )
    for _ in range(3):
        response = client.get(EMBED)
        assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == "*"
        assert "X-Frame-Options" not in response
    assert len(renders) == 1, "the second and third answers were the cached copy"


def test_other_pages_stay_unframeable_when_served_again_from_the_page_cache(client, starter_data):
    for path in ("/partners/", "/partners/poster/", "/"):
        for _ in range(2):
            response = client.get(path)
            policy = parse_csp(response["Content-Security-Policy"])
            assert policy["frame-ancestors"] == "'none'", path
            assert response["X-Frame-Options"] == "DENY", path
