"""docs/safety.md names the code and the tests behind each safety rule: they must exist."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "safety.md").read_text()
DEFINED_TESTS = {
    name
    for path in (ROOT / "tests").rglob("test_*.py")
    for name in re.findall(r"^def (test_\w+)", path.read_text(), re.MULTILINE)
}


def test_the_doc_states_seven_rules():
    assert re.findall(r"^## (\d)\. ", DOC, re.MULTILINE) == [str(n) for n in range(1, 8)]


@pytest.mark.parametrize("path", sorted(set(re.findall(r"`((?:[\w.-]+/)+[\w.-]*)", DOC))))
def test_every_file_and_folder_named_exists(path):
    assert (ROOT / path.split("::")[0]).exists(), path


@pytest.mark.parametrize("name", sorted(set(re.findall(r"\b(test_\w+)`", DOC))))
def test_every_test_named_exists(name):
    assert name in DEFINED_TESTS, name
