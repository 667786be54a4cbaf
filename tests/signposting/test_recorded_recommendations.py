"""Every situation, at every moment, gets exactly the recommendations recorded before routing
by role and precomputed cards: see tests/signposting/recorded_recommendations.py."""

import pytest

from signposting.triage import recommend
from tests.signposting.recorded_recommendations import read_recording, record_all, structure_only
from tests.signposting.test_triage import EVERY_SITUATION, MOMENTS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recorded():
    return read_recording()


@pytest.fixture(scope="module")
def current(starter_entries):
    return record_all(EVERY_SITUATION, MOMENTS, starter_entries, recommend)


def test_the_recording_covers_every_situation_at_every_moment(recorded):
    assert len(recorded) == len(EVERY_SITUATION) * len(MOMENTS) == 15360


def test_services_order_groups_states_and_channels_are_as_recorded(current, recorded):
    now, then = structure_only(current), structure_only(recorded)
    differ = [key for key in then if now.get(key) != then[key]]
    assert not differ, f"{len(differ)} differ, first {differ[0]}: {now.get(differ[0])}"


def test_reasons_and_notes_are_as_recorded(current, recorded):
    differ = [key for key in recorded if current.get(key) != recorded[key]]
    assert not differ, f"{len(differ)} differ, first {differ[0]}"
