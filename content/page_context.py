"""What the page template needs, built the same way for visitors and for staff previews."""

from django.conf import settings
from django.utils import timezone

from stalkinghelp.language import path_in_language

from .pictograms import render_pictures
from .selectors import easy_read_pair, section_pages
from .tokens import render_tokens


def canonical_url(path):
    """The absolute address of `path` (as English has it) in the page's language."""
    return settings.SITE_URL + path_in_language(path)


def page_context(page, request=None, now=None):
    now = now or timezone.now()
    return {
        "page": page,
        "body_html": render_pictures(render_tokens(page.body, now=now)),
        **easy_read_pair(page, now),
        "section_pages": list(section_pages(page.section, now)),
        "canonical_url": canonical_url(f"/{page.slug}/") if page.slug else "",
        "section_label": page.get_section_display(),
    }
