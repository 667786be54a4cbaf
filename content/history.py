"""Comparing and reverting page versions kept by django-simple-history."""

import difflib
import re

from django.utils.html import strip_tags

from .models import EDITABLE_FIELDS, Page

# As stored (the owner as owner_id), so versions compare and revert without queries.
COMPARED_FIELDS = [Page._meta.get_field(name).attname for name in EDITABLE_FIELDS]

_BLOCK_END = re.compile(r"(</(?:p|h2|h3|h4|li|tr|blockquote|summary|details|table)>)")


def _lines(field, value):
    if field == "body":
        # One line per block, so a changed paragraph shows as one changed line.
        return [line.strip() for line in _BLOCK_END.sub(r"\1\n", value or "").splitlines()]
    return ["" if value is None else str(value)]


def compare_versions(older, newer):
    """Per changed field, a list of (kind, text) lines; kind is 'same', 'removed' or 'added'."""
    changes = []
    for field in COMPARED_FIELDS:
        before = _lines(field, getattr(older, field))
        after = _lines(field, getattr(newer, field))
        if before == after:
            continue
        lines = []
        for line in difflib.ndiff(before, after):
            code, text = line[:2], line[2:]
            if code == "? ":
                continue
            kind = {"- ": "removed", "+ ": "added"}.get(code, "same")
            lines.append((kind, strip_tags(text) if field == "body" else text))
        label = Page._meta.get_field(field.removesuffix("_id")).verbose_name
        changes.append({"field": label, "lines": lines})
    return changes


def revert_page_to(page, record, user):
    """Make `page` match the historical `record`, as a new version (so it can be undone too)."""
    for field in COMPARED_FIELDS:
        setattr(page, field, getattr(record, field))
    page.updated_by = user
    page._history_user = user
    page._change_reason = f"Reverted to the version of {record.history_date:%d %b %Y %H:%M}"
    page.save()
    return page
