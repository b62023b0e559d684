"""Binary bytes named .txt are refused at the door: one error line, nothing stored, the good file
beside it kept (issue "One house": "Binary bytes in a .txt are stored as a document")."""
from __future__ import annotations

import os
import sqlite3

from click.testing import CliRunner

from janji.cli import cli


def test_binary_txt_is_refused_and_the_good_file_kept(tmp_path):
    binary = tmp_path / "foto.txt"
    binary.write_bytes(bytes(range(256)) * 64)  # what a JPEG or ZIP renamed .txt looks like
    good = tmp_path / "berita.txt"
    good.write_text("Wali Kota Jambi, Dr. dr. H. Maulana, M.K.M., meminta seluruh camat turun ke lapangan, "
                    "Senin (3/2/2025).", encoding="utf-8")
    db = tmp_path / "janji.db"
    result = CliRunner().invoke(cli, ["add", str(binary), str(good), "--db", str(db)], env={**os.environ})
    assert result.exit_code == 1
    assert "binary bytes in a text file" in result.output
    rows = sqlite3.connect(db).execute("select path from documents").fetchall()
    assert [os.path.basename(r[0]) for r in rows] == ["berita.txt"]
    errors = sqlite3.connect(db).execute("select source, error from ingest_errors").fetchall()
    assert len(errors) == 1 and "foto.txt" in errors[0][0]
