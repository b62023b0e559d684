"""A database for the comparison tests: the demo corpus's PK and PK Perubahan (Dinkes Kota Jambi)
plus the news texts of tests/compare/, added and processed through the CLI."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

from click.testing import CliRunner
from datasette.app import Datasette

from db.serve import PLUGINS, metadata_for
from janji.cli import cli
from tests.conftest import CORPUS

FIXTURES = Path(__file__).parent / "compare"
PK = [(CORPUS / "pk-dinkes-kota-jambi-2025.pdf", "2025-01-02"),
      (CORPUS / "pk-perubahan-dinkes-kota-jambi-2025.pdf", "2025-06-30")]
NEWS = {"janji-stunting.txt": "2025-03-03", "pelantikan-kadinkes.txt": "2025-07-15",
        "plt-kadisdik.txt": "2025-08-20", "kadinkes-marlina.txt": "2025-07-24"}


def janji(path: Path, *args: str):
    result = CliRunner().invoke(cli, [args[0], "--db", str(path), *args[1:]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def janji_json(path: Path, *args: str):
    return json.loads(janji(path, *args, "--format", "json").output)


def build(path: Path, news: tuple[str, ...] = tuple(NEWS), pk: bool = True) -> Path:
    for file, published in (PK if pk else []):
        janji(path, "add", str(file), "--published", published)
    for name in news:
        janji(path, "add", str(FIXTURES / name), "--published", NEWS[name])
    janji(path, "process")
    return path


def datasette_get(path: Path, url: str):
    ds = Datasette([str(path)], metadata=metadata_for(path), plugins_dir=str(PLUGINS))

    async def fetch():
        return await ds.client.get(url)
    response = asyncio.run(fetch())
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    return response
