"""Checks on a page's text while it is written: what the editor sees on save.

Pure functions of the HTML (and, for typed numbers, of the directory's tokens, passed in).
Most findings are advice; two are refusals:

- a tel: link whose visible text is not the number it dials (`tel_link_errors`): a link
  reading "Call 999" that rings another number must never reach a visitor;
- a phone number typed by hand in a page being published (`publish_errors`): numbers
  come from the directory (design rule 5), so publishing waits for the token.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.html import escape

from signposting.phone import parse_uk_number

from .readability import GRADE_LIMIT, grade, plain_text
from .typed_numbers import typed_numbers

LONG_SENTENCE_WORDS = 25
LONGEST_SHOWN = 3
# Link text that tells a screen-reader user, who lists a page's links, nothing.
VAGUE_LINK_TEXT = frozenset(
    {"click here", "here", "click", "this link", "link", "read more", "more", "this page"}
)
_BARE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_SHORT_NUMBER = re.compile(r"(?<!\d)(?:999|112|101|111|116\d{3}|18000|18001\d+)(?!\d)")


@dataclass(frozen=True)
class Finding:
    check: str  # reading, sentences, headings, links, images or numbers
    message: str
    warning: bool = True  # False: for information (the reading age when it is fine)


class _Structure(HTMLParser):
    """Headings (levels in order), links (href and visible text) and images (alt)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.links = []
        self.images = []
        self._link = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            self._link = [attributes.get("href") or "", []]
        elif tag == "img":
            self.images.append(attributes.get("alt"))

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            href, text = self._link
            self.links.append((href.strip(), " ".join("".join(text).split())))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1].append(data)


def _structure(html):
    parser = _Structure()
    parser.feed(html or "")
    parser.close()
    return parser


def _words(sentence):
    return len(sentence.split())


def _opening(sentence, words=15):
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def reading_findings(html):
    measured = grade(html)
    if measured is None:
        return []
    message = (
        f"Reading grade {measured:.0f} (Flesch-Kincaid grade; reading age about "
        f"{measured + 5:.0f}); aim for grade {GRADE_LIMIT} or lower."
    )
    too_hard = measured > GRADE_LIMIT
    if too_hard:
        message += " Try shorter sentences and everyday words."
    return [Finding("reading", message, warning=too_hard)]


def sentence_findings(html):
    sentences = [s.strip() for s in _SENTENCE_END.split(plain_text(html)) if s.strip()]
    longest = sorted(sentences, key=_words, reverse=True)[:LONGEST_SHOWN]
    return [
        Finding(
            "sentences",
            f"A long sentence ({_words(s)} words; try under {LONG_SENTENCE_WORDS}): "
            f"“{_opening(s)}”",
        )
        for s in longest
        if _words(s) > LONG_SENTENCE_WORDS
    ]


def heading_findings(html):
    """The page title is the only level 1 heading; below it, no level may be skipped."""
    findings = []
    previous = 1
    for level in _structure(html).headings:
        if level > previous + 1:
            after = "the page title" if previous == 1 else f"a level {previous} heading"
            findings.append(
                Finding(
                    "headings",
                    f"A level {level} heading comes straight after {after}, skipping a "
                    f"level. Use a level {previous + 1} heading here.",
                )
            )
        elif level == 1:
            findings.append(
                Finding("headings", "The page title is the main heading: start at level 2.")
            )
        previous = level
    return findings


def link_findings(html):
    findings = []
    for _href, text in _structure(html).links:
        if text.lower().strip(" .:!") in VAGUE_LINK_TEXT:
            findings.append(
                Finding(
                    "links",
                    f"A link reads “{text}”. Say where it goes, for example "
                    "“Read about keeping a diary”: people using screen readers hear "
                    "links on their own.",
                )
            )
        elif _BARE_ADDRESS.match(text):
            findings.append(
                Finding(
                    "links",
                    f"A link shows a bare address ({text}). Use words that say where it goes.",
                )
            )
    return findings


def image_findings(html):
    missing = sum(1 for alt in _structure(html).images if not (alt or "").strip())
    if not missing:
        return []
    return [
        Finding(
            "images",
            f"{missing} image(s) have no text description (alt text), so people using "
            "screen readers can't know what they show.",
        )
    ]


def _dial(number):
    try:
        return parse_uk_number(number, texting=True).dial
    except ValidationError:
        return None


def replacements(html, tokens):
    """[(typed number, [ServiceToken with that number])] for each number typed in `html`."""
    by_dial = {}
    for token in tokens:
        for dial in token.dials:
            by_dial.setdefault(dial, []).append(token)
    return [(number, by_dial.get(_dial(number), [])) for number in typed_numbers(html)]


def _replacement_advice(number, matches):
    if not matches:
        return (
            f"{number}: no service in the directory has this number. Add it to the "
            "directory first, then use that service's token."
        )
    options = " or ".join(f"{t.token} ({t.name})" for t in matches)
    return f"{number}: use {options}"


def number_findings(html, tokens):
    return [
        Finding(
            "numbers",
            "A phone number typed by hand goes out of date unnoticed. "
            + _replacement_advice(number, matches),
        )
        for number, matches in replacements(html, tokens)
    ]


def writing_findings(html, tokens, summary=""):
    """Everything worth knowing about this text, in the order a reader meets the problems.

    The summary is read first on cards and in search results, so it counts for reading.
    """
    text = f"<p>{escape(summary)}</p>{html or ''}" if summary else html
    return [
        *reading_findings(text),
        *sentence_findings(text),
        *heading_findings(html),
        *link_findings(html),
        *image_findings(html),
        *number_findings(html, tokens),
    ]


def publish_errors(html, tokens):
    """Why this text can't be published yet: numbers typed by hand, each with its token."""
    return [
        "This page can't be published with phone numbers typed by hand. "
        + _replacement_advice(number, matches)
        for number, matches in replacements(html, tokens)
    ]


def _numbers_in(text):
    """The numbers written in a link's text, as dialled (E.164, or the short number)."""
    found = {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in phonenumbers.PhoneNumberMatcher(
            text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        )
    }
    found |= set(_SHORT_NUMBER.findall(re.sub(r"(?<=\d)[ -](?=\d)", "", text)))
    return found


def _dialled(href):
    target = re.sub(r"[^\d+]", "", href[len("tel:") :].split(";")[0])
    if not target:
        return None
    if target.startswith("+") or target.startswith("0"):
        try:
            parsed = phonenumbers.parse(target, "GB")
        except phonenumbers.NumberParseException:
            return target
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return target


def tel_link_errors(html):
    """A tel: link must show the number it dials; anything else misleads the person calling."""
    errors = []
    for href, text in _structure(html).links:
        if not href.lower().startswith("tel:"):
            continue
        dialled = _dialled(href)
        if dialled is None or dialled not in _numbers_in(text):
            shown = href[len("tel:") :]
            errors.append(
                f"A phone link reads “{text}” but dials {shown}. A link must show the number "
                "it rings. Better still, use a service token: it makes the link itself."
            )
    return errors
