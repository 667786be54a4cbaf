"""Starter pages shipped in the repository (content/starter/*.html), read into plain values.

Each file is YAML front matter between `---` lines, then the page body as HTML.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

STARTER_DIR = Path(__file__).resolve().parent / "starter"


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
