"""A request reads the content token from the shared cache once, however many copies it uses."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client

from stalkinghelp import content_generation
from tests.answers import NOT_IN_DANGER_SOMEONE_KNOWN

pytestmark = pytest.mark.django_db


def _token_reads(calls):
    return [call for call in calls if call.args and call.args[0] == content_generation.KEY]


def test_the_help_finder_reads_the_token_once_for_the_schedule_the_directory_and_the_page(
    starter_data,
):
    client = Client()
    client.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN)  # every copy kept and held
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        response = client.post("/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN)
    assert response.status_code == 200
    assert len(_token_reads(get.call_args_list)) == 1


def test_a_change_during_a_request_is_seen_by_the_rest_of_that_request():
    def view():
        before = content_generation.read_stamped("some-copy")[0]
        content_generation.bump_generation()
        return before, content_generation.read_stamped("some-copy")[0]

    middleware = content_generation.OneReadPerRequest(lambda request: view())
    before, after = middleware(object())
    assert before is not None and after is not None and before != after
    assert after == cache.get(content_generation.KEY)


def test_outside_a_request_every_read_asks_the_shared_cache():
    first = content_generation.read_stamped("some-copy")[0]
    cache.set(content_generation.KEY, "changed-elsewhere")
    assert content_generation.read_stamped("some-copy")[0] == "changed-elsewhere" != first
