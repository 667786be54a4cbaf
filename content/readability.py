"""Reading age of page text, measured with textstat (offline).

Reading age is the Flesch-Kincaid grade plus 5, the usual UK conversion. We aim for
about 11: many visitors are frightened, reading on a small screen, or reading in a
second language.
"""

import re

import textstat
from django.utils.html import strip_tags

from .tokens import TOKEN

TARGET_READING_AGE = 11

# Headings and list items are separate thoughts: count each as a sentence, as a reader would.
_BLOCK_END = re.compile(r"</(?:li|h2|h3|h4|p|summary|td|th)>")


def plain_text(html):
    text = _BLOCK_END.sub(".\n", TOKEN.sub(" ", html or ""))
    text = strip_tags(text).replace("&nbsp;", " ")
    return re.sub(r"([.:?!])\s*\.", r"\1", text)


def reading_age(html):
    text = plain_text(html)
    if not text.strip():
        return None
    return round(textstat.flesch_kincaid_grade(text) + 5, 1)
