"""The performance-report reader on the demo corpus's LKjIPs (made by a different generator than
its own fixtures), against the reports written down in janji/demo_corpus/expected.json: every
field; and the reports' indicators are the PKs' (the join the outcomes are built on)."""
import dataclasses
import json

import pytest

from extract.lkjip import read_report
from extract.pk import read_agreement
from scrapers.files import read_path
from tests.conftest import CORPUS

EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED["reports"]))
def test_demo_report_read_exactly(name):
    found = read_report(read_path(CORPUS / name))
    assert found.errors == []
    assert dataclasses.asdict(found.report) == EXPECTED["reports"][name]["report"]


def test_a_lowered_target_still_missed_is_in_the_corpus():
    """imunisasi: PK 95, PK Perubahan 92, realised 89,7 (higher is better): missed after being lowered."""
    pk = {t.indikator: t for t in read_agreement(read_path(CORPUS / "pk-dinkes-kota-jambi-2025.pdf")).targets}
    revised = {t.indikator: t for t in read_agreement(read_path(CORPUS / "pk-perubahan-dinkes-kota-jambi-2025.pdf")).targets}
    report = {a.indikator: a for a in read_report(read_path(CORPUS / "lkjip-dinkes-kota-jambi-2025.pdf")).report.achievements}
    name = "Cakupan imunisasi dasar lengkap"
    assert revised[name].value < pk[name].value
    assert report[name].target_value == revised[name].value
    assert report[name].direction == "higher" and report[name].realisasi_value < report[name].target_value
    met = [a for a in report.values() if a.capaian is not None and a.capaian >= 100]
    assert 0 < len(met) < len(report)  # some met, some not
