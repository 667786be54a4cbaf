"""Starter content shipped in the repository, read into plain values.

Pages are content/starter/*.html: YAML front matter between `---` lines, then the page
body as HTML. Search synonyms are content/starter/search-synonyms.yaml.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

STARTER_DIR = Path(__file__).resolve().parent / "starter"
SYNONYMS_FILE = STARTER_DIR / "search-synonyms.yaml"


@dataclass(frozen=True)
class StarterPage:
    slug: str
    title: str
    summary: str
    body: str
    section: str
    nav_order: int = 100
    show_on_home: bool = False
    feature: str = ""
    easy_read_of: str = ""  # the slug of the standard page this is the easy read version of


def read_starter_page(path):
    text = Path(path).read_text(encoding="utf-8")
    _before, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    return StarterPage(
        slug=meta["slug"],
        title=meta["title"],
        summary=" ".join(meta["summary"].split()),
        body=body.strip(),
        section=meta["section"],
        nav_order=meta.get("nav_order", 100),
        show_on_home=meta.get("show_on_home", False),
        feature=meta.get("feature", ""),
        easy_read_of=meta.get("easy_read_of", ""),
    )


def starter_pages():
    return [read_starter_page(path) for path in sorted(STARTER_DIR.glob("*.html"))]


def starter_synonyms():
    """[(phrases as staff would type them, one per line; page slugs)] from the starter file."""
    entries = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8"))
    return [("\n".join(entry["phrases"]), list(entry["pages"])) for entry in entries]


def add_starter_synonyms(synonym_model, page_model):
    """Create the starter synonyms, once: only while a site has none, so staff's list stays.

    Takes the models so a data migration can pass its historical ones. Returns how many
    were created; a synonym whose pages are all missing is left out.
    """
    if synonym_model.objects.exists():
        return 0
    created = 0
    for phrases, slugs in starter_synonyms():
        pages = list(page_model.objects.filter(slug__in=slugs))
        if pages:
            synonym_model.objects.create(phrases=phrases).pages.set(pages)
            created += 1
    return created
