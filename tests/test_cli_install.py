"""Install from anything (issue 15): what pip needs to install janji is declared in pyproject, so
an install with the pip that ships with Python (no upgrade) gets a working `janji demo`."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PINS = {re.split(r"==", line)[0].strip().lower().replace("_", "-"): line.strip()
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if "==" in line}


def name(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9._-]+", requirement)[0].lower().replace("_", "-")


def test_lxml_html_clean_is_a_declared_dependency_and_pinned():
    # lxml's extra is "html-clean", jusText asks for "html_clean": pip 23 drops it and trafilatura
    # then fails at import with "Install lxml[html-clean] or lxml_html_clean directly"
    declared = {name(r) for r in PROJECT["dependencies"]}
    assert "lxml-html-clean" in declared
    assert PINS["lxml-html-clean"].startswith("lxml_html_clean==")


def test_every_dependency_and_extra_is_pinned():
    for requirement in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]:
        assert name(requirement) in PINS, f"{requirement} has no pin in constraints.txt"


def test_the_app_does_not_depend_on_test_tools():
    declared = {name(r) for r in PROJECT["dependencies"]}
    assert not declared & {"playwright", "pytest", "hypothesis", "reportlab"}


def test_licence_is_an_spdx_string():
    assert isinstance(PROJECT["license"], str) and re.fullmatch(r"[A-Za-z0-9.+-]+", PROJECT["license"])
