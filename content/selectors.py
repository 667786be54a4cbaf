"""Reads for public pages. Each returns in a fixed number of queries, however many pages exist."""

from django.utils import timezone

from .models import Page, PageRedirect

CARD_FIELDS = ("title", "slug", "summary", "section", "nav_order")


def live_pages(now=None):
    return Page.objects.live(now)


def find_page(slug, now=None):
    """What a visitor asking for /<slug>/ should get.

    Returns (outcome, page): "live", "moved" (page is where it went), "gone" (it was
    public once) or "missing" (page is None).
    """
    now = now or timezone.now()
    page = Page.objects.filter(slug=slug).first()
    if page is None:
        redirect = PageRedirect.objects.select_related("page").filter(old_slug=slug).first()
        if redirect is None:
            return "missing", None
        page = redirect.page
        if page.is_live(now):
            return "moved", page
    elif page.is_live(now):
        return "live", page
    return ("gone", page) if page.has_been_public(now) else ("missing", None)


def section_pages(section, now=None):
    return live_pages(now).filter(section=section).only(*CARD_FIELDS)


def home_highlights(now=None):
    return live_pages(now).filter(show_on_home=True).only(*CARD_FIELDS)
