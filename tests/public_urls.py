"""Every public URL that exists: fixed routes plus whatever the sitemap lists.

The sitemap lists every page in every language (/pl/..., /ar/...), so whatever takes its
paths from here (axe, the HTML checker, the page budgets) checks every language too.
"""

import re
from urllib.parse import urlparse

from django.conf import settings

from stalkinghelp.language import language_from_path

FIXED_PUBLIC_PATHS = [
    "/",
    "/get-help/",
    "/services/",
    "/no-such-page/",
    "/partners/",
    "/partners/poster/",
    "/partners/card/",
    "/embed/get-help/",
]

# Public pages the sitemap leaves out: a service page (services are listed on /services/),
# search (not for indexing) and the printable diary.
UNLISTED_PUBLIC_PATHS = [
    "/services/national-stalking-helpline/",
    "/search/",
    "/keeping-a-record/diary/",
]


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    if response.status_code != 200:
        return []
    return [
        urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]


def public_paths(client):
    paths = list(FIXED_PUBLIC_PATHS)
    for path in sitemap_paths(client):
        if path not in paths:
            paths.append(path)
    return paths


def is_english(path):
    return language_from_path(path) == settings.LANGUAGE_CODE


def every_public_path(client):
    return public_paths(client) + [p for p in UNLISTED_PUBLIC_PATHS if p not in FIXED_PUBLIC_PATHS]
