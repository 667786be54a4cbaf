"""Words many visitors do not know, and what they mean, in plain words.

A page explains each where the reader first meets it: the meaning comes before the word
or at most a few sentences after it. The tests check every page a victim reads with
`unexplained()`; service pages show `meanings_for()` below the service's description.
"""

import re
from dataclasses import dataclass

# How many sentences after the first use the meaning may come: a heading, then the
# paragraph that explains it.
EXPLAINED_WITHIN = 3


@dataclass(frozen=True)
class PlainWord:
    word: str
    used: re.Pattern  # how the word appears in text
    meaning: str  # the sentence a page shows
    explained: re.Pattern  # how a page's own wording of the meaning is recognised


def _word(word, used, meaning, explained):
    return PlainWord(word, re.compile(used, re.I), meaning, re.compile(explained, re.I))


PLAIN_WORDS = (
    _word(
        "advocate",
        r"\badvoca(?:te|tes|cy)\b",
        "An advocate supports you and speaks up for you.",
        r"supports? (?:you|them) and speaks? up for (?:you|them)",
    ),
    _word(
        "textphone",
        r"\btextphones?\b",
        "A textphone is a phone you type on instead of talking.",
        r"textphone is a phone you type on|textphone \(a phone you type on",
    ),
    _word(
        "text relay",
        r"\b(?:text )?relay\b",
        "With text relay, an assistant reads out what you type and types what they hear.",
        r"assistant reads out what (?:you|they) types?",
    ),
    _word(
        "Silent Solution",
        r"\bsilent solution\b",
        "The Silent Solution: if you cannot speak, call 999, then press 55.",
        r"press(?:es)? 55\b|\b55 when (?:asked|prompted|the recorded)",
    ),
    _word(
        "Stalking Protection Order",
        r"\bstalking protection orders?\b",
        "A Stalking Protection Order is a court order. It tells the stalker what they must "
        "not do, such as contact you.",
        r"is a court order|\(a court order",
    ),
    _word(
        "bank holiday",
        r"\bbank holidays?\b",
        "A bank holiday is a public holiday, such as Christmas Day.",
        r"public holidays?",
    ),
    _word(
        "JavaScript",
        r"\bjavascript\b",
        "JavaScript is a setting that lets web pages do things by themselves.",
        r"javascript (?:is a setting|lets a web page)",
    ),
)


def words_used(text):
    return [word for word in PLAIN_WORDS if word.used.search(text or "")]


def meanings_for(*texts):
    """The meaning of each hard word in `texts`, in the order of PLAIN_WORDS."""
    joined = " ".join(text for text in texts if text)
    return [word.meaning for word in words_used(joined)]


def unexplained(sentences):
    """The words whose meaning does not come before, or soon after, their first use."""
    missing = []
    for word in PLAIN_WORDS:
        first = next((i for i, s in enumerate(sentences) if word.used.search(s)), None)
        if first is None:
            continue
        nearby = sentences[: first + 1 + EXPLAINED_WITHIN]
        if not any(word.explained.search(s) for s in nearby):
            missing.append((word.word, sentences[first]))
    return missing
