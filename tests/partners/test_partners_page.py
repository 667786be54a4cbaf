"""/partners/: everything a partner needs, found from one page, with an intro staff can edit."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from content.models import Page
from partners.models import DEFAULT_INTRO, PartnersIntro
from signposting.models import Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners_html(client, starter_data):
    response = client.get("/partners/")
    assert response.status_code == 200
    return response.content.decode()


def hrefs(html):
    return set(re.findall(r'href="([^"]+)"', html))


def test_the_page_lists_every_live_page_and_every_service_as_a_stable_link(partners_html):
    links = hrefs(partners_html)
    assert "/get-help/" in links and "/is-it-stalking/" in links
    for page in Page.objects.live():
        assert f"/{page.slug}/" in links, page.slug
    for service in Service.objects.all():
        assert f"/services/{service.slug}/" in links, service.slug


def test_every_qr_code_link_on_the_page_works(client, partners_html):
    qr_links = [h.replace("&amp;", "&") for h in hrefs(partners_html) if "/partners/qr." in h]
    assert len(qr_links) >= 2 * (Service.objects.count() + Page.objects.live().count())
    for link in qr_links:
        assert client.get(link).status_code == 200, link


def test_every_address_is_shown_in_plain_text_beside_its_qr_code(partners_html, settings):
    address = settings.SITE_URL.split("://", 1)[1]
    assert f'partners-links__address">{address}/get-help/<' in partners_html


def test_the_page_links_to_print_embed_and_download_everything(client, partners_html):
    for path in (
        "/partners/poster/",
        "/partners/card/",
        "/embed/get-help/",
        "/partners/data/directory.json",
        "/partners/data/directory.csv",
        "/partners/data/directory-hsds.zip",
        "/api/v1/openapi.json",
        "/partners/changes.atom",
    ):
        assert path in partners_html, path
        assert client.get(path).status_code == 200, path


def test_the_open_government_licence_is_stated_beside_each_download(partners_html):
    import re

    licence = "Open Government Licence v3.0"
    assert 'rel="license"' in partners_html
    for path in (
        "/partners/data/directory.json",
        "/partners/data/directory-hsds.zip",
        "/partners/data/directory.csv",
    ):
        item = re.search(
            rf'<li><a class="govuk-link" href="{re.escape(path)}".*?</li>', partners_html
        )
        assert item and licence in item[0], path


def test_the_page_documents_the_widgets_height_and_sandbox(partners_html):
    from partners.embed import HEIGHT, SANDBOX

    assert f'sandbox="{SANDBOX}"' in partners_html
    assert f"height=&quot;{HEIGHT}&quot;" in partners_html


def test_the_page_describes_the_live_api(partners_html, settings):
    assert f"{settings.SITE_URL}/api/v1/" in partners_html
    assert "assured_date" in partners_html and "last_verified" in partners_html


def test_the_page_shows_the_default_intro_until_staff_write_one(partners_html):
    assert DEFAULT_INTRO.split("\n\n")[0] in partners_html


def test_the_page_shows_the_intro_staff_wrote(client, starter_data):
    PartnersIntro(body="First paragraph for partners.\n\nSecond one.").save()
    html = client.get("/partners/").content.decode()
    assert '<p class="govuk-body-l">First paragraph for partners.</p>' in html
    assert '<p class="govuk-body">Second one.</p>' in html


def test_there_is_only_ever_one_intro():
    PartnersIntro(body="One.").save()
    PartnersIntro(body="Two.").save()
    assert list(PartnersIntro.objects.values_list("body", flat=True)) == ["Two."]


@pytest.mark.parametrize("typed", ["Call 0808 802 0300 for advice.", "Ring 101.", "Dial 999."])
def test_the_intro_refuses_typed_phone_numbers(typed):
    with pytest.raises(ValidationError) as error:
        PartnersIntro(body=typed).full_clean()
    assert "body" in error.value.message_dict


def test_the_intro_keeps_its_history():
    intro = PartnersIntro(body="One.")
    intro.save()
    intro.body = "Two."
    intro.save()
    assert [h.body for h in intro.history.order_by("history_date")] == ["One.", "Two."]


def test_staff_can_edit_the_intro_in_admin_but_not_add_a_second_or_delete_it(client, settings):
    admin = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    client.force_login(admin)
    base = f"/{settings.ADMIN_PATH}partners/partnersintro/"
    assert client.get(base + "add/").status_code == 200
    response = client.post(base + "add/", {"body": "Hello partners."})
    assert response.status_code == 302
    assert client.get(base + "add/").status_code == 403
    assert client.get(base + "1/change/").status_code == 200
    assert client.get(base + "1/delete/").status_code == 403


def test_the_partners_page_has_link_preview_tags(partners_html, settings):
    assert '<meta property="og:title" content="For partner agencies">' in partners_html
    assert f'<meta property="og:url" content="{settings.SITE_URL}/partners/">' in partners_html
    assert (
        f'<meta property="og:image" content="{settings.SITE_URL}/static/img/share.png">'
        in partners_html
    )


def test_the_home_page_has_the_neutral_share_image(client, starter_data, settings):
    html = client.get("/").content.decode()
    assert f'<meta property="og:image" content="{settings.SITE_URL}/static/img/share.png">' in html
    assert '<meta property="og:title"' in html


def test_the_share_image_is_neutral():
    from django.conf import settings as django_settings

    svg = (django_settings.BASE_DIR / "static/img/share.svg").read_text()
    assert "stalk" not in svg.lower()


def test_the_page_offers_the_feed_to_feed_readers(partners_html, settings):
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="Changes to pages and the service directory" '
        f'href="{settings.SITE_URL}/partners/changes.atom">'
    ) in partners_html


def test_the_page_is_public_and_cookie_free(client, starter_data):
    response = client.get("/partners/")
    assert "public" in response["Cache-Control"]
    assert not response.cookies
