"""Failures that show (issue 15), as a new user meets them: a bad --published is one line and
exit 1 with nothing stored; a read-only command given a missing --db says so and creates nothing."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from janji.cli import cli
from tests.conftest import SAMPLE

BAD_DATE = "is not a date; use 2025-06-26 or 26 Juni 2025"


def invoke(*args: str):
    # exceptions are caught, as `janji` itself would die of them: a traceback fails the test below
    return CliRunner().invoke(cli, list(args))


def assert_one_error_line(result, text: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and text in lines[0], result.output


def test_extract_with_an_impossible_published_date_is_one_line():
    result = invoke("extract", str(SAMPLE), "--published", "2025-13-45")
    assert_one_error_line(result, BAD_DATE)


def test_add_with_a_day_first_published_date_stores_nothing(tmp_path):
    db = tmp_path / "j.db"
    result = invoke("add", str(SAMPLE), "--published", "26-06-2025", "--db", str(db))
    assert_one_error_line(result, "--published '26-06-2025' " + BAD_DATE)
    assert not db.exists()  # refused before the database is even opened


def test_add_accepts_an_indonesian_date_and_stores_it_as_iso(tmp_path):
    db = tmp_path / "j.db"
    result = invoke("add", str(SAMPLE), "--published", "26 Juni 2025", "--db", str(db))
    assert result.exit_code == 0, result.output
    stored = sqlite3.connect(db).execute("select published, published_method from documents").fetchall()
    assert stored == [("2025-06-26", "given")]


@pytest.mark.parametrize("value, expected", [
    ("2025-06-26", "2025-06-26"), ("26 Juni 2025", "2025-06-26"), ("1 nopember 2024", "2024-11-01"),
    ("3 Agt. 2025", "2025-08-03"), ("2025-13-45", None), ("31 Februari 2025", None), ("26-06-2025", None),
    ("26 Juin 2025", None), ("kemarin", None)])
def test_published_forms(value, expected):
    from janji.options import parse_published
    assert parse_published(value) == expected


READ_ONLY = [("export", "documents"), ("diff",), ("serve",), ("links",), ("links", "confirm", "1"),
             ("officials", "timeline"), ("officials", "merges"), ("changes", "--since", "2025-01-01")]


@pytest.mark.parametrize("command", READ_ONLY, ids=" ".join)
def test_read_only_command_refuses_a_missing_database(tmp_path, command):
    missing = tmp_path / "typo.db"
    # --db right after the command name (for a group, before its subcommand), as a user types it
    result = invoke(command[0], "--db", str(missing), *command[1:])
    assert_one_error_line(result, f"no database at {missing}; run janji add or janji demo first")
    assert not missing.exists()


def test_read_only_command_refuses_a_missing_database_named_by_janji_db(tmp_path, monkeypatch):
    missing = tmp_path / "from-env.db"
    monkeypatch.setenv("JANJI_DB", str(missing))
    assert_one_error_line(invoke("export", "documents"), f"no database at {missing}")
    assert not missing.exists()
