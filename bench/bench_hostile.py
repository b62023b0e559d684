"""Issue 16's hostile inputs, each beside a good article, through the real commands: outcome,
seconds and peak RSS (the janji child and its own children) per case.

    .venv/bin/python -m bench.bench_hostile [CASE ...]

The same trials are tests (tests/test_hostile_campaign.py); here they are printed as a table.
"""
from __future__ import annotations

import sys

from tests.hostile.campaign import run_trial, table, trials


def main(names: list[str]) -> int:
    rows = []
    for trial in trials():
        if names and trial.name not in names:
            continue
        result = run_trial(trial)
        rows.append((trial, result))
        print(f"{trial.name}: {result.seconds:.1f} s, {result.peak_mb:.0f} MB, {result.outcome[:90]}",
              file=sys.stderr, flush=True)
    print(table(rows))
    failed = [t.name for t, r in rows if r.problems]
    print(f"\n{len(rows)} cases, {len(failed)} failed{': ' + ', '.join(failed) if failed else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
