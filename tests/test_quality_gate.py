"""The extraction quality gate: F1 per field on the gold set must not fall below the baseline."""
import json
from pathlib import Path

import pytest

from bench.quality import evaluate
from bench.scoring import FIELDS

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8"))
GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def scores():
    return evaluate()


def test_gold_set_is_large_and_varied():
    annotations = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")]
    assert len(annotations) >= 40
    assert len({a["site"] for a in annotations}) >= 10
    regions = {o["region"] for a in annotations for o in a["officials"] if o["region"]}
    assert len(regions) >= 25


@pytest.mark.parametrize("field", FIELDS)
def test_f1_not_below_baseline(scores, field):
    score = scores[field]
    assert score.f1 >= BASELINE[field], (
        f"{field}: F1 {score.f1:.3f} < baseline {BASELINE[field]} (P {score.precision:.3f}, R {score.recall:.3f}); "
        f"run `python -m bench.quality --errors` to see the misses")
