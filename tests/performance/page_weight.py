"""What a page costs a phone with an empty cache: bytes as transferred, requests, origins."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.conftest import PHONE

SETTLE_MS = 1000  # how long to listen for requests after the load event


@dataclass(frozen=True)
class Weight:
    label: str
    transferred: int  # response headers + body as received (compressed), all requests
    requests: int
    other_origins: tuple[str, ...]
    after_load: tuple[str, ...]

    def row(self):
        return f"{self.label:<48} {self.transferred:>7} B {self.requests:>2} requests"


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Recorder:
    """Every request a page makes, and whether it began after the load event."""

    def __init__(self, page):
        self.page = page
        self.seen = []
        self.loaded = False
        page.on("request", lambda request: self.seen.append((request, self.loaded)))
        page.on("load", lambda: setattr(self, "loaded", True))

    def restart(self):
        self.seen.clear()
        self.loaded = False

    def weigh(self, label, site_origin):
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(SETTLE_MS)
        total = 0
        for request, _ in self.seen:
            if request.failure is None:
                sizes = request.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return Weight(
            label=label,
            transferred=total,
            requests=len(self.seen),
            other_origins=tuple(r.url for r, _ in self.seen if _origin(r.url) != site_origin),
            after_load=tuple(r.url for r, late in self.seen if late),
        )


@dataclass(frozen=True)
class FirstRender:
    """What Chromium needs before it can paint: the page's HTML and its render-blocking CSS."""

    html: int  # the page's body as received (compressed)
    blocking: tuple[tuple[str, int], ...]  # (address, body as received) of each blocking file

    @property
    def total(self):
        return self.html + sum(size for _, size in self.blocking)


# Chromium's own account (Resource Timing): it marks each file that held up the first paint.
_FIRST_RENDER_SCRIPT = """() => {
  const page = performance.getEntriesByType("navigation")[0];
  const blocking = performance.getEntriesByType("resource")
    .filter((entry) => entry.renderBlockingStatus === "blocking")
    .map((entry) => [entry.name, entry.encodedBodySize]);
  return {html: page.encodedBodySize, blocking};
}"""


def first_render(page):
    """The loaded page's first-render bytes, as Chromium received them."""
    page.wait_for_load_state("load")
    found = page.evaluate(_FIRST_RENDER_SCRIPT)
    return FirstRender(found["html"], tuple(tuple(item) for item in found["blocking"]))


def new_phone_page(browser):
    """A fresh context (an empty cache) at 390x844 that never reaches another origin."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    context.route(
        lambda url: not url.startswith(("http://127.0.0.1", "data:", "about:")),
        lambda route: route.abort(),
    )
    return context, context.new_page()


def clear_browser_cache(context, page):
    context.new_cdp_session(page).send("Network.clearBrowserCache")
