"""The pages with a small stylesheet of their own lose nothing by it.

home.css, help-finder.css and partners-page.css carry only what their pages use (so
each page and its sheet arrive in one round trip; README: Styles). A class a page uses
that site.css, the sheet with everything, styles must be styled by the page's own sheet
too, in every state the page can be in, including the classes the scripts add to the
page. Read from the built sheets in static/dist (`npm run build`).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.answers import IN_DANGER_CANNOT_TALK, IN_DANGER_ONLY, NOT_IN_DANGER_SOMEONE_KNOWN

DIST = Path(settings.BASE_DIR) / "static" / "dist"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/dist/([^"]+)"')
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
# Put on <html> by quick-exit.js and forget-answers.js.
SCRIPT_CLASSES = {"quick-exit-leaving", "answers-hidden"}
HELPING = {**NOT_IN_DANGER_SOMEONE_KNOWN, "for_whom": "someone_else"}

PAGES = [
    ("home", "get", "/", None, "home.css"),
    ("help-finder", "get", "/get-help/", None, "help-finder.css"),
    ("help-finder, an answer refused", "post", "/get-help/", {"danger": "perhaps"}, None),
    ("help-finder, answers changed", "post", "/get-help/", {**HELPING, "action": "change"}, None),
    ("results, in danger and cannot talk", "post", "/get-help/", IN_DANGER_CANNOT_TALK, None),
    ("results, most common", "post", "/get-help/", NOT_IN_DANGER_SOMEONE_KNOWN, None),
    ("results, helping someone", "post", "/get-help/", HELPING, None),
    ("results, one answer given", "post", "/get-help/", IN_DANGER_ONLY, None),
    ("partner agencies", "get", "/partners/", None, "partners-page.css"),
    # The directory, with every service's description: inside 20 KB in every language.
    ("services", "get", "/services/", None, "help-finder.css"),
    ("services in Arabic", "get", "/ar/services/", None, "help-finder.css"),
]


def _classes_styled(sheet):
    return set(CSS_CLASS.findall((DIST / sheet).read_text()))


def _classes_used(html):
    return {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "method", "path", "data", "expected_sheet"), PAGES)
def test_a_page_with_its_own_stylesheet_has_every_style_it_uses(
    starter_data, label, method, path, data, expected_sheet
):
    response = getattr(Client(), method)(path, data)
    assert response.status_code == 200
    html = response.content.decode()
    sheets = STYLESHEET.findall(html)
    assert len(sheets) == 1 and sheets[0] != "site.css"
    if expected_sheet:
        assert sheets == [expected_sheet]
    used = _classes_used(html) | SCRIPT_CLASSES
    missing = (used & _classes_styled("site.css")) - _classes_styled(sheets[0])
    assert not missing, f"{label}: {sheets[0]} lacks {sorted(missing)}"


def test_the_full_stylesheet_styles_what_the_small_ones_do():
    everything = _classes_styled("site.css")
    for sheet in ("home.css", "help-finder.css", "partners-page.css"):
        assert _classes_styled(sheet) <= everything, sheet
