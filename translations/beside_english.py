"""Each language's translation of a page, listed on the English page's admin form."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .languages import translation_languages
from .selectors import translations_of
from .state import State

ADD_URL = "admin:translations_pagetranslation_add"
CHANGE_URL = "admin:translations_pagetranslation_change"


@dataclass(frozen=True)
class LanguageRow:
    code: str
    name: str
    state: str
    link_text: str
    url: str


def translation_rows(page):
    """One row per language, in settings order, with its state and where to add or edit it."""
    found = translations_of(page)
    rows = []
    for code, name in translation_languages():
        row = found.get(code)
        if row is None:
            url = reverse(ADD_URL) + f"?page={page.pk}&language={code}"
            rows.append(LanguageRow(code, name, State.MISSING.label, "Add", url))
            continue
        row.page = page
        state = row.state()
        label = "Draft (missing for visitors)" if state == State.MISSING else state.label
        if state == State.OUT_OF_STEP and row.status == row.Status.PUBLISHED:
            label = f"{label}: update it, then tick “Made from the English as it is now”"
        rows.append(LanguageRow(code, name, label, "Edit", reverse(CHANGE_URL, args=[row.pk])))
    return rows


def translations_table(page):
    if not page.pk:
        return "Save the English page first; then add its translations."
    return format_html(
        '<table class="page-translations"><thead><tr><th scope="col">Language</th>'
        '<th scope="col">State</th><th scope="col"></th></tr></thead><tbody>{}</tbody></table>',
        format_html_join(
            "",
            '<tr id="translation-{}"><td lang="{}">{}</td><td>{}</td>'
            '<td><a href="{}">{}</a></td></tr>',
            ((r.code, r.code, r.name, r.state, r.url, r.link_text) for r in translation_rows(page)),
        ),
    )
