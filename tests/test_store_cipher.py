"""Telling an encrypted store from a plain one, damaged one or a text file, from its bytes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from trustrepair.store.cipher import looks_encrypted, quote


def test_plain_empty_text_and_cut_files_are_not_taken_for_encrypted(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (a)").connection.close()
    empty = tmp_path / "empty.db"
    empty.touch()
    text = tmp_path / "text.db"
    text.write_text("my diary, not a database\n" * 512)  # 13,312 bytes: whole pages of text
    cut = tmp_path / "cut.db"
    cut.write_bytes(os.urandom(5000))
    for path in (plain, empty, text, cut, tmp_path / "missing.db"):
        assert not looks_encrypted(path), path


def test_random_pages_look_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(8192))
    assert looks_encrypted(path)


@pytest.mark.parametrize("text", ["plain", "it's", "''; DROP TABLE x; --", "ünï"])
def test_passphrases_are_quoted_as_one_sql_string(text: str) -> None:
    (value,) = sqlite3.connect(":memory:").execute(f"SELECT {quote(text)}").fetchone()
    assert value == text
