"""Reads for the partners pages."""

from .models import DEFAULT_INTRO, PartnersIntro


def partners_intro():
    """The saved introduction, or the default one until staff write their own."""
    saved = PartnersIntro.objects.filter(pk=PartnersIntro.SINGLETON_ID).first()
    return saved or PartnersIntro(body=DEFAULT_INTRO)
