"""Validators made from the HSDS 3.0 standard's own schemas, read from its folder, unchanged.

The folder is outside the repository: HSDS_STANDARD_DIR, or ../shared/standards/hsds-3.0
beside the checkout, or beside the local repository it was cloned from (a fresh clone
in a temporary folder). Without it these tests skip, except under CI, where they fail: a
conformance suite that quietly checks nothing is worse than none.
"""

import json
import os
import subprocess
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REPO = Path(__file__).resolve().parents[1]
BESIDE = Path("shared") / "standards" / "hsds-3.0"


def _cloned_from():
    """The local folder this checkout was cloned from, or None."""
    try:
        url = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            cwd=REPO, capture_output=True, text=True, timeout=10,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(url.removeprefix("file://"))
    return path if url and path.is_absolute() and path.is_dir() else None


def _standard_dir():
    if os.environ.get("HSDS_STANDARD_DIR"):
        return Path(os.environ["HSDS_STANDARD_DIR"])
    beside = [REPO.parent / BESIDE]
    origin = _cloned_from()
    if origin:
        beside.append(origin.resolve().parent / BESIDE)
    return next((folder for folder in beside if folder.is_dir()), beside[0])


STANDARD_DIR = _standard_dir()
SCHEMAS = STANDARD_DIR / "schema"


def _require_standard():
    if (SCHEMAS / "compiled" / "service.json").is_file():
        return
    message = f"The HSDS 3.0 standard is not at {STANDARD_DIR} (set HSDS_STANDARD_DIR)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI is set, so the conformance tests must run")
    pytest.skip(message)


@cache
def _registry():
    # The object schemas refer to each other by file name ("$ref": "taxonomy.json").
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in SCHEMAS.glob("*.json")
        if path.name != "openapi.json"
    ]
    return Registry().with_resources(resources)


def validator(name):
    """A validator for one of the standard's schemas, e.g. "compiled/service.json"."""
    _require_standard()
    if name.startswith("compiled/"):
        schema = json.loads((SCHEMAS / name).read_text())
        return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return Draft202012Validator(
        {"$ref": name}, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def page_validator():
    """The API reference's `Page` envelope (schema/openapi.json, components.schemas.Page)."""
    _require_standard()
    spec = json.loads((SCHEMAS / "openapi.json").read_text())
    page = dict(spec["components"]["schemas"]["Page"])
    # Every property of Page, as the issue asks: the standard lists them, we send them all.
    page["required"] = list(page["properties"])
    return Draft202012Validator(page, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(validator_, instance):
    found = sorted(validator_.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]
