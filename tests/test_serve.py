"""Datasette over the database: metadata, the documents table, full-text search, read-only."""
import asyncio

import httpx
import pytest
from datasette.app import Datasette

from db.serve import metadata_for
from tests.conftest import SAMPLE, janji_serve


@pytest.fixture
def sample_db(run, db_path):
    run("add", str(SAMPLE), "--published", "2025-06-26")
    return db_path


def test_datasette_client_serves_documents_and_search(sample_db):
    ds = Datasette([str(sample_db)], metadata=metadata_for(sample_db))

    async def fetch():
        table = await ds.client.get(f"/{sample_db.stem}/documents.json?_shape=objects")
        search = await ds.client.get(f"/{sample_db.stem}/documents.json?_search=seremonial&_shape=objects")
        miss = await ds.client.get(f"/{sample_db.stem}/documents.json?_search=kapalselam&_shape=objects")
        meta = await ds.client.get(f"/{sample_db.stem}/documents")
        return table, search, miss, meta
    table, search, miss, meta = asyncio.run(fetch())
    assert table.status_code == 200 and len(table.json()["rows"]) == 1
    assert [r["title"] for r in search.json()["rows"]] == [table.json()["rows"][0]["title"]]
    assert miss.json()["rows"] == []
    assert "stored before extraction" in meta.text  # the table description from db/metadata.json


def test_janji_serve_over_http_is_read_only(sample_db):
    with janji_serve(sample_db) as base:
        name = "janji"  # janji serve names the database janji whatever the file is called
        search = httpx.get(f"{base}/{name}/documents.json", params={"_search": "seremonial", "_shape": "objects"})
        assert search.status_code == 200
        assert len(search.json()["rows"]) == 1
        meta = httpx.get(f"{base}/-/metadata.json").json()
        assert meta["title"].startswith("janji")
        write = httpx.get(f"{base}/{name}.json", params={"sql": "delete from documents"})
        assert write.status_code >= 400
        assert httpx.get(f"{base}/{name}/documents.json?_shape=objects").json()["rows"]
