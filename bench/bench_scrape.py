"""Scrape throughput and main-text quality on the fixture site (tests/fixture_site).

    python -m bench.bench_scrape            # figures as a table
    python -m bench.bench_scrape --json     # figures as JSON

1. Throughput: full scrapes of the six fixture sites served on 127.0.0.1, politeness off
   (delay 0), each into a fresh database: pages/s fetched + parsed + stored.
2. Main text: our reader (profile selectors + trafilatura + Indonesian cleanup, pages joined)
   vs bare trafilatura vs BeautifulSoup get_text(), on every fixture article: token
   precision / recall / F1 against the known bodies, and lines leaked that hold teaser, ad or
   credit text. Figures are printed; nothing is asserted on time.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup

from db import open_db
from janji.scrape import ScrapeOptions, run_scrape
from janji.scrape_report import Reporter
from scrapers.article import read_article
from scrapers.multipage import join_pages
from scrapers.profiles import load_profiles
from tests.fixture_site.server import EXPECTED, SITES, build_tree, serve_sites, stop_all


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def prf(found: str, gold: str) -> tuple[float, float, float]:
    f, g = tokens(found), tokens(gold)
    overlap = sum((f & g).values())
    p = overlap / max(sum(f.values()), 1)
    r = overlap / max(sum(g.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def leaked_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if any(leak in line for leak in EXPECTED["leaks"]))


def throughput(tree: Path, runs: int) -> dict:
    servers = serve_sites(tree)
    rates, pages, docs = [], 0, 0
    try:
        rebase = {name: server.base for name, server in servers.items()}
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                db = open_db(Path(tmp) / "bench.db")
                opts = ScrapeOptions(sites=SITES, delay=0, allow_private=True, rebase=rebase, backoff=0.01)
                started = time.perf_counter()
                report = run_scrape(db, opts, reporter=Reporter(quiet=True))
                elapsed = time.perf_counter() - started
                db.close()
                rates.append(report.pages_fetched / elapsed)
                pages, docs = report.pages_fetched, report.new_documents
    finally:
        stop_all(servers)
    return {"runs": runs, "pages_per_run": pages, "documents_per_run": docs,
            "pages_per_s_median": round(statistics.median(rates), 1), "pages_per_s_best": round(max(rates), 1)}


def _page_files(tree: Path, key: str) -> list[Path]:
    site, path = key.split("/", 1)
    first = next(p for p in (tree / site / f"{path.rstrip('/')}.html", tree / site / path / "index.html") if p.is_file())
    second = tree / site / path / "2.html"
    return [first, second] if second.is_file() else [first]


def quality(tree: Path) -> dict:
    profiles = load_profiles()
    scores = {name: {"p": [], "r": [], "f1": [], "leaked": 0} for name in ("janji", "trafilatura", "bs4_get_text")}
    for key, expected in EXPECTED["articles"].items():
        site = key.split("/", 1)[0]
        profile = profiles[site]
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(profile.start_urls[0]))
        raws = [f.read_bytes().replace(b"{{BASE}}", origin.encode()) for f in _page_files(tree, key)]
        url = f"{origin}/{key.split('/', 1)[1]}"
        ours = join_pages([read_article(raw, url=url, selectors=profile.article, date_format=profile.date_format,
                                        continuation=i > 0).doc for i, raw in enumerate(raws)]).text
        texts = {
            "janji": ours,
            "trafilatura": "\n".join(trafilatura.extract(raw.decode("utf-8"), url=url) or "" for raw in raws),
            "bs4_get_text": "\n".join(BeautifulSoup(raw, "lxml").get_text("\n", strip=True) for raw in raws),
        }
        gold = "\n".join(expected["paragraphs"])
        for name, text in texts.items():
            p, r, f1 = prf(text, gold)
            scores[name]["p"].append(p)
            scores[name]["r"].append(r)
            scores[name]["f1"].append(f1)
            scores[name]["leaked"] += leaked_lines(text)
    return {name: {"precision": round(statistics.mean(s["p"]), 3), "recall": round(statistics.mean(s["r"]), 3),
                   "f1": round(statistics.mean(s["f1"]), 3), "leaked_lines": s["leaked"],
                   "articles": len(s["p"])} for name, s in scores.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="full scrapes to time (default 5)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tree = build_tree(Path(tmp) / "site")
        figures = {"throughput": throughput(tree, args.runs), "main_text": quality(tree)}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    t = figures["throughput"]
    print(f"scrape throughput (politeness off, {t['runs']} runs of {t['pages_per_run']} pages, "
          f"{t['documents_per_run']} documents): median {t['pages_per_s_median']} pages/s, best {t['pages_per_s_best']}")
    print(f"\nmain text on {figures['main_text']['janji']['articles']} fixture articles (token P/R/F1 vs known bodies)")
    print(f"{'reader':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'leaked lines':>14}")
    for name, s in figures["main_text"].items():
        print(f"{name:<14}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}{s['leaked_lines']:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
