"""New starter content reaches a site that already has its pages.

`load_pages` runs once, at install. On a site that already has pages, this adds what
later releases brought, never touching what staff have made their own:
- the pages on Clare's Law, Ask for ANI and Safe Spaces, and help for people who are
  deaf or cannot speak, each only if no page has ever had its address (a page staff
  renamed or deleted stays so);
- the professionals page's referral routes, only if nobody has changed the page since
  it was loaded (its body is still exactly the one first shipped);
- the starter search synonyms, only if the site has none.
A new, empty site gets nothing here: `load_starter_data` loads it all.

Reversing removes the new pages and synonyms that nobody has changed since, and puts
the professionals page back if it is still exactly as this migration left it.
"""

import hashlib

from django.db import migrations
from django.utils import timezone

from content.sanitise import sanitise_html
from content.starter import STARTER_DIR, add_starter_synonyms, read_starter_page, starter_synonyms

NEW_PAGES = [
    "14-clares-law.html",
    "15-ask-for-ani-and-safe-spaces.html",
    "16-deaf-or-cannot-speak.html",
]
PROFESSIONALS = "for-professionals"
# sha256 of the professionals page's body as first shipped (sanitised, as saved).
PROFESSIONALS_FIRST_BODY = "003a6f49be3eaf6370f07398cad1188092c4e1a4d296a029823d85ec64bd9d47"
REASON = "Starter content"  # the change reason load_pages records
UPDATE_REASON = "Starter content: referral routes"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _record(HistoricalPage, page, kind, reason):
    """A history entry, as simple-history would have written it, so Compare and Revert work."""
    fields = [f.attname for f in HistoricalPage._meta.concrete_fields]
    values = {name: getattr(page, name) for name in fields if hasattr(page, name)}
    values.pop("history_id", None)
    HistoricalPage.objects.create(
        **values,
        history_date=timezone.now(),
        history_type=kind,
        history_change_reason=reason,
        history_user=None,
    )


def add_new_content(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    SearchSynonym = apps.get_model("content", "SearchSynonym")
    if not Page.objects.exists():
        return  # a new site: load_starter_data brings everything
    now = timezone.now()
    for name in NEW_PAGES:
        starter = read_starter_page(STARTER_DIR / name)
        if (
            Page.objects.filter(slug=starter.slug).exists()
            or HistoricalPage.objects.filter(slug=starter.slug).exists()
        ):
            continue
        page = Page.objects.create(
            slug=starter.slug,
            title=starter.title,
            summary=starter.summary,
            body=sanitise_html(starter.body),
            section=starter.section,
            nav_order=starter.nav_order,
            show_on_home=starter.show_on_home,
            feature=starter.feature,
            status="published",
            first_published_at=now,
            last_reviewed=None,
        )
        _record(HistoricalPage, page, "+", REASON)
    professionals = Page.objects.filter(slug=PROFESSIONALS).first()
    if professionals and _digest(professionals.body) == PROFESSIONALS_FIRST_BODY:
        professionals.body = sanitise_html(read_starter_page(_starter_file(PROFESSIONALS)).body)
        professionals.save(update_fields=["body", "updated_at"])
        _record(HistoricalPage, professionals, "~", UPDATE_REASON)
    add_starter_synonyms(SearchSynonym, Page)


def remove_new_content(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    SearchSynonym = apps.get_model("content", "SearchSynonym")
    for name in NEW_PAGES:
        slug = read_starter_page(STARTER_DIR / name).slug
        page = Page.objects.filter(slug=slug).first()
        if page and HistoricalPage.objects.filter(id=page.pk).count() == 1:
            HistoricalPage.objects.filter(id=page.pk).delete()
            page.delete()
    professionals = Page.objects.filter(slug=PROFESSIONALS).first()
    if professionals:
        latest = HistoricalPage.objects.filter(id=professionals.pk).order_by("-history_date")
        last = latest.first()
        earlier = latest[1:2].first() if last else None
        if last and earlier and last.history_change_reason == UPDATE_REASON:
            professionals.body = earlier.body
            professionals.save(update_fields=["body", "updated_at"])
            last.delete()
    # Starter synonyms staff have not changed (their words are still exactly as shipped).
    shipped = {phrases for phrases, _slugs in starter_synonyms()}
    SearchSynonym.objects.filter(phrases__in=shipped).delete()


def _starter_file(slug):
    return next(
        path for path in sorted(STARTER_DIR.glob("*.html")) if read_starter_page(path).slug == slug
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_f_search_synonyms"),
    ]

    operations = [
        migrations.RunPython(add_new_content, remove_new_content),
    ]
