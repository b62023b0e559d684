"""The change feed: `janji changes --since DATE` and the Atom feed Datasette serves for one
official or one OPD (db/datasette_plugins/janji_atom.py, over datasette.client)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from tests.compare_db import build, datasette_get, janji, janji_json

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def feed_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("changes") / "changes.db")


def _items(rows):
    return [(r["changed_at"], r["item"]) for r in rows]


def test_changes_since_a_date(feed_db):
    rows = janji_json(feed_db, "changes", "--since", "2025-06-01")
    items = {r["item"] for r in rows}
    assert {"revised agreement", "target lowered", "target raised", "target added", "target dropped",
            "budget cut", "tenure inaugurated", "tenure acting", "tenure appointed", "commitment"} <= items
    assert "agreement" not in items  # the original PK was published 2025-01-02
    assert all(r["changed_at"] >= "2025-06-01" for r in rows)
    assert rows == sorted(rows, key=lambda r: r["changed_at"])
    lowered = next(r for r in rows if r["item"] == "target lowered")
    assert lowered["title"] == "Cakupan imunisasi dasar lengkap: 95 -> 92 % (-3.16 %)"
    assert (lowered["changed_at"], lowered["region"]) == ("2025-06-30", "Kota Jambi")
    inaugurated = next(r for r in rows if r["item"] == "tenure inaugurated")
    assert (inaugurated["official"], inaugurated["changed_at"], inaugurated["opd"]) == (
        "Rina Marlina", "2025-07-14", "Dinas Kesehatan")
    assert "melantik dr. Rina Marlina" in inaugurated["detail"]
    early = janji_json(feed_db, "changes", "--since", "2025-01-01")
    assert {"agreement", "commitment"} <= {r["item"] for r in early} and len(early) > len(rows)
    stunting = [r for r in early if "stunting pada balita turun menjadi 12 persen" in r["detail"]]
    assert stunting and all(r["changed_at"] == "2025-03-03" for r in stunting)


def test_changes_for_one_official_or_opd(feed_db):
    rina = janji_json(feed_db, "changes", "--since", "2025-01-01", "--official", "rina marlina")
    assert rina and {r["official"] for r in rina} == {"Rina Marlina"}
    dinkes = janji_json(feed_db, "changes", "--since", "2025-06-01", "--opd", "Dinkes")
    assert "target lowered" in {r["item"] for r in dinkes}
    assert "Budi Santoso" not in {r["official"] for r in dinkes}


def test_changes_by_stored_date_and_table(feed_db):
    today = date.today().isoformat()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert len(janji_json(feed_db, "changes", "--since", yesterday, "--by", "stored")) == len(
        janji_json(feed_db, "changes", "--since", "2000-01-01"))
    assert janji_json(feed_db, "changes", "--since", tomorrow, "--by", "stored") == []
    table = janji(feed_db, "changes", "--since", "2025-07-01").output
    assert "tenure inaugurated" in table and "Rina Marlina" in table and today not in table


def test_bad_since_is_refused(feed_db):
    from click.testing import CliRunner
    from janji.cli import cli
    result = CliRunner().invoke(cli, ["changes", "--db", str(feed_db), "--since", "1/6/2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_atom_feed_for_an_official(feed_db):
    response = datasette_get(feed_db, "/changes/changes_feed.atom?official=Rina&opd=")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed" and "Changes feed (official=Rina)" in feed.find(f"{ATOM}title").text
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert any(t.startswith("tenure inaugurated: Rina Marlina inaugurated") for t in titles)
    assert all(e.find(f"{ATOM}author/{ATOM}name").text == "Rina Marlina" for e in entries)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:janji,2025:") for i in ids)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True) and updated[0] == "2025-07-15T00:00:00Z"
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://localhost/changes/documents/")


def test_atom_feed_for_an_opd_and_stable_ids(feed_db):
    first = ET.fromstring(datasette_get(feed_db, "/changes/changes_feed.atom?official=&opd=Dinkes").content)
    titles = [e.find(f"{ATOM}title").text for e in first.findall(f"{ATOM}entry")]
    assert "target lowered: Cakupan imunisasi dasar lengkap: 95 -> 92 % (-3.16 %)" in titles
    assert not any("Budi Santoso" in t for t in titles)
    janji(feed_db, "process", "--all")  # entry ids do not change when documents are re-processed
    again = ET.fromstring(datasette_get(feed_db, "/changes/changes_feed.atom?official=&opd=Dinkes").content)
    ids = lambda feed: sorted(e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry"))  # noqa: E731
    assert ids(again) == ids(first)
    # the JSON of the same query still works, and a query without feed columns has no .atom link
    assert datasette_get(feed_db, "/changes/changes_feed.json?official=&opd=Dinkes&_shape=array").json()
