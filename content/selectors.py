"""Reads for public pages. Each returns in a fixed number of queries, however many pages exist."""

from django.db import models
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


def easy_read_pair(page, now=None):
    """The live page paired with `page`: its easy read version, or its standard page."""
    pair = {"easy_read_page": None, "standard_page": None}
    if page.pk is None and page.easy_read_of_id is None:
        return pair
    query = models.Q(pk=page.easy_read_of_id) if page.easy_read_of_id else models.Q()
    if page.pk is not None:
        query |= models.Q(easy_read_of_id=page.pk)
    for other in live_pages(now).filter(query).only("slug", "title", "easy_read_of"):
        if other.pk == page.easy_read_of_id:
            pair["standard_page"] = other
        else:
            pair["easy_read_page"] = other
    return pair
