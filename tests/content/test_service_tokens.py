"""Numbers on pages come from the directory: change the directory, every page follows."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content.tokens import render_tokens, slugs_in, token_errors
from signposting.models import Contact, Service

from .factories import make_page

pytestmark = pytest.mark.django_db


def main_html(response):
    """The page's own content, without the site-wide strip and footer (which have numbers)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def make_service(slug="test-helpline", name="Test Helpline", number="0808 802 0300", **fields):
    service = Service.objects.create(
        slug=slug,
        name=name,
        short_description="Advice.",
        who_it_helps="Anyone.",
        category=Service.Category.choices[0][0],
        always_open=True,
        verified=fields.pop("verified", True),
        **fields,
    )
    Contact.objects.create(service=service, kind=Contact.Kind.VOICE, value=number)
    return service


def test_a_token_shows_the_directorys_name_and_number_as_a_tel_link(client):
    make_service()
    make_page(slug="advice", body="<p>Call [[service:test-helpline]] for advice.</p>")
    html = client.get("/advice/").content.decode()
    assert "Test Helpline" in html
    assert 'href="tel:+448088020300"' in html
    assert "0808 802 0300" in html
    assert "[[service:" not in html


def test_when_the_directory_number_changes_the_page_shows_the_new_one(client):
    service = make_service()
    make_page(slug="advice", body="<p>[[service:test-helpline]]</p>")
    assert "0808 802 0300" in main_html(client.get("/advice/"))
    contact = service.contacts.get()
    contact.value = "0115 947 6490"
    contact.save()
    html = main_html(client.get("/advice/"))
    assert "0115 947 6490" in html and 'href="tel:+441159476490"' in html
    assert "0808 802 0300" not in html


def test_a_token_for_a_service_still_being_checked_carries_the_warning_inline(client):
    make_service(number="0115 947 6490", verified=False)
    make_page(slug="advice", body="<p>Call [[service:test-helpline]] for advice.</p>")
    html = main_html(client.get("/advice/"))
    inline = html[html.index('<span class="sh-inline">') :]
    inline = inline[: inline.index("</span> for advice.")]
    assert "We are still checking these contact details." in inline
    assert "call the National Stalking Helpline on" in inline


def test_hours_not_confirmed_show_in_a_token_as_not_confirmed(client):
    make_service(hours_confirmed=False)
    make_page(slug="advice", body="<p>[[service:test-helpline]]</p>")
    html = main_html(client.get("/advice/"))
    assert "Opening hours not confirmed: call to check" in html and "24 hours" not in html


def test_a_renamed_service_is_renamed_on_every_page(client):
    service = make_service()
    make_page(slug="one", body="<p>[[service:test-helpline]]</p>")
    make_page(slug="two", body="<p>[[service:test-helpline]]</p>")
    Service.objects.filter(pk=service.pk).update(name="Renamed Helpline")
    for path in ("/one/", "/two/"):
        assert "Renamed Helpline" in client.get(path).content.decode()


def test_a_service_removed_after_saving_points_to_the_directory_not_a_stale_number(client):
    service = make_service()
    make_page(slug="advice", body="<p>[[service:test-helpline]]</p>")
    service.delete()
    html = main_html(client.get("/advice/"))
    assert 'href="/services/"' in html
    assert "0808 802 0300" not in html


def test_known_tokens_pass_validation():
    make_service()
    assert token_errors("<p>[[service:test-helpline]]</p>") == []


def test_an_unknown_token_fails_validation():
    assert any("no-such" in error for error in token_errors("<p>[[service:no-such]]</p>"))


def test_a_token_inside_a_link_fails_validation():
    make_service()
    errors = token_errors('<p><a href="[[service:test-helpline]]">x</a></p>')
    assert any("inside a link" in error for error in errors)


def test_tokens_are_found_in_order_without_repeats():
    html = "[[service:b]] [[ service : A ]] [[service:b]]"
    assert slugs_in(html) == ["b", "a"]


def test_a_page_with_many_tokens_looks_the_directory_up_once(django_assert_max_num_queries):
    for n in range(5):
        make_service(slug=f"s{n}", name=f"Service {n}")
    body = "".join(f"<p>[[service:s{n}]]</p>" for n in range(5))
    # One query for the services plus their prefetched contacts, hours and exceptions.
    with django_assert_max_num_queries(4):
        render_tokens(body)


@given(st.text(max_size=60))
def test_text_without_tokens_renders_unchanged(text):
    if "[[" not in text:
        assert render_tokens(text) == text
