"""The OpenAPI 3.1 description of the API, with this site's own address filled in."""

import copy
import json
from functools import cache
from pathlib import Path

from django.conf import settings

SPEC_PATH = Path(__file__).with_name("openapi.json")


@cache
def _spec_file():
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def openapi_document():
    spec = copy.deepcopy(_spec_file())
    spec["servers"] = [{"url": settings.SITE_URL}]
    spec["info"]["contact"]["url"] = settings.SITE_URL + "/partners/"
    return spec
