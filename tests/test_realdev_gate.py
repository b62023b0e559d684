"""The real-text gate: F1 per field on the development set of real published articles must not
fall below its floors. The texts are their publishers' and live only in a local, ignored cache
(.cache/realdev, see tests/realdev/README.md): where they are not cached (CI), the gate skips and
the annotations are still checked for shape."""
import json
from pathlib import Path

import pytest

from bench.realdev import GOLD, evaluate, load
from bench.scoring import FIELDS

BASELINE = json.loads((Path(__file__).parent / "realdev_baseline.json").read_text(encoding="utf-8"))
ENTRIES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_development_set_is_large_and_varied():
    assert len(ENTRIES) >= 100
    assert len({e["site"] for e in ENTRIES}) >= 60
    assert len({e["region"] for e in ENTRIES}) >= 60
    for e in ENTRIES:  # pointers and facts only: never a publisher's text in git
        assert {"id", "url", "sha256", "found_by", "officials", "opds", "dates", "quotes", "commitments"} <= set(e)
        assert len(e["sha256"]) == 64 and not any(len(q["start"]) > 80 for q in e["quotes"])


@pytest.fixture(scope="module")
def scores():
    articles, _ = load()
    if len(articles) < 50:
        pytest.skip(f"{len(articles)} real texts cached in .cache/realdev: the gate needs the local cache")
    return evaluate()[0]


@pytest.mark.parametrize("field", FIELDS)
def test_real_text_f1_not_below_floor(scores, field):
    score = scores[field]
    assert score.f1 >= BASELINE[field], (
        f"{field}: F1 {score.f1:.3f} < floor {BASELINE[field]} on real text; run `python -m bench.realdev --errors`")
