"""Today's help-finder recommendations, recorded, so that a change to how they are made
(routing by role, precomputed cards, reworded reasons) can prove it changed nothing else.

The recording holds, for every situation at each moment in test_triage.MOMENTS, what a
visitor is shown: each service in order, its group, its opening state, its channels, its
reason and its notes. It was made from main at 859087f, before any of those changes.

    python -m tests.signposting.recorded_recommendations            # check against it
    python -m tests.signposting.recorded_recommendations --wording  # re-record reworded copy

Re-recording refuses if anything but the wording (reasons, notes, state text) differs:
which services, their order, groups, states and channels can only change on purpose,
with --everything, and the commit must say why.
"""

import gzip
import json
import sys
from pathlib import Path

RECORDING = Path(__file__).with_name("recorded-recommendations.json.gz")


def describe(recommendation):
    """One recommendation as plain data: (structure, wording)."""
    r = recommendation
    structure = {
        "slug": r.slug,
        "group": r.group,
        "state": r.state.kind,
        "until": r.state.until.isoformat() if r.state.until else None,
        "next_open": r.state.next_open.isoformat() if r.state.next_open else None,
        "channels": [[c.kind, c.value, c.href, c.for_gender, c.relay_href] for c in r.channels],
    }
    wording = {
        "reason": r.reason,
        "notes": list(r.notes),
        "state_text": r.state.text,
        "state_notes": list(r.state.notes),
    }
    return structure, wording


def situation_key(situation, moment):
    return moment + ":" + "-".join(str(value) for value in vars(situation).values())


def record_all(situations, moments, directory, recommend):
    """{key: [[structure, wording], ...]} for every situation at every moment."""
    return {
        situation_key(situation, name): [
            list(describe(r)) for r in recommend(situation, directory, now)
        ]
        for name, now in moments.items()
        for situation in situations
    }


def read_recording():
    with gzip.open(RECORDING, "rt", encoding="utf-8") as f:
        return json.load(f)


def write_recording(recorded):
    with gzip.GzipFile(RECORDING, "wb", mtime=0) as f:
        f.write(json.dumps(recorded, sort_keys=True, separators=(",", ":")).encode())


def structure_only(recorded):
    return {key: [pair[0] for pair in value] for key, value in recorded.items()}


def _current():
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import setup_test_environment

    from signposting.selectors import directory_entries
    from signposting.starter import load_directory
    from signposting.triage import recommend
    from tests.signposting.test_triage import EVERY_SITUATION, MOMENTS

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        with transaction.atomic():
            load_directory()
            directory = directory_entries()
            transaction.set_rollback(True)
        return record_all(EVERY_SITUATION, MOMENTS, directory, recommend)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main(argv):
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stalkinghelp.settings.test")
    current = _current()
    if not RECORDING.exists() or "--everything" in argv:
        write_recording(current)
        print(f"recorded {len(current)} situations x moments")
        return 0
    recorded = read_recording()
    if current == recorded:
        print(f"the same as the recording: {len(current)} situations x moments")
        return 0
    now, then = structure_only(current), structure_only(recorded)
    if now != then:
        changed = [key for key in now if now[key] != then.get(key)]
        print(f"services, order, states or channels differ in {len(changed)}, e.g. {changed[:3]}")
        return 1
    if "--wording" in argv:
        write_recording(current)
        print("re-recorded the wording; everything else is unchanged")
        return 0
    print("only the wording differs; re-record with --wording if that was meant")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
