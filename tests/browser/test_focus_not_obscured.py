"""WCAG 2.4.11 Focus Not Obscured: on small screens the quick-exit bar, fixed to the bottom
of the screen, never covers what has keyboard focus.

Tabs through every public page at phone size (390x844) and at 320x256 (a 1280x1024
screen zoomed to 400%), and checks each focus stop against the bar.
"""

import pytest
from django.test import Client

from tests.public_urls import every_public_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_STOPS_PER_PAGE = 300  # far more than any page has: the walk always ends

# Where the focused element is, and how much of it the bar covers. Focus inside an iframe
# (the widget preview) is followed into it.
FOCUS_STOP = """() => {
  const bar = document.querySelector('[data-quick-exit-container]');
  let el = document.activeElement;
  if (!bar) return {noBar: true};  // the widget, shown inside partners' pages
  if (!el || el === document.body) return null;
  if (bar.contains(el)) return {inBar: true};
  let dx = 0, dy = 0;
  while (el.tagName === 'IFRAME' && el.contentDocument
         && el.contentDocument.activeElement !== el.contentDocument.body) {
    const frame = el.getBoundingClientRect();
    dx += frame.left + el.clientLeft; dy += frame.top + el.clientTop;
    el = el.contentDocument.activeElement;
  }
  const wrapped = window.__firstStop === el;  // back to the first stop: the walk is done
  window.__firstStop = window.__firstStop || el;
  const r = el.getBoundingClientRect();
  const box = {l: r.left + dx, t: r.top + dy, r: r.right + dx, b: r.bottom + dy};
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const clip = {l: Math.max(box.l, 0), t: Math.max(box.t, 0),
                r: Math.min(box.r, vw), b: Math.min(box.b, vh)};
  const q = bar.getBoundingClientRect();
  const overlap = (a1, a2, b1, b2) => Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));
  return {
    inBar: false,
    wrapped,
    name: el.tagName + ' ' + (el.textContent || el.value || el.title || '').trim().slice(0, 40),
    height: r.height,
    room: q.top,  // the height of the screen above the bar
    onScreen: Math.max(0, clip.r - clip.l) * Math.max(0, clip.b - clip.t),
    covered: overlap(clip.l, clip.r, q.left, q.right) * overlap(clip.t, clip.b, q.top, q.bottom),
  };
}"""


def obscured_focus_stops(page, url):
    """(stops, [problems]) for one page: a stop is a problem if the bar covers any of it,
    unless it is taller than the room above the bar and still partly shows."""
    page.goto(url)
    stops, problems = 0, []
    for _ in range(MAX_STOPS_PER_PAGE):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None:
            if stops:
                break  # focus has left the page: the walk is done
            continue
        if stop.get("noBar"):
            break
        if stop["inBar"]:
            continue
        if stop["wrapped"]:
            break
        stops += 1
        hidden = stop["onScreen"] == 0 or stop["covered"] >= stop["onScreen"] - 0.5
        too_tall = stop["height"] > stop["room"]
        if hidden or (stop["covered"] > 0 and not too_tall):
            problems.append(f"{stop['name']} ({stop['covered']:.0f} of {stop['onScreen']:.0f} px²)")
    return stops, problems


@pytest.fixture
def every_path(starter_data):
    return every_public_path(Client())


@pytest.mark.parametrize(
    ("viewport", "mobile"),
    [({"width": 390, "height": 844}, True), ({"width": 320, "height": 256}, False)],
    ids=["390x844", "320x256"],
)
def test_no_focus_stop_is_hidden_behind_the_quick_exit_bar(
    browser, live_server, every_path, viewport, mobile
):
    context = browser.new_context(viewport=viewport, is_mobile=mobile)
    page = context.new_page()
    try:
        total, failures = 0, {}
        for path in every_path:
            stops, problems = obscured_focus_stops(page, live_server.url + path)
            total += stops
            if problems:
                failures[path] = problems
    finally:
        context.close()
    print(
        f"\n{viewport['width']}x{viewport['height']}: {total} focus stops on "
        f"{len(every_path)} pages, {sum(map(len, failures.values()))} covered by the bar"
    )
    assert total > 20 * len(every_path) // 2  # the walk really went through the pages
    assert not failures, failures
