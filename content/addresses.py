"""Old addresses keep working: a page takes one over only by a choice someone made and logged.

Posters, leaflets and QR codes point at a page's old addresses (PageRedirect). A new or
renamed page that quietly took one would send every poster to the wrong page, or take
away the "this page has gone" answer (410) that the old one gives.
"""

from django.contrib.admin.models import DELETION, LogEntry
from django.utils import timezone

from .models import PageRedirect


def redirect_in_the_way(slug, page):
    """The old address /slug/ of another page, or None if `page` may simply take it."""
    if not slug:
        return None
    redirects = PageRedirect.objects.select_related("page").filter(old_slug=slug)
    if page.pk:
        redirects = redirects.exclude(page=page)  # taking back its own old address is fine
    return redirects.first()


def what_it_answers(redirect, now=None):
    """What a visitor (or a poster's QR code) gets at the old address today, in plain words."""
    target = redirect.page
    if target.is_live(now or timezone.now()):
        return f"sends visitors on to “{target.title}” (/{target.slug}/)"
    return f"tells visitors that the page “{target.title}” has been taken down (410)"


def address_taken_message(redirect):
    return (
        f"/{redirect.old_slug}/ is an old address of another page: it {what_it_answers(redirect)}. "
        "Posters, leaflets and QR codes may point at it. Choose another address, or tick "
        "“Take over this old address” to give it to this page instead; that choice is recorded."
    )


def record_address_takeover(request, page, redirect):
    """Log, before the page's save removes it, that a person chose to replace a redirect.

    In the admin's log (against the redirect, which is then gone) and as the reason on the
    page's next history record, so either trail shows who took the address, and from whom.
    """
    reason = (
        f"Took over the address /{redirect.old_slug}/, which until now {what_it_answers(redirect)}."
    )
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[redirect],
        action_flag=DELETION,
        change_message=reason,
        single_object=True,
    )
    # simple-history keeps at most 100 characters of a reason; the log above has it all.
    page._change_reason = f"Took over the old address /{redirect.old_slug}/"[:100]
