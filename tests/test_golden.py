"""Golden outputs: what `summary`, `summary --json`, `progress --json` and the HTML export say
about one seeded three-year store, on one fixed day.

Recorded before the speed work of issue 15, so that work can prove it changes no output.
Re-record only for a deliberate change of content, and name it in the commit:

    TRUSTREPAIR_RECORD_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import time_machine

from trustrepair.bank import load_bank
from trustrepair.generate import history, three_years
from trustrepair.workspace import Workspace, fill_profile

GOLDEN = Path(__file__).resolve().parent / "golden"
# A fixed evening: the store's last day, and "today" for every command below.
NOW = dt.datetime(2026, 11, 30, 19, 30, tzinfo=dt.UTC)
RECORD = os.environ.get("TRUSTREPAIR_RECORD_GOLDEN") == "1"


@pytest.fixture
def seeded(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    with time_machine.travel(NOW, tick=False):
        shape = replace(three_years(), days=365 * 3 + 5)
        data = history(load_bank(), "affected", seed=11, today=NOW.date(), shape=shape)
        fill_profile(Workspace(home, "default"), data)
        yield home
    monkeypatch.undo()
    time.tzset()


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if RECORD:
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed; see the module docstring before re-recording"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("summary.txt", ["summary"]),
        ("summary.json", ["summary", "--json"]),
        ("progress.json", ["progress", "--json"]),
    ],
)
def test_views_are_unchanged(cli, seeded: Path, name: str, args: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        result = cli(*args)
    check_golden(name, result.stdout)


def test_the_html_export_is_unchanged(cli, seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    with time_machine.travel(NOW, tick=False):
        cli("export", "--format", "html", "-o", str(out))
    check_golden("export.html", out.read_text(encoding="utf-8"))
