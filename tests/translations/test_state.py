"""The state of a translation, as a pure function of plain values."""

import pytest

from translations.state import State, translation_state

TEXT = ("What is stalking", "Summary", "<p>Body</p>")
CHANGED = ("What is stalking", "Summary", "<p>New body</p>")


@pytest.mark.parametrize(
    ("published", "source", "english", "checked", "expected"),
    [
        (False, TEXT, TEXT, True, State.MISSING),
        (False, None, CHANGED, False, State.MISSING),
        (True, TEXT, TEXT, True, State.CURRENT),
        (True, TEXT, TEXT, False, State.UNCHECKED),
        (True, TEXT, CHANGED, True, State.OUT_OF_STEP),
        # Out of step comes first: it is what a translator must act on.
        (True, TEXT, CHANGED, False, State.OUT_OF_STEP),
        # The version it was made from is not known: nobody can say it is current.
        (True, None, TEXT, True, State.OUT_OF_STEP),
    ],
)
def test_translation_state(published, source, english, checked, expected):
    assert (
        translation_state(
            published=published, source_text=source, english_text=english, checked=checked
        )
        == expected
    )
