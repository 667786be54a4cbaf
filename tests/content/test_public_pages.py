"""What visitors see: only live pages, everywhere, with stable addresses and no trace."""

from datetime import date

import pytest

from content.models import Page

from .factories import make_draft, make_expired, make_page, make_scheduled

pytestmark = pytest.mark.django_db

HIDDEN = {"draft": make_draft, "scheduled": make_scheduled, "expired": make_expired}


def _search(client, words):
    return client.post("/search/", {"q": words}).content.decode()


def test_a_live_page_is_shown_with_its_title_summary_and_body(client):
    make_page(slug="signs", title="Signs", summary="What to look for.", body="<p>Watching.</p>")
    response = client.get("/signs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Signs" in html
    assert "What to look for." in html and "<p>Watching.</p>" in html


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_are_not_reachable_by_direct_url(client, kind):
    page = HIDDEN[kind](slug=f"hidden-{kind}")
    response = client.get(f"/{page.slug}/")
    assert response.status_code == (410 if kind == "expired" else 404)


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_are_not_in_the_home_highlights(client, kind):
    HIDDEN[kind](title=f"Secret {kind} page", show_on_home=True)
    make_page(title="Visible page", show_on_home=True)
    html = client.get("/").content.decode()
    assert "Visible page" in html
    assert f"Secret {kind} page" not in html


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_are_not_in_section_navigation(client, kind):
    HIDDEN[kind](title=f"Secret {kind} page", section="act")
    make_page(slug="one", title="One", section="act")
    make_page(title="Two", section="act")
    html = client.get("/one/").content.decode()
    assert "Two" in html
    assert f"Secret {kind} page" not in html


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_are_not_found_by_search(client, kind):
    HIDDEN[kind](title=f"Zebracorn {kind}")
    make_page(title="Zebracorn visible")
    html = _search(client, "zebracorn")
    assert "Zebracorn visible" in html
    assert f"Zebracorn {kind}" not in html


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_are_not_in_the_sitemap(client, kind):
    HIDDEN[kind](slug=f"hidden-{kind}")
    make_page(slug="visible")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/visible/</loc>" in xml
    assert f"hidden-{kind}" not in xml


def test_sitemap_uses_the_public_site_address(client, settings):
    settings.SITE_URL = "https://stalkinghelp.example"
    make_page(slug="visible")
    xml = client.get("/sitemap.xml", HTTP_HOST="testserver").content.decode()
    assert "<loc>https://stalkinghelp.example/visible/</loc>" in xml
    assert "<loc>https://stalkinghelp.example/</loc>" in xml


@pytest.mark.parametrize("path", ["/", "/get-help/", "/services/"])
def test_sitemap_lists_the_addresses_that_are_not_pages(client, settings, path):
    settings.SITE_URL = "https://stalkinghelp.example"
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>https://stalkinghelp.example{path}</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_hides_no_secret_paths(client, settings):
    settings.SITE_URL = "https://stalkinghelp.example"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://stalkinghelp.example/sitemap.xml" in text
    assert settings.ADMIN_PATH.strip("/") not in text


def test_a_scheduled_page_appears_once_its_time_comes(client):
    page = make_scheduled(slug="awareness-week")
    assert client.get("/awareness-week/").status_code == 404
    Page.objects.filter(pk=page.pk).update(publish_from=page.created_at)
    assert client.get("/awareness-week/").status_code == 200


def test_an_unpublished_page_answers_410_with_help_links(client):
    page = make_page(slug="old-campaign", title="Old campaign")
    page.status = Page.Status.DRAFT
    page.save()
    response = client.get("/old-campaign/")
    html = response.content.decode()
    assert response.status_code == 410
    assert 'href="/get-help/"' in html
    assert 'href="tel:' in html


def test_a_page_that_never_existed_answers_404(client):
    assert client.get("/never-was-here/").status_code == 404


def test_an_old_address_redirects_permanently_to_the_new_one(client):
    page = make_page(slug="old-name")
    page.slug = "new-name"
    page.save()
    response = client.get("/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/new-name/"


def test_an_old_address_of_a_page_since_taken_down_answers_410(client):
    page = make_page(slug="old-name")
    page.slug = "new-name"
    page.status = Page.Status.DRAFT
    page.save()
    assert client.get("/old-name/").status_code == 410


def test_public_pages_set_no_cookies_and_may_be_cached(client):
    make_page(slug="signs")
    for path in ("/", "/signs/", "/search/", "/sitemap.xml", "/robots.txt"):
        response = client.get(path)
        assert response.cookies == {}, path
        assert "public" in response["Cache-Control"], path


def test_every_page_has_canonical_and_opengraph(client, settings):
    settings.SITE_URL = "https://stalkinghelp.example"
    make_page(slug="signs", title="Signs", summary="What to look for.")
    html = client.get("/signs/").content.decode()
    assert '<link rel="canonical" href="https://stalkinghelp.example/signs/">' in html
    assert '<meta property="og:title" content="Signs">' in html
    assert '<meta property="og:description" content="What to look for.">' in html
    assert '<meta name="description" content="What to look for.">' in html


def test_last_reviewed_shows_only_a_date_someone_gave(client):
    make_page(slug="checked", last_reviewed=date(2026, 11, 20))
    make_page(slug="unchecked")
    checked = client.get("/checked/").content.decode()
    assert 'Last reviewed: <time datetime="2026-11-20">20 November 2026</time>' in checked
    assert "Last reviewed" not in client.get("/unchecked/").content.decode()


def test_search_words_travel_by_post_and_the_results_are_never_stored(client):
    make_page(title="Tracking apps")
    response = client.post("/search/", {"q": "tracking"})
    assert response.status_code == 200
    assert "Tracking apps" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}


def test_the_search_form_posts_so_words_stay_out_of_the_address(client):
    html = client.get("/search/").content.decode()
    assert '<form method="post" action="/search/"' in html


def test_search_ignores_words_in_the_query_string(client):
    make_page(title="Tracking apps")
    assert "Tracking apps" not in client.get("/search/?q=tracking").content.decode()


def test_an_empty_search_finds_nothing_and_says_so(client):
    make_page(title="Anything")
    html = _search(client, "   ")
    assert "Nothing found" in html


def test_a_page_cannot_be_posted_to_unless_it_has_a_form(client):
    make_page(slug="signs")
    assert client.post("/signs/").status_code == 405
