"""Where a passphrase comes from: the file's first line, or three tries at a hidden prompt."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustrepair.errors import BadInputError, PassphraseError
from trustrepair.passphrase import PassphraseSource, new_passphrase, read_passphrase_file, strength


def written(tmp_path: Path, raw: bytes, mode: int = 0o600) -> Path:
    path = tmp_path / "secret"
    path.write_bytes(raw)
    path.chmod(mode)
    return path


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"two words\n", "two words"),
        (b"with windows ending\r\n", "with windows ending"),
        (b"no newline at all", "no newline at all"),
        (b"  spaces kept  \nsecond line ignored\n", "  spaces kept  "),
        ("ünïcödé phrase\n".encode(), "ünïcödé phrase"),
    ],
)
def test_the_first_line_is_the_passphrase(tmp_path: Path, raw: bytes, expected: str) -> None:
    notes: list[str] = []
    assert read_passphrase_file(written(tmp_path, raw), notes.append) == expected
    assert notes == []


def test_a_file_others_can_read_is_pointed_out_but_used(tmp_path: Path) -> None:
    notes: list[str] = []
    assert read_passphrase_file(written(tmp_path, b"open\n", 0o644), notes.append) == "open"
    assert len(notes) == 1 and "chmod 600" in notes[0]
    assert "open" not in notes[0].replace(str(tmp_path), "")


@pytest.mark.parametrize("raw", [b"", b"\n", b"nul\x00inside\n"])
def test_empty_or_nul_passphrases_are_refused(tmp_path: Path, raw: bytes) -> None:
    with pytest.raises(PassphraseError):
        read_passphrase_file(written(tmp_path, raw), print)


def test_missing_folder_or_binary_files_are_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no such passphrase file"):
        read_passphrase_file(tmp_path / "missing", print)
    with pytest.raises(BadInputError, match="not a file"):
        read_passphrase_file(tmp_path, print)
    with pytest.raises(BadInputError, match="not UTF-8"):
        read_passphrase_file(written(tmp_path, b"\xff\xfe\n"), print)


def test_the_prompt_gives_three_tries_and_the_accepted_one_is_kept() -> None:
    typed = iter(["one", "two", "three", "four"])
    notes: list[str] = []
    source = PassphraseSource(file=None, ask=lambda _label: next(typed), warn=notes.append)
    assert list(source.candidates()) == ["one", "two", "three"]
    assert len(notes) == 2
    source.accept("two")
    assert next(source.candidates()) == "two"  # what worked is tried first, without asking


def test_a_file_gives_one_candidate_and_no_prompt(tmp_path: Path) -> None:
    def never(_label: str) -> str:
        raise AssertionError("asked")

    source = PassphraseSource(file=written(tmp_path, b"from file\n"), ask=never, warn=print)
    assert list(source.candidates()) == ["from file"]


def test_a_new_passphrase_must_be_typed_the_same_twice() -> None:
    same = iter(["long enough words", "long enough words"])
    assert new_passphrase(lambda _label: next(same)) == "long enough words"
    differ = iter(["long enough words", "long enough wordz"])
    with pytest.raises(BadInputError, match="differ"):
        new_passphrase(lambda _label: next(differ))


@pytest.mark.parametrize(
    ("text", "word"),
    [("abc", "very weak"), ("abcdefghij", "weak"), ("x" * 14, "fair"), ("x" * 20, "good")],
)
def test_strength_is_one_word_by_length(text: str, word: str) -> None:
    assert strength(text) == f"Passphrase strength: {word} ({len(text)} characters)."
    assert "strong" in strength("x" * 30)
