"""The PK reader on PDFs made by a different generator (the demo corpus) than its own fixtures,
against the agreements written down in janji/demo_corpus/expected.json: every field."""
import json

import pytest

from extract.pk import read_agreement
from scrapers.files import read_path
from tests.conftest import CORPUS

EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["pdfs"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_demo_pk_read_exactly(name):
    expected = EXPECTED[name]["agreement"]
    found = read_agreement(read_path(CORPUS / name))
    assert (found.year, found.revision, found.opd, found.region) == (
        expected["year"], expected["revision"], expected["opd"], expected["region"])
    assert (found.signed_place, found.signed_date) == (expected["signed_place"], expected["signed_date"])
    for side in ("first_party", "second_party"):
        want, got = expected[side], getattr(found, side)
        assert (got.name, got.full_name, got.position) == (want["name"], want["full_name"], want["position"])
        assert got.nip == (want["nip"].replace(" ", "") if want["nip"] else None)
    assert [(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in found.targets] == [
        (t["sasaran"], t["indikator"], t["target"], t["value"], t["unit"], t["page"]) for t in expected["targets"]]
    assert [(p.program, p.anggaran) for p in found.programs] == [
        (p["program"], p["anggaran"]) for p in expected["programs"]]
    assert found.total_anggaran == expected["total_anggaran"]
    assert found.total_mismatch is None
