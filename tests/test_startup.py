"""Start-up stays lean: --version and --help never load the store, Rich or Pydantic models.

Not timed (timings live in benchmarks/); this guards the imports that make start-up slow.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = [
    "sqlite3",
    "sqlcipher3",
    "rich.console",
    "trustrepair.store",
    "trustrepair.bank",
    "trustrepair.models",
    "trustrepair.assess",
    "trustrepair.report",
    "platformdirs",
]

PROBE = """
import json, runpy, sys
sys.argv = ["trustrepair", *json.loads(sys.argv[1])]
try:
    runpy.run_module("trustrepair", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["check", "--help"], ["export", "--help"], ["data", "--help"]],
)
def test_fast_paths_import_nothing_heavy(args: list[str]) -> None:
    loaded = modules_after(*args)
    assert not [m for m in HEAVY if m in loaded]


def test_the_probe_would_notice_a_heavy_import() -> None:
    # A command that does open the store must show up, or the test above proves nothing.
    loaded = modules_after("history", "--json")
    assert {"sqlite3", "trustrepair.store"} <= loaded


def test_sqlcipher_is_loaded_only_for_an_encrypted_store() -> None:
    # A plain store (here: none yet) never loads the encryption engine.
    assert "sqlcipher3" not in modules_after("history", "--json")
