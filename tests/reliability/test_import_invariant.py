"""The import invariant: after any import that is accepted, every view and export succeeds.

Hypothesis builds whole backups (tests/strategies.py) and breaks them: one value anywhere in
the file replaced by something hostile. An import either refuses the file in one line and
writes nothing, or accepts it; then every view and every export format must work, and the
JSON export must import again into an empty home.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from strategies import stores
from trustrepair.cli import app
from trustrepair.models import BackupData
from trustrepair.plain import to_data

VIEWS = [
    ["summary"],
    ["summary", "--full"],
    ["progress"],
    ["timeline"],
    ["history"],
    ["markers", "list", "--all"],
    ["records", "list"],
]
FORMATS = ["markdown", "html", "json", "toml"]
HOSTILE: list[object] = [
    None,
    True,
    -1,
    0,
    2**31,
    2**63,
    2**70,
    -(2**70),
    1e308,
    -0.0,
    1440,
    -841,
    "",
    " ",
    "x" * 10_000,
    "\x1b[2J",
    "\u202e",
    "\u200d",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2099-01-01",
    "2026-02-30",
    "not a date",
    [],
    [[[[]]]],
    {},
    {"a": {"b": {}}},
]
RUNS = {"generated": 60, "mutated": 200}
COMMON = dict(
    deadline=None,
    derandomize=True,  # the same examples in CI every time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def as_export(data: BackupData) -> dict[str, Any]:
    return {
        "app": "trustrepair",
        "schema_version": 1,
        "app_version": "0.1.0",
        "exported_utc": "2026-11-01T00:00:00Z",
        "profile": "default",
        "includes_notes": True,
        "data": to_data(data),
    }


def leaves(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))] or [path]
    return [path]


def replaced(doc: dict[str, Any], path: tuple[object, ...], value: object) -> dict[str, Any]:
    if not path:
        return doc
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


def run(home: Path, *args: str) -> Any:
    result = CliRunner().invoke(app, list(args), env={"TRUSTREPAIR_HOME": str(home)})
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    return result


def stored_anything(home: Path) -> bool:
    """Whether a refused import left any record behind."""
    import sqlite3

    for db in home.rglob("trustrepair.db"):
        con = sqlite3.connect(db)
        try:
            tables = ("checkins", "markers", "marker_records", "spikes")
            counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]  # noqa: S608
        finally:
            con.close()
        if any(counts):
            return True
    return False


def check_invariant(doc: dict[str, Any]) -> str:
    """Import doc; refused cleanly, or accepted and every view and export works."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        file = root / "backup.json"
        file.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")
        home = root / "home"
        imported = run(home, "import", "--yes", str(file))
        if imported.exit_code != 0:
            assert imported.exit_code in (1, 2), imported.output
            # One error line (after the preview of what the file holds, if it got that far).
            errors = [line for line in imported.stderr.splitlines() if line.startswith("Error")]
            assert len(errors) == 1, imported.stderr
            assert imported.stderr.strip().splitlines()[-1] == errors[0]
            assert not stored_anything(home)
            return "refused"
        for view in VIEWS:
            assert run(home, *view).exit_code == 0, view
        for fmt in FORMATS:
            assert run(home, "export", "--format", fmt).exit_code == 0, fmt
        again = root / "again.json"
        assert run(home, "export", "-o", str(again)).exit_code == 0
        assert run(root / "home2", "import", "--yes", str(again)).exit_code == 0
        return "accepted"


@settings(max_examples=RUNS["generated"], **COMMON)  # type: ignore[arg-type]
@given(data=stores())
def test_generated_backups_import_and_every_view_works(data: BackupData) -> None:
    assert check_invariant(as_export(data)) == "accepted"


@settings(max_examples=RUNS["mutated"], **COMMON)  # type: ignore[arg-type]
@given(data=stores(), pick=st.integers(min_value=0), value=st.sampled_from(HOSTILE))
def test_mutated_backups_are_refused_or_every_view_works(
    data: BackupData, pick: int, value: object
) -> None:
    doc = as_export(data)
    paths = leaves(doc["data"])
    target = ("data", *paths[pick % len(paths)])
    event(check_invariant(replaced(doc, target, value)))
