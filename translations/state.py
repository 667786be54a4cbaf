"""What state a translation is in, worked out from plain values: no ORM, no clock.

A translation is *out of step* when the English text it was made from is no longer the
English text visitors see. Comparing text, rather than dates or history ids, keeps the
answer true when the English is rescheduled (no text changed, so still current) or
reverted (back to the version translated: current again; to any other: out of step).
"""

from django.db import models


class State(models.TextChoices):
    CURRENT = "current", "Current"
    OUT_OF_STEP = "out_of_step", "Out of step with the English"
    UNCHECKED = "unchecked", "Not checked by a fluent speaker"
    MISSING = "missing", "Missing"


def translation_state(*, published, source_text, english_text, checked):
    """The state of one language's translation.

    `published` is False when there is no published translation; `source_text` is the
    English text it was made from (None when that record is gone, which counts as out
    of step: nobody can say it is current); `english_text` the English text now.
    Out of step comes before unchecked: it is the one a translator must act on.
    """
    if not published:
        return State.MISSING
    if source_text is None or source_text != english_text:
        return State.OUT_OF_STEP
    if not checked:
        return State.UNCHECKED
    return State.CURRENT
