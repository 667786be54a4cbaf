"""How hard text is to read: the Flesch-Kincaid grade, measured with textstat (offline).

One measure for the whole site: the tests, the `reading_ages` command and the editor's
checks all call `grade()`. It takes a page body, a rendered page or plain text, and
measures the text as a reader meets it: each heading, paragraph, list item, table cell,
label and button is its own sentence, so a short heading is not glued to the next line.

We aim at grade 6 or below (reading age 11, the usual UK conversion is grade + 5): many
visitors are frightened, reading on a small screen, or reading in a second language.
"""

import re
from html.parser import HTMLParser

import textstat

from .pictograms import PICTURE
from .tokens import TOKEN

GRADE_LIMIT = 6

# Elements whose text a reader meets as a thought of its own.
_BLOCKS = frozenset(
    "address article aside blockquote br button caption dd details div dt fieldset "
    "figcaption footer form h1 h2 h3 h4 h5 h6 header hr label legend li main nav ol "
    "option p section summary table td th tr ul".split()
)
# Not read on the page: code, styles, pictures (their text alternative is heard, not
# read, and easy read pages pair each with the words beside it).
_UNREAD = frozenset("head script style template svg noscript title".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_ENDS_SENTENCE = re.compile(r"[.!?]$")


class _Sentences(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sentences = []
        self._words = []
        self._skipping = []  # stack of open tags whose text is not read

    def _end_sentence(self):
        text = " ".join(" ".join(self._words).split())
        self._words = []
        if text:
            self.sentences.append(text if _ENDS_SENTENCE.search(text) else text + ".")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        if self._skipping or tag in _UNREAD or hidden:
            if tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _BLOCKS:
            self._end_sentence()

    def handle_startendtag(self, tag, attrs):
        if not self._skipping and tag in _BLOCKS:
            self._end_sentence()

    def handle_endtag(self, tag):
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _BLOCKS:
            self._end_sentence()

    def handle_data(self, data):
        if not self._skipping:
            self._words.append(data)

    def close(self):
        super().close()
        self._end_sentence()


def sentences(text_or_html):
    """The sentences a reader meets, in order. Service and picture tokens read as nothing
    here: a service's name and numbers are measured where the service is shown."""
    parser = _Sentences()
    parser.feed(PICTURE.sub(" ", TOKEN.sub(" ", text_or_html or "")))
    parser.close()
    return parser.sentences


def plain_text(text_or_html):
    return "\n".join(sentences(text_or_html))


def grade(text_or_html):
    """The Flesch-Kincaid grade of what a reader meets, to one decimal; None if no words."""
    text = plain_text(text_or_html)
    if not textstat.lexicon_count(text):
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)
