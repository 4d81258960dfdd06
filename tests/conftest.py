"""Every test gets its own empty trustrepair home and cache, a fixed terminal width and no
colour."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trustrepair.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


class NetworkAttempt(AssertionError):
    """trustrepair made a network call: it must never, not even to resolve a name."""


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkAttempt("a test tried to use the network")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with outgoing connections and name lookups failing loudly."""
    import socket

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "gethostbyname", _refuse)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("TRUSTREPAIR_HOME", str(home))
    # A child started without TRUSTREPAIR_HOME keeps its bank cache here, not in the real one.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("TRUSTREPAIR_PROFILE", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    from trustrepair.paths import Chosen

    monkeypatch.setattr(Chosen, "home", None)  # a --home from an earlier test's command
    yield home


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


class Cli:
    """A small wrapper so tests read like the commands a person types."""

    def __init__(self, runner: CliRunner) -> None:
        self.runner = runner

    def __call__(self, *args: str, input: str | None = None, code: int = 0):
        result = self.runner.invoke(app, list(args), input=input)
        assert result.exit_code == code, (result.exit_code, result.output, result.exception)
        assert "Traceback" not in result.output
        return result

    def json(self, *args: str) -> object:
        return json.loads(self(*args).stdout)


@pytest.fixture
def cli(runner: CliRunner) -> Cli:
    return Cli(runner)


def write_answers(path: Path, role: str, answers: dict[str, object]) -> Path:
    import tomli_w

    path.write_text(tomli_w.dumps({"role": role, "answers": answers}), encoding="utf-8")
    return path


BASE_AFFECTED: dict[str, object] = {
    "afraid": False,
    "ongoing": "ended",
    "acc_acknowledged": "fully",
    "acc_blame": "never",
    "acc_harm": "yes",
    "tr_offered": "usually",
    "tr_checking": "never",
    "ces_confidence": 5,
    "ap_openness": 4,
    "ap_markers": "yes",
    "sup_couples": "yes",
    "sup_individual": "yes",
}

BASE_BETRAYING: dict[str, object] = {
    "afraid": False,
    "ongoing": "ended",
    "acc_acknowledged_self": "fully",
    "acc_blame_self": "never",
    "acc_harm_self": "yes",
    "tr_offered_self": "usually",
    "tr_checking_self": "never",
    "ces_steps_self": "all",
    "ap_patience_self": "steady",
    "sup_couples": "yes",
    "sup_individual": "no",
}


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run as if this computer were in Berlin (UTC+1 in winter, +2 in summer)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield "Europe/Berlin"
    monkeypatch.undo()
    time.tzset()


def open_home_store(home: Path):
    from trustrepair.paths import database_path
    from trustrepair.store import open_store

    return open_store(database_path(home, "default"))


def insert_spikes(home: Path, spikes: list) -> None:
    """Store many spikes in one transaction (faster than one command per spike)."""
    store = open_home_store(home)
    try:
        with store.transaction() as db:
            db.executemany(
                "INSERT INTO spikes (uid, at_utc, utc_offset_minutes, minutes, intensity, trigger,"
                " note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        s.uid,
                        s.at_utc.isoformat(timespec="seconds"),
                        s.utc_offset_minutes,
                        s.minutes,
                        s.intensity,
                        s.trigger,
                        s.note,
                    )
                    for s in spikes
                ],
            )
    finally:
        store.close()


class Fixed:
    """An Unlock (store.cipher) that offers the given passphrases in turn and asks nobody."""

    def __init__(self, *candidates: str) -> None:
        self.list = candidates

    def candidates(self) -> Iterator[str]:
        yield from self.list

    def accept(self, passphrase: str) -> None:
        pass
