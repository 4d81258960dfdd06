"""Encryption at rest: nothing readable on disk, round trips, backups, kills, and clear refusals."""

from __future__ import annotations

import json
import os
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, Cli, Fixed, write_answers
from trustrepair.store import looks_encrypted, open_store
from trustrepair.store.cipher import contents_digest

SECRET = "QUOKKA-7731-VELVET"  # written in a marker, a note and a statement
LATER = "PANGOLIN-0419-AMBER"  # written while the store is encrypted
FIRST = "correct horse battery staple"
SECOND = "a different and longer passphrase"


def db_path(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def passphrase_file(folder: Path, text: str, mode: int = 0o600) -> Path:
    path = folder / f"pass-{len(text)}-{mode:o}"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def write_secrets(cli: Cli, tmp_path: Path, word: str, *pw: str) -> None:
    answers = write_answers(
        tmp_path / f"{word}.toml", "affected", {**BASE_AFFECTED, "acc_heard": f"he said {word}"}
    )
    cli(*pw, "check", "--answers", str(answers))
    added = cli(*pw, "markers", "add", f"{word} texts when he is late", "--json")
    marker_id = str(json.loads(added.stdout)["id"])
    cli(*pw, "markers", "record", marker_id, "--shown", "--note", f"{word} on the phone")
    cli(*pw, "spike", "--intensity", "4", "--note", f"{word} again")


def files_holding(home: Path, word: str) -> list[Path]:
    needle = word.encode()
    return [p for p in home.rglob("*") if p.is_file() and needle in p.read_bytes()]


def exported(cli: Cli, *pw: str) -> object:
    data = json.loads(cli(*pw, "export", "--format", "json").stdout)["data"]
    return data


@pytest.fixture
def pw(tmp_path: Path) -> tuple[str, str]:
    return ("--passphrase-file", str(passphrase_file(tmp_path, FIRST)))


@pytest.fixture
def pw2(tmp_path: Path) -> tuple[str, str]:
    return ("--passphrase-file", str(passphrase_file(tmp_path, SECOND)))


def test_nothing_readable_under_the_home_after_encrypt_and_later_writes(
    cli: Cli, home: Path, tmp_path: Path, pw: tuple[str, str]
) -> None:
    write_secrets(cli, tmp_path, SECRET)
    assert files_holding(home, SECRET) == [db_path(home)]  # the search does find plain text
    cli(*pw, "data", "encrypt")
    assert files_holding(home, SECRET) == []
    write_secrets(cli, tmp_path, LATER, *pw)
    assert files_holding(home, SECRET) == files_holding(home, LATER) == []
    assert sorted(p.name for p in home.rglob("*") if p.is_file()) == ["trustrepair.db"]
    assert looks_encrypted(db_path(home))
    assert LATER in cli(*pw, "markers", "list").stdout


def test_round_trip_encrypt_use_rekey_decrypt_keeps_every_record(
    cli: Cli, home: Path, tmp_path: Path, pw: tuple[str, str], pw2: tuple[str, str]
) -> None:
    write_secrets(cli, tmp_path, SECRET)
    before = exported(cli)
    cli(*pw, "data", "encrypt")
    assert exported(cli, *pw) == before
    cli(*pw, "spike", "--intensity", "2")
    after_use = exported(cli, *pw)
    assert len(after_use["spikes"]) == len(before["spikes"]) + 1  # type: ignore[index]
    cli(*pw, "data", "passphrase", "--new-passphrase-file", pw2[1])
    assert exported(cli, *pw2) == after_use
    cli(*pw, "summary", code=5)
    cli(*pw2, "data", "decrypt")
    assert not looks_encrypted(db_path(home))
    assert exported(cli) == after_use
    assert cli.json("data", "path", "--json")["encrypted"] is False  # type: ignore[index]


def test_encrypt_asks_twice_at_the_prompt_and_says_how_strong(cli: Cli, home: Path) -> None:
    result = cli("data", "encrypt", input=f"{FIRST}\n{FIRST}\n")
    assert "strength: strong" in result.stderr
    assert "SSDs" in result.stderr
    assert FIRST not in result.output
    # Asked once per command, even when the command opens the store more than once.
    summary = cli("summary", input=f"{FIRST}\n")
    assert summary.stderr.count("Passphrase") == 1


def test_different_passphrases_at_the_prompt_change_nothing(cli: Cli, home: Path) -> None:
    cli("markers", "add", "Calls when he is late")
    before = db_path(home).read_bytes()
    result = cli("data", "encrypt", input=f"{FIRST}\n{SECOND}\n", code=2)
    assert "differ" in result.stderr
    assert db_path(home).read_bytes() == before


def test_three_tries_then_exit_5_and_nothing_written(
    cli: Cli, home: Path, pw: tuple[str, str]
) -> None:
    cli(*pw, "markers", "add", "Calls when he is late")
    cli(*pw, "data", "encrypt")
    before = db_path(home).read_bytes()
    result = cli("markers", "add", "New", input="wrongAAA1\nwrongBBB2\nwrongCCC3\n", code=5)
    assert result.stderr.count("does not open it. Try again") == 2
    assert result.stderr.strip().splitlines()[-1].endswith("nothing was changed")
    assert "wrong" not in result.output
    assert db_path(home).read_bytes() == before
    assert "Calls when" in cli("markers", "list", input=f"nope\n{FIRST}\n").stdout


def one_line_error(result: object) -> str:
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    return lines[0]


@pytest.fixture
def locked(cli: Cli, home: Path, pw: tuple[str, str]) -> Iterator[bytes]:
    """An encrypted store with a marker; yields its bytes, checked unchanged afterwards."""
    cli(*pw, "markers", "add", f"{SECRET} calls when late")
    cli(*pw, "data", "encrypt")
    before = db_path(home).read_bytes()
    yield before
    assert db_path(home).read_bytes() == before


def test_a_wrong_passphrase_file_is_one_line_and_exit_5(
    cli: Cli, locked: bytes, pw2: tuple[str, str]
) -> None:
    line = one_line_error(cli(*pw2, "markers", "add", "Something new", code=5))
    assert "does not open it" in line
    assert SECOND not in line


def test_a_missing_passphrase_file_is_one_line(cli: Cli, locked: bytes, tmp_path: Path) -> None:
    line = one_line_error(cli("--passphrase-file", str(tmp_path / "nope"), "summary", code=2))
    assert "no such passphrase file" in line


def test_a_passphrase_file_others_can_read_is_pointed_out(
    cli: Cli, locked: bytes, tmp_path: Path
) -> None:
    loose = passphrase_file(tmp_path, FIRST, mode=0o644)
    result = cli("--passphrase-file", str(loose), "markers", "list")
    assert "can be read by other users" in result.stderr
    assert SECRET in result.stdout


def test_the_passphrase_file_comes_from_the_environment_too(
    cli: Cli, locked: bytes, pw: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTREPAIR_PASSPHRASE_FILE", pw[1])
    assert SECRET in cli("markers", "list").stdout


def test_no_passphrase_given_at_the_prompt_is_one_line(cli: Cli, locked: bytes) -> None:
    result = cli("summary", input="", code=5)
    assert [line.strip() for line in result.stderr.splitlines()] == [
        "Passphrase:",
        "Error: no passphrase was given (scripts can use --passphrase-file FILE); "
        "nothing was changed",
    ]


def test_path_demo_help_and_version_never_ask(cli: Cli, home: Path, locked: bytes) -> None:
    assert cli.json("data", "path", "--json")["encrypted"] is True  # type: ignore[index]
    assert "encrypted: yes" in cli("data", "path").stdout
    for args in (("--help",), ("--version",), ("data", "--help")):
        assert "Passphrase" not in cli(*args, input="").output
    assert "Passphrase" not in cli("demo", input="").stderr


def test_a_store_locked_by_another_tool_is_refused(cli: Cli, home: Path, tmp_path: Path) -> None:
    from trustrepair.store.cipher import driver

    path = db_path(home)
    path.parent.mkdir(parents=True)
    other = driver().connect(str(path))
    other.execute("PRAGMA key = 'someone else'")
    other.execute("CREATE TABLE diary (entry TEXT)")
    other.execute("INSERT INTO diary VALUES ('private')")
    other.commit()
    other.close()
    before = path.read_bytes()
    pw = passphrase_file(tmp_path, FIRST)
    line = one_line_error(cli("--passphrase-file", str(pw), "summary", code=5))
    assert "not made by trustrepair" in line
    assert path.read_bytes() == before


def test_random_bytes_in_the_store_place_are_refused(cli: Cli, home: Path, tmp_path: Path) -> None:
    path = db_path(home)
    path.parent.mkdir(parents=True)
    path.write_bytes(random.Random(5).randbytes(8192))
    pw = passphrase_file(tmp_path, FIRST)
    one_line_error(cli("--passphrase-file", str(pw), "spike", code=5))
    assert path.read_bytes() == random.Random(5).randbytes(8192)


@pytest.mark.parametrize("keep", [5000, 4096, 9000])
def test_a_truncated_encrypted_store_is_refused(
    cli: Cli, home: Path, tmp_path: Path, pw: tuple[str, str], keep: int
) -> None:
    write_secrets(cli, tmp_path, SECRET)
    cli(*pw, "data", "encrypt")
    path = db_path(home)
    path.write_bytes(path.read_bytes()[:keep])
    cut = path.read_bytes()
    result = cli(*pw, "markers", "list", code=3)
    assert "damaged" in one_line_error(result)
    assert path.read_bytes() == cut


def test_backup_of_an_encrypted_store_is_encrypted_and_imports_with_its_passphrase(
    cli: Cli, home: Path, tmp_path: Path, pw: tuple[str, str], pw2: tuple[str, str]
) -> None:
    write_secrets(cli, tmp_path, SECRET)
    cli(*pw, "data", "encrypt")
    backup = tmp_path / "backup.db"
    assert "encrypted" in cli(*pw, "data", "backup", str(backup)).stderr
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert SECRET.encode() not in backup.read_bytes()
    one_line_error(cli(*pw, "data", "backup", str(backup), code=2))  # never overwrites
    # Into the same store: everything is already there.
    assert "Nothing to import" in cli(*pw, "import", str(backup)).stderr
    # Into a fresh profile: the wrong passphrase is refused, the right one restores it all.
    one_line_error(cli(*pw2, "--profile", "other", "import", str(backup), code=5))
    cli(*pw, "--profile", "other", "import", str(backup), "--yes")
    assert exported(cli, *pw) == exported(cli, "--profile", "other")


def test_backup_of_a_plain_store_round_trips(cli: Cli, home: Path, tmp_path: Path) -> None:
    write_secrets(cli, tmp_path, SECRET)
    backup = tmp_path / "plain-backup.db"
    cli("data", "backup", str(backup))
    cli("--profile", "copy", "import", str(backup), "--yes")
    assert exported(cli) == exported(cli, "--profile", "copy")


def test_exports_of_an_encrypted_store_say_they_are_readable(
    cli: Cli, home: Path, tmp_path: Path, pw: tuple[str, str]
) -> None:
    write_secrets(cli, tmp_path, SECRET)
    cli(*pw, "data", "encrypt")
    target = tmp_path / "out.md"
    result = cli(*pw, "export", "-o", str(target))
    assert "readable by anyone" in result.stderr
    assert (target.stat().st_mode & 0o777) == 0o600


def test_a_profile_is_encrypted_on_its_own(cli: Cli, home: Path, pw: tuple[str, str]) -> None:
    cli("--profile", "kai", "markers", "add", "Says where he is")
    cli("markers", "add", "Says where she is")
    cli(*pw, "--profile", "kai", "data", "encrypt")
    assert looks_encrypted(home / "profiles" / "kai" / "trustrepair.db")
    assert "Says where she is" in cli("markers", "list").stdout


# --- killed at random moments --------------------------------------------------------------


def state(path: Path, *passphrases: str) -> tuple[str | None, str]:
    """Which passphrase (None: plain) opens the store, and a digest of all it holds."""
    if not looks_encrypted(path):
        store = open_store(path, write=False)
        found = None
    else:
        store = open_store(path, write=False, unlock=Fixed(*passphrases))
        found = store.passphrase
    try:
        return found, contents_digest(store.db)
    finally:
        store.close()


def run_killed(args: list[str], delay: float) -> None:
    """Run a command in a forked child and SIGKILL it after delay seconds (if still running)."""
    from trustrepair.cli import app

    pid = os.fork()
    if pid == 0:  # the child: quiet, then the command as the person would run it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            app(args, prog_name="trustrepair")
        finally:
            os._exit(0)
    deadline = time.perf_counter() + delay
    while time.perf_counter() < deadline:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return  # finished before its moment came
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


@pytest.mark.parametrize(
    ("command", "start", "end"),
    [
        (["data", "encrypt"], None, FIRST),
        (["data", "decrypt"], FIRST, None),
        (["data", "passphrase", "--new-passphrase-file", "NEW"], FIRST, SECOND),
    ],
)
def test_sigkill_at_random_moments_leaves_old_or_new_with_everything(
    cli: Cli,
    home: Path,
    tmp_path: Path,
    command: list[str],
    start: str | None,
    end: str | None,
) -> None:
    cli("markers", "add", f"{SECRET} calls when late")
    cli("spike", "--intensity", "3", "--note", SECRET)
    path = db_path(home)
    if start is not None:
        cli("--passphrase-file", str(passphrase_file(tmp_path, start)), "data", "encrypt")
    old_file = passphrase_file(tmp_path, start or FIRST)
    new_file = passphrase_file(tmp_path, end or FIRST)
    args = [
        "--passphrase-file",
        str(new_file if start is None else old_file),
        *(str(new_file) if a == "NEW" else a for a in command),
    ]
    pristine = path.read_bytes()
    expected = state(path, *(p for p in (start,) if p))[1]
    began = time.perf_counter()
    run_killed(args, 60.0)  # once to the end: how long a whole run takes here
    whole = time.perf_counter() - began
    assert state(path, *(p for p in (end,) if p)) == (end, expected)
    rng = random.Random(14)
    outcomes = set()
    for _ in range(50):
        path.write_bytes(pristine)
        run_killed(args, rng.uniform(0, whole * 1.1))
        opened_with, digest = state(path, *(p for p in (start, end) if p))
        assert opened_with in (start, end)
        assert digest == expected
        outcomes.add(opened_with)
        if opened_with == end:  # swapped in: the copy is the store now, nothing left beside it
            assert not path.with_name(path.name + ".converting").exists()
    assert start in outcomes  # some kills landed before the swap (the full run ended after it)


@pytest.mark.terminal
def test_the_first_check_in_offers_encryption_once_at_a_terminal(home: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    import sys

    from conftest import EXAMPLES

    env = {**os.environ, "TRUSTREPAIR_HOME": str(home), "COLUMNS": "100"}
    argv = ["-m", "trustrepair", "check", "--answers", str(EXAMPLES / "answers-affected.toml")]
    child = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=30)
    child.expect("Lock this store with a passphrase")
    child.sendline("y")
    child.expect("New passphrase")
    child.sendline(FIRST)
    child.expect("The same again")
    child.sendline(FIRST)
    child.expect("Encrypted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert FIRST not in (child.before or "")
    assert looks_encrypted(db_path(home))
    again = pexpect.spawn(sys.executable, argv, env=env, encoding="utf-8", timeout=30)
    again.expect("Passphrase")
    again.sendline(FIRST)
    again.expect("Saved")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    assert "Lock this store" not in (again.before or "")


def test_completion_lists_the_encryption_commands_without_asking(home: Path) -> None:
    import subprocess
    import sys

    env = {
        **os.environ,
        "_TRUSTREPAIR_COMPLETE": "complete_bash",
        "COMP_WORDS": "trustrepair data ",
        "COMP_CWORD": "2",
    }
    script = Path(sys.executable).with_name("trustrepair")
    if not script.exists():
        pytest.skip("the trustrepair script is not installed next to this Python")
    shown = subprocess.run([script], env=env, capture_output=True, text=True, check=True)
    assert {"encrypt", "decrypt", "passphrase", "backup"} <= set(shown.stdout.split())
    assert "Passphrase" not in shown.stderr


def test_errors_of_both_drivers_reach_the_one_line_edge() -> None:
    import sqlite3

    from trustrepair.errors import is_database_error
    from trustrepair.store.cipher import driver

    assert is_database_error(sqlite3.OperationalError("disk I/O error"))
    assert is_database_error(driver().OperationalError("disk I/O error"))
    assert not is_database_error(ValueError("something else"))


def test_the_journal_of_a_write_in_progress_holds_nothing_readable(
    cli: Cli, home: Path, pw: tuple[str, str]
) -> None:
    cli(*pw, "markers", "add", f"{SECRET} calls when late")
    cli(*pw, "data", "encrypt")
    store = open_store(db_path(home), unlock=Fixed(FIRST))
    try:
        assert store.db.execute("PRAGMA temp_store").fetchone()[0] == 2  # temp tables in memory
        with store.transaction() as db:
            db.execute("UPDATE markers SET text = ?", (f"{LATER} {SECRET}",))
            journal = db_path(home).with_name("trustrepair.db-journal")
            assert journal.exists()  # the old pages, kept until the commit
            assert files_holding(home, SECRET) == files_holding(home, LATER) == []
    finally:
        store.close()
    assert files_holding(home, SECRET) == files_holding(home, LATER) == []


def test_wipe_removes_an_encrypted_store_without_its_passphrase(
    cli: Cli, home: Path, pw: tuple[str, str]
) -> None:
    cli(*pw, "markers", "add", "Calls when he is late")
    cli(*pw, "data", "encrypt")
    leftover = db_path(home).with_name("trustrepair.db.converting")
    leftover.write_bytes(b"a copy a killed conversion left")
    result = cli("data", "wipe", "--yes", input="")
    assert "Passphrase" not in result.stderr
    assert not home.exists()


def test_encrypting_again_is_refused_before_any_passphrase_is_asked(
    cli: Cli, locked: bytes
) -> None:
    result = cli("data", "encrypt", input="", code=2)
    assert "already encrypted" in one_line_error(result)


def test_compare_opens_two_profiles_locked_with_different_passphrases(
    cli: Cli, home: Path, pw: tuple[str, str], pw2: tuple[str, str]
) -> None:
    from conftest import EXAMPLES

    for profile, answers, lock in (("robin", "affected", pw), ("kai", "betraying", pw2)):
        cli("--profile", profile, "check", "--answers", str(EXAMPLES / f"answers-{answers}.toml"))
        cli(*lock, "--profile", profile, "data", "encrypt")
    result = cli("compare", "robin", "kai", input=f"{FIRST}\n{SECOND}\n")
    assert result.stderr.count("Passphrase:") == 2
    assert result.stdout.strip()
