"""Take the README screenshots of the main Datasette pages with Debian's chromium.

    .venv/bin/python docs/make_screenshots.py [NAME.png …]

Builds the demo database in a temporary folder, runs `janji serve` on it, and writes PNGs
into docs/ (the same browser and flags as tests/test_browser.py): all of them, or only those named.
"""
from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]
# (file, path, element to scroll to: past the long column descriptions, onto the answers);
# {name} placeholders are ids looked up in the demo database (front_door_ids)
PAGES = [
    ("front-page.png", "/", None),
    ("front-search-sehat.png", "/-/search?q=sehat", None),
    ("official-page.png", "/-/official/{ridwan}", None),
    ("document-page.png", "/-/document/{dinkes_article}", None),
    ("opd-page.png", "/-/opd/{dinkes}", None),
    ("budgets-formatted.png", "/janji/program_change_details?_col=opd&_col=region&_col=change&_col=program_after"
     "&_col=anggaran_before&_col=anggaran_after&_col=change_pct", None),
    ("datasette-database.png", "/janji", None),
    ("commitments-by-official.png", "/janji/commitments_by_official?name=Ridwan+Hakim+Pohan", "h1"),
    ("search-sehat.png", "/janji/commitment_details?_search=sehat", "form.filters"),
    ("officials-by-position.png",
     "/janji/officials_by_position?position=Kepala+Dinas+Pendidikan&region=Kota+Jambi", "h1"),
    ("target-revisions.png", "/janji/target_revisions", "form.filters"),
    ("target-outcomes.png", "/janji/did_they_meet_their_targets?opd=Dinkes&year=2025&region=", "h1"),
]


def front_door_ids(db: Path) -> dict:
    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    ids = {"ridwan": one("select id from officials where name = 'Ridwan Hakim Pohan'"),
           "dinkes_article": one("select id from documents where path like '%jambipagi-dinkes-pk-perubahan.html'"),
           "dinkes": one("select id from opds where name = 'Dinas Kesehatan' and region = 'Kota Jambi'")}
    conn.close()
    return ids


def main() -> None:
    wanted = set(sys.argv[1:])
    unknown = wanted - {name for name, *_ in PAGES}
    if unknown:
        sys.exit(f"no screenshot named {', '.join(sorted(unknown))}; known: {', '.join(n for n, *_ in PAGES)}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        subprocess.run([sys.executable, "-m", "janji", "demo", "--no-serve", "--db", str(db)], check=True, cwd=ROOT)
        ids = front_door_ids(db)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "janji", "serve", "--db", str(db), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(150):
                try:
                    httpx.get(base + "/-/versions.json", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                for name, path, anchor in PAGES:
                    if wanted and name not in wanted:
                        continue
                    page.goto(base + path.format(**ids))
                    if anchor:
                        page.locator(anchor).first.evaluate("e => window.scrollTo(0, e.offsetTop - 10)")
                    page.screenshot(path=str(DOCS / name))
                    print(f"wrote docs/{name}")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
