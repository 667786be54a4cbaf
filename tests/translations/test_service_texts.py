"""Service descriptions in a language for the help-finder's cards: published and made from
the English as it is now, in one query however many there are."""

import pytest

from tests.accounts.factories import make_service
from translations.models import ServiceTranslation
from translations.selectors import ServiceText, service_texts

from .helpers import make_service_translation

pytestmark = pytest.mark.django_db


def test_published_in_step_descriptions_are_given_with_whether_they_were_checked():
    checked = make_service(short_description="English one.")
    unchecked = make_service()
    make_service_translation(checked, "pl", checked_by="Anna", checked_on="2026-11-01")
    make_service_translation(unchecked, "pl")
    texts = service_texts("pl")
    assert texts[checked.pk] == ServiceText(
        "Krajowa linia pomocy.", "Każdy, kto jest nękany.", True
    )
    assert texts[unchecked.pk].checked is False


def test_drafts_other_languages_and_out_of_step_descriptions_are_left_out():
    draft, arabic, moved = make_service(), make_service(), make_service()
    make_service_translation(draft, "pl", status=ServiceTranslation.Status.DRAFT)
    make_service_translation(arabic, "ar")
    make_service_translation(moved, "pl")
    moved.who_it_helps = "Changed in English."
    moved.save()
    assert service_texts("pl") == {}
    assert set(service_texts("ar")) == {arabic.pk}


def test_english_has_no_translated_descriptions(django_assert_num_queries):
    make_service_translation(make_service(), "pl")
    with django_assert_num_queries(0):
        assert service_texts("en-gb") == {}


@pytest.mark.parametrize("total", [1, 30])
def test_service_texts_cost_one_query_however_many(django_assert_num_queries, total):
    for _n in range(total):
        make_service_translation(make_service(), "ro")
    with django_assert_num_queries(1):
        assert len(service_texts("ro")) == total
