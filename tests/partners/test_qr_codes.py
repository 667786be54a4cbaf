"""QR codes: made only for our own stable links, and they encode exactly the right address."""

import pytest
import segno
from django.conf import settings

from partners.qr import qr_svg
from tests.partners.png_modules import qr_modules

pytestmark = pytest.mark.django_db

OUR_LINKS = [
    "/",
    "/get-help/",
    "/services/",
    "/partners/",
    "/is-it-stalking/",
    "/services/national-stalking-helpline/",
    "/services/notts-stalking-advocacy/",
]


def expected_matrix(address):
    qr = segno.make_qr(address, error="m", boost_error=False)
    return tuple(tuple(int(bool(module)) for module in row) for row in qr.matrix)


@pytest.mark.parametrize("path", OUR_LINKS)
def test_the_png_qr_code_encodes_the_address_on_our_public_domain(client, starter_data, path):
    response = client.get("/partners/qr.png", {"link": path})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert qr_modules(response.content) == expected_matrix(settings.SITE_URL + path)


@pytest.mark.parametrize("path", OUR_LINKS)
def test_the_svg_qr_code_is_segnos_code_for_the_address(client, starter_data, path):
    response = client.get("/partners/qr.svg", {"link": path})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content == qr_svg(settings.SITE_URL + path)
    assert f"QR code for {settings.SITE_URL}{path}".encode() in response.content


def test_a_qr_code_for_another_address_gives_a_different_matrix(client, starter_data):
    response = client.get("/partners/qr.png", {"link": "/get-help/"})
    assert qr_modules(response.content) != expected_matrix(settings.SITE_URL + "/services/")


def test_qr_codes_follow_the_site_url_not_the_host_header(client, starter_data, settings):
    settings.SITE_URL = "https://help.example.org"
    response = client.get("/partners/qr.png", {"link": "/"}, HTTP_HOST="localhost")
    assert qr_modules(response.content) == expected_matrix("https://help.example.org/")


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://127.0.0.1:8000/",
        "/no-such-page/",
        "/services/no-such-service/",
        "/admin/",
        "/get-help",
        "/get-help/?next=https://evil.example/",
        "/../admin/",
        "",
        "javascript:alert(1)",
        "/" + "a" * 300 + "/",
    ],
)
@pytest.mark.parametrize("kind", ["svg", "png"])
def test_no_qr_code_for_an_address_that_is_not_one_of_our_stable_links(
    client, starter_data, link, kind
):
    assert client.get(f"/partners/qr.{kind}", {"link": link}).status_code == 404


def test_no_qr_code_for_a_draft_page(client, starter_data):
    from content.models import Page

    Page.objects.filter(slug="is-it-stalking").update(status=Page.Status.DRAFT)
    assert client.get("/partners/qr.svg", {"link": "/is-it-stalking/"}).status_code == 404


def test_qr_codes_are_public_cacheable_and_set_no_cookie(client, starter_data):
    response = client.get("/partners/qr.svg", {"link": "/"})
    assert "public" in response["Cache-Control"]
    assert not response.cookies
