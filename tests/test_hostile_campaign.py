"""Issue 16's hostile inputs, each with a good article beside it, through the real commands
(tests/hostile/campaign.py): the good article is stored and processed, the hostile one is one
recorded error line or a bounded result, no traceback, under 500 MB; where the bug was a stall of
minutes, under a generous 60 s ceiling (a limit for a regression, not a measurement).

`python -m bench.bench_hostile` prints the same trials as a table with seconds and peak MB.
"""
from __future__ import annotations

import pytest

from tests.hostile.campaign import MAX_MB, run_trial, trials

TRIALS = trials()


def test_the_campaign_covers_every_class_of_issue_16():
    names = {t.name for t in TRIALS}
    assert {"charset-not-a-text-codec", "charset-nonexistent", "utf7-lone-surrogates", "json-ld-ud800",
            "json-ld-deep", "file-name-not-utf8", "quote-run-40000", "dash-run-30000", "nul-in-names",
            "nested-lists-2000", "text-49mb", "trickle-1-byte-per-s", "short-body-open-socket",
            "endless-chunked", "crawl-delay-86400", "feed-port-99999", "sitemap-index-self-5000", "ipv6-url",
            "utf16-txt", "pdf-whitespace-text-layer", "pdf-links-15000", "listing-poisoned-first"} <= names


@pytest.mark.parametrize("trial", TRIALS, ids=[t.name for t in TRIALS])
def test_hostile_input_beside_a_good_article(trial):
    result = run_trial(trial)
    assert result.problems == [], f"{trial.name}: {result.outcome}\n" + "\n".join(result.problems)
    assert result.peak_mb < MAX_MB
