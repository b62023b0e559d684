"""Pointers to documents lead somewhere (issue 15): code and the README once cited DESIGN.md
and FIELD_GUIDE.md, which were not in the repository. Every .md path named in a Python module
or in the README must exist, and the design document is docs/DESIGN.md."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("janji", "scrapers", "extract", "models", "db", "bench")
# an output name given to a variable ("HOSTILE_REPORT=cases.md") is not a pointer
PATH = re.compile(r"(?<![\w./=-])((?:[\w.-]+/)*[\w.-]+\.md)\b")


def named_documents() -> list[tuple[Path, str]]:
    files = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")] + [ROOT / "README.md"]
    return [(file, name) for file in files for name in PATH.findall(file.read_text(encoding="utf-8"))]


def test_design_document_is_in_the_repository():
    text = (ROOT / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    for section in ("## The flow", "## Layout", "## The command line", "contract, version 2", "## Database",
                    "## The vocabulary"):
        assert section in text


def test_every_named_document_exists():
    missing = []
    for file, name in named_documents():
        # "docs/DESIGN.md" is relative to the repository; a bare "README.md" to the naming file's folder
        if not ((ROOT / name).exists() if "/" in name else (file.parent / name).exists() or (ROOT / name).exists()):
            missing.append(f"{file.relative_to(ROOT)}: {name}")
        elif name in ("DESIGN.md", "FIELD_GUIDE.md"):
            missing.append(f"{file.relative_to(ROOT)}: {name} (the design document is docs/DESIGN.md)")
    assert missing == []
