"""Translations in the admin, beside the English: listed with their state on the page's form,
drafted, previewed, published only when a second person approves, and marked as checked."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EDITOR, PUBLISHER
from approvals.models import ChangeRequest
from content.models import Page
from tests.accounts.factories import make_page
from tests.approvals.helpers import decide, open_change, post_admin_form, staff_client
from translations.models import PageTranslation

from .helpers import get_in, make_translation, republish_english

pytestmark = pytest.mark.django_db

Status = ChangeRequest.Status
ADD = reverse("admin:translations_pagetranslation_add")
LIST = reverse("admin:translations_pagetranslation_changelist")
MARK = reverse("admin:translations_pagetranslation_mark_checked")


@pytest.fixture
def page():
    return make_page(
        title="What is stalking",
        slug="what-it-is",
        body="<p>English words.</p>",
        status=Page.Status.PUBLISHED,
    )


def _change_url(row):
    return reverse("admin:translations_pagetranslation_change", args=[row.pk])


def _new_translation(editor, page, language="pl", **fields):
    values = {
        "page": str(page.pk),
        "language": language,
        "title": "Czym jest nękanie",
        "summary": "Polskie streszczenie.",
        "body": "<p>Polskie słowa.</p>",
        "status": "draft",
        "matches_english_now": "on",
    }
    return editor.post(ADD, values | fields)


def test_the_page_form_lists_each_language_with_its_state_and_a_link(page):
    make_translation(page, "pl")
    unchecked = make_translation(page, "ar", checked_by="", checked_on=None)
    draft = make_translation(page, "ro", status=PageTranslation.Status.DRAFT)
    _user, editor = staff_client(EDITOR)
    html = editor.get(reverse("admin:content_page_change", args=[page.pk])).content.decode()
    pl = html[html.index('id="translation-pl"') :]
    assert "Current" in pl[: pl.index("</tr>")]
    ar = html[html.index('id="translation-ar"') :]
    assert "Not checked by a fluent speaker" in ar[: ar.index("</tr>")]
    assert _change_url(unchecked) in ar[: ar.index("</tr>")]
    ro = html[html.index('id="translation-ro"') :]
    assert "Draft" in ro[: ro.index("</tr>")] and _change_url(draft) in ro[: ro.index("</tr>")]
    for code in ("ur", "zh-hans"):
        row = html[html.index(f'id="translation-{code}"') :]
        row = row[: row.index("</tr>")]
        assert "Missing" in row
        assert f"{ADD}?page={page.pk}&amp;language={code}" in row


def test_the_page_form_says_when_a_translation_is_out_of_step(page):
    make_translation(page, "pl")
    republish_english(page, body="<p>New English.</p>")
    _user, editor = staff_client(EDITOR)
    html = editor.get(reverse("admin:content_page_change", args=[page.pk])).content.decode()
    pl = html[html.index('id="translation-pl"') :]
    assert "Out of step with the English" in pl[: pl.index("</tr>")]


def test_an_editor_adds_a_draft_made_from_the_english_as_it_is(client, page):
    _user, editor = staff_client(EDITOR)
    response = _new_translation(editor, page)
    assert response.status_code == 302, response.content.decode()[:3000]
    row = PageTranslation.objects.get()
    assert row.status == PageTranslation.Status.DRAFT
    assert row.made_from == page.history.latest()
    assert not row.is_checked  # the team's translation starts unchecked
    assert "Polskie słowa." not in get_in(client, "pl", "what-it-is").content.decode()


def test_publishing_a_translation_needs_a_second_person(client, page):
    editor_user, editor = staff_client(EDITOR)
    _publisher_user, publisher = staff_client(PUBLISHER)
    _new_translation(editor, page)
    row = PageTranslation.objects.get()
    post_admin_form(editor, _change_url(row), {}, {"_submit_for_review": "1"})
    change = open_change(row)
    assert change.status == Status.PENDING and change.submitted_by == editor_user
    row.refresh_from_db()
    assert row.status == PageTranslation.Status.DRAFT
    # The submitter may not approve it, whatever they post.
    assert decide(editor, change, "approve").status_code == 403
    assert decide(publisher, change, "approve").status_code == 302
    row.refresh_from_db()
    assert row.status == PageTranslation.Status.PUBLISHED
    assert "Polskie słowa." in get_in(client, "pl", "what-it-is").content.decode()
    assert row.history.latest().history_user == _publisher_user


def test_a_publisher_cannot_approve_their_own_translation(page):
    publisher_user, publisher = staff_client(PUBLISHER)
    _new_translation(publisher, page)
    row = PageTranslation.objects.get()
    post_admin_form(publisher, _change_url(row), {"status": "published"})
    change = open_change(row)
    assert change.status == Status.PENDING
    assert decide(publisher, change, "approve").status_code == 403
    row.refresh_from_db()
    assert row.status == PageTranslation.Status.DRAFT


def test_editing_a_live_translation_keeps_a_working_copy(client, page):
    row = make_translation(page, "pl", title="Na żywo")
    _user, editor = staff_client(EDITOR)
    response = post_admin_form(editor, _change_url(row), {"title": "Kopia robocza"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.title == "Na żywo"
    assert open_change(row).proposed["fields"]["title"] == "Kopia robocza"
    assert "Na żywo" in get_in(client, "pl", "what-it-is").content.decode()


def test_an_update_that_matches_the_english_again_brings_it_back_in_step(page):
    row = make_translation(page, "pl")
    republish_english(page, body="<p>New English.</p>")
    _publisher_user, publisher = staff_client(PUBLISHER)
    _user, editor = staff_client(EDITOR)
    post_admin_form(
        editor,
        _change_url(row),
        {"body": "<p>Nowe słowa.</p>", "matches_english_now": "on"},
        {"_submit_for_review": "1"},
    )
    decide(publisher, open_change(row), "approve")
    row.refresh_from_db()
    assert row.made_from == page.history.latest()
    assert row.state() == "unchecked"  # new words: the earlier check no longer counts


def test_a_correction_not_ticked_as_matching_stays_out_of_step(page):
    row = make_translation(page, "pl")
    republish_english(page, body="<p>New English.</p>")
    _user, editor = staff_client(EDITOR)
    post_admin_form(editor, _change_url(row), {"title": "Poprawka"})
    assert open_change(row).proposed["fields"]["made_from_id"] == row.made_from_id


def test_the_list_filters_by_language_and_state(page):
    make_translation(page, "pl")
    make_translation(page, "ar", checked_by="", checked_on=None)
    other = make_page(status=Page.Status.PUBLISHED, title="Other page")
    make_translation(other, "pl")
    republish_english(other, body="<p>Changed.</p>")
    _user, editor = staff_client(EDITOR)

    def listed(query):
        response = editor.get(LIST + query)
        return {str(row) for row in response.context["cl"].result_list}

    assert listed("?language=ar") == {"What is stalking (العربية)"}
    assert listed("?state=unchecked") == {"What is stalking (العربية)"}
    assert listed("?state=out_of_step") == {"Other page (Polski)"}
    assert listed("?state=current") == {"What is stalking (Polski)"}


def test_mark_as_checked_asks_for_the_name_and_day(page):
    row = make_translation(page, "pl", checked_by="", checked_on=None)
    publisher_user, publisher = staff_client(PUBLISHER)
    response = publisher.post(
        LIST, {"action": "mark_checked", "_selected_action": [row.pk]}, follow=True
    )
    assert "Fluent speaker" in response.content.decode()
    response = publisher.post(
        MARK, {"ids": str(row.pk), "checked_by": "Anna Nowak", "checked_on": "2026-11-28"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.checked_by, row.checked_on) == ("Anna Nowak", dt.date(2026, 11, 28))
    assert row.history.latest().history_user == publisher_user


def test_a_check_cannot_be_dated_in_the_future(page):
    row = make_translation(page, "pl", checked_by="", checked_on=None)
    _user, publisher = staff_client(PUBLISHER)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = publisher.post(
        MARK, {"ids": str(row.pk), "checked_by": "Anna", "checked_on": tomorrow.isoformat()}
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert not row.is_checked


def test_an_editor_cannot_mark_a_translation_checked(page):
    row = make_translation(page, "pl", checked_by="", checked_on=None)
    _user, editor = staff_client(EDITOR)
    response = editor.post(
        MARK, {"ids": str(row.pk), "checked_by": "Me", "checked_on": "2026-11-28"}
    )
    assert response.status_code == 403
    row.refresh_from_db()
    assert not row.is_checked


@pytest.mark.usefixtures("untranslated_interface")
def test_the_preview_shows_a_draft_as_visitors_would_see_it(page):
    row = make_translation(
        page, "pl", status=PageTranslation.Status.DRAFT, body="<p>Szkic.</p>", checked_by=""
    )
    row.checked_on = None
    row.save()
    _user, editor = staff_client(EDITOR)
    response = editor.get(reverse("admin:translations_pagetranslation_preview", args=[row.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Szkic." in html and "English words." not in html
    assert "A fluent speaker has not checked the translation yet." in html
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_preview_of_unsaved_changes_saves_nothing(page):
    row = make_translation(page, "pl", body="<p>Zapisane.</p>")
    _user, editor = staff_client(EDITOR)
    shown = editor.get(_change_url(row))
    from tests.accounts.admin_forms import admin_form_data

    data = admin_form_data(shown) | {"body": "<p>Niezapisane.</p>"}
    url = reverse("admin:translations_pagetranslation_preview", args=[row.pk])
    assert "Niezapisane." in editor.post(url, data).content.decode()
    row.refresh_from_db()
    assert row.body == "<p>Zapisane.</p>"


def test_each_translation_has_its_history_in_the_admin(page):
    row = make_translation(page, "pl")
    _user, editor = staff_client(EDITOR)
    response = editor.get(reverse("admin:translations_pagetranslation_history", args=[row.pk]))
    assert response.status_code == 200


def test_a_translation_with_a_change_waiting_is_not_marked_checked_behind_its_back(page):
    row = make_translation(page, "pl", checked_by="", checked_on=None)
    _user, editor = staff_client(EDITOR)
    post_admin_form(editor, _change_url(row), {"title": "Kopia robocza"})
    _publisher_user, publisher = staff_client(PUBLISHER)
    response = publisher.post(
        MARK, {"ids": str(row.pk), "checked_by": "Anna", "checked_on": "2026-11-28"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert not row.is_checked
    assert open_change(row).status == Status.WORKING_COPY  # not made stale


def test_publishing_a_service_description_needs_a_second_person(client):
    from tests.accounts.factories import make_service
    from translations.models import ServiceTranslation

    service = make_service()
    editor_user, editor = staff_client(EDITOR)
    _publisher_user, publisher = staff_client(PUBLISHER)
    add = reverse("admin:translations_servicetranslation_add")
    assert editor.get(add).status_code == 200
    response = editor.post(
        add,
        {
            "service": str(service.pk),
            "language": "ur",
            "short_description": "قومی ہیلپ لائن",
            "who_it_helps": "ہر وہ شخص جس کا پیچھا کیا جا رہا ہو",
            "status": "published",
            "matches_english_now": "on",
        },
    )
    assert response.status_code == 302
    # Nothing is saved yet: the new translation waits for someone else to approve it.
    assert not ServiceTranslation.objects.exists()
    change = ChangeRequest.objects.get(target_id=None)
    assert change.status == Status.PENDING and change.submitted_by == editor_user
    assert decide(editor, change, "approve").status_code == 403
    assert not ServiceTranslation.objects.exists()
    decide(publisher, change, "approve")
    row = ServiceTranslation.objects.get()
    assert row.status == ServiceTranslation.Status.PUBLISHED
    assert row.made_from == service.history.latest()
    assert not row.is_checked
