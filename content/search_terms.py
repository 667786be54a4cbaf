"""How search reads the words people type: plain words, word stems, near spellings, synonyms.

Pure functions, no database: the PostgreSQL search and the SQLite fallback both use
them, so "ex boyfriend" or "harrasment" mean the same whichever database serves them.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz

# Words too common to tell one page from another. PostgreSQL's "english" configuration
# drops the same kind of word; the fallback and the synonym matching need their own list.
STOP_WORDS = frozenset(
    """a about after all am an and any are as at be been being but by can could did do
    does doing for from had has have having he her hers him his how i if in into is it its
    just keep keeps kept me my myself no not now of on or our out over she so some than
    that the their them then there they this to too up us very was we were what when
    where which who why will with won would you your""".split()
)

# Two spellings count as one word at this rapidfuzz ratio (0 to 100): one slip in a
# five-letter word, or two in a ten-letter one ("harrasment", "stalkin", "airtg").
NEAR_SPELLING = 80
# Words shorter than this must be spelt right: "ex" is not a slip for "eg".
MIN_FUZZY_LENGTH = 4

_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("english")


def plain(text):
    """Lower case, accents and apostrophes removed: "Café" -> "cafe", "won't" -> "wont"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.lower().replace("'", "").replace("\u2019", "")


def words(text):
    return _WORD.findall(plain(text))


@lru_cache(maxsize=8192)
def stem(word):
    return _stemmer.stemWord(word)


def query_words(text):
    """The words of a search that can tell pages apart, in order, without repeats."""
    return list(dict.fromkeys(word for word in words(text) if word not in STOP_WORDS))


def same_word(typed, known):
    """True when `typed` is `known`, another form of it, or a near spelling of it."""
    if typed == known or stem(typed) == stem(known):
        return True
    if min(len(typed), len(known)) < MIN_FUZZY_LENGTH:
        return False
    return fuzz.ratio(typed, known) >= NEAR_SPELLING


@dataclass(frozen=True)
class Synonym:
    """Everyday words (one phrase each) and the pages they should find first."""

    phrases: tuple
    page_ids: tuple


def phrases_from(text):
    """Staff write one word or phrase per line (commas work too)."""
    return tuple(
        dict.fromkeys(
            " ".join(words(phrase)) for phrase in re.split(r"[\n,;]", text or "") if words(phrase)
        )
    )


def _phrase_in(phrase_words, typed):
    size = len(phrase_words)
    return any(
        all(same_word(t, p) for t, p in zip(typed[start : start + size], phrase_words, strict=True))
        for start in range(len(typed) - size + 1)
    )


def synonym_weights(text, synonyms):
    """{page id: weight} for the pages the synonyms send this search to.

    A phrase matches when its words appear in the search in order, each spelt right,
    in another form ("texted" for "texting") or nearly right. A longer phrase is
    stronger evidence: "ex boyfriend" outweighs "ex". Stop words count here ("following
    me"), because a phrase is whatever staff wrote.
    """
    typed = words(text)
    weights = {}
    for synonym in synonyms:
        matched = [len(p.split()) for p in synonym.phrases if _phrase_in(p.split(), typed)]
        if matched:
            for page_id in synonym.page_ids:
                weights[page_id] = weights.get(page_id, 0) + max(matched)
    return weights
