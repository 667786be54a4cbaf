"""What a victim reads, gathered for measuring: every public page and every results page.

Pages are found, not listed: the sitemap, the fixed routes and every service in the
directory, so a page added later is measured without anyone remembering to add it.
Each page is measured on the text of its <main>; the header, strip and footer that every
page shares are measured once, on their own.

Results pages: 3,840 situations at 4 moments give 15,360 answers, but far fewer distinct
pages. Each distinct page (the same services, wording, states and channels, for the same
reader) is rendered once, through the real view, at its moment.
"""

import json
import re
from html.parser import HTMLParser
from unittest import mock

from django.utils import timezone

from content.readability import grade, sentences
from tests.public_urls import every_public_path, is_english

# Read by partner agencies and professionals, not by the person being stalked.
NOT_FOR_VICTIMS = {"/partners/", "/for-professionals/"}
_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.DOTALL)


def main_text(html):
    found = _MAIN.search(html)
    return found.group(1) if found else html


def shared_text(html):
    """The header, emergency strip, quick exit and footer: everything outside <main>."""
    return _MAIN.sub("", html.split("<body", 1)[1])


def victim_paths(client):
    from signposting.selectors import listed_services

    # English only: the grade is a measure of English (fluent speakers check translations).
    paths = [p for p in every_public_path(client) if is_english(p) and p not in NOT_FOR_VICTIMS]
    for service in listed_services():
        path = f"/services/{service.slug}/"
        if path not in paths:
            paths.append(path)
    return paths


def page_sentences(client):
    """{path: the sentences of its <main>} for every page a victim reads, and
    "(every page's header and footer)" for what surrounds <main> on every page."""
    read = {}
    for path in victim_paths(client):
        html = client.get(path).content.decode()
        read[path] = sentences(main_text(html))
    read["(every page's header and footer)"] = sentences(shared_text(html))
    return read


def page_grades(client):
    return {path: grade("\n".join(text)) for path, text in page_sentences(client).items()}


def answers_for(situation):
    yes_no = {True: "yes", False: "no"}
    return {name: yes_no.get(value, value) for name, value in vars(situation).items()}


class _Cards(HTMLParser):
    """Where each service card (li.sh-recommendation) starts and ends in a results page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))
        self.spans, self._depth, self._start = [], 0, None
        self.feed(html)
        self.close()

    def _offset(self):
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag != "li":
            return
        if self._depth:
            self._depth += 1
        elif "sh-recommendation" in (dict(attrs).get("class") or "").split():
            self._depth, self._start = 1, self._offset()

    def handle_endtag(self, tag):
        if tag == "li" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.spans.append((self._start, self._offset() + len("</li>")))


def _split_cards(html):
    """(the page without its cards, [each card's html])."""
    spans = _Cards(html).spans
    cards = [html[start:end] for start, end in spans]
    rest, last = [], 0
    for start, end in spans:
        rest.append(html[last:start])
        last = end
    rest.append(html[last:])
    return "".join(rest), cards


def _render_results(client, situation, now):
    with mock.patch.object(timezone, "now", return_value=now):
        html = main_text(client.post("/get-help/", answers_for(situation)).content.decode())
    frame, cards = _split_cards(html)
    return sentences(frame), [sentences(card) for card in cards]


def results_pieces(client, situations, moments, entries):
    """Every results page, as (frames, cards, pages).

    A results page is its frame (headings, introduction, the forms) and one card per
    service. Frames and cards are cut from real rendered pages: a page is rendered only
    when it shows a frame or a card not seen before. `pages` maps each distinct page text
    (its sentences, sorted) to [a situation showing it, its moment, how many answers do].
    """
    from signposting.triage import recommend
    from tests.signposting.recorded_recommendations import describe

    frames, cards, pages = {}, {}, {}
    for name, now in moments.items():
        for situation in situations:
            shown = recommend(situation, entries, now)
            card_keys = [json.dumps([situation.helper, describe(r)]) for r in shown]
            groups = list(dict.fromkeys(r.group for r in shown))
            frame_key = json.dumps([situation.helper, situation.voice_call_ok, groups])
            if frame_key not in frames or not all(key in cards for key in card_keys):
                frame, rendered_cards = _render_results(client, situation, now)
                assert len(rendered_cards) == len(shown), "a service card was not found"
                frames[frame_key] = frame
                cards.update(zip(card_keys, rendered_cards, strict=True))
            text = "\n".join(
                sorted(frames[frame_key] + [s for key in card_keys for s in cards[key]])
            )
            first = pages.setdefault(text, [situation, name, 0])
            first[2] += 1
    return frames, cards, pages


def results_grades(client, situations, moments, entries):
    """[(grade, how many answers show that page, a situation, its moment)], one per page.

    A grade depends only on which sentences a page holds, not their order, so a page
    composed from its frame and cards has the grade of the page as rendered.
    """
    _frames, _cards, pages = results_pieces(client, situations, moments, entries)
    return [(grade(text), n, situation, name) for text, (situation, name, n) in pages.items()]
