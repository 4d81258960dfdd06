"""Start-up stays lean: --version and --help never load the store, Rich or Pydantic models.

Not timed (timings live in benchmarks/); this guards the imports that make start-up slow.
Exports say their notices in plain lines, without Rich.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli

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


def run_probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=True,
    )


def modules_after(*args: str) -> set[str]:
    return set(json.loads(run_probe(*args).stdout.strip().splitlines()[-1]))


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


@pytest.mark.parametrize("fmt", ["json", "toml", "markdown", "html"])
def test_export_says_its_notices_in_plain_lines_without_rich(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("spike", "--intensity", "4", "--note", "after the call")  # a note: one more notice
    out = tmp_path / f"summary.{fmt}"
    probe = run_probe("export", "--format", fmt, "-o", str(out))
    loaded = set(json.loads(probe.stdout.strip().splitlines()[-1]))
    assert not [m for m in loaded if m == "rich" or m.startswith("rich.")]
    assert probe.stderr.splitlines() == [
        "This export includes your notes and free-text answers (--no-notes leaves them out).",
        f"Wrote the {fmt} export to {out}",
    ]


MODELS_PROBE = (
    PROBE.rsplit("print(", 1)[0]
    + """
main = sys.modules.get("pydantic.main")
base = getattr(main, "BaseModel", None)
print(json.dumps(sorted(
    f"{name}.{value.__name__}"
    for name, module in list(sys.modules.items())
    if name.startswith("trustrepair") and module is not None
    for value in vars(module).values()
    if base and isinstance(value, type) and issubclass(value, base) and value.__module__ == name
)))
print(json.dumps(sorted(sys.modules)))
"""
)


@pytest.mark.parametrize("args", [["summary"], ["summary", "--json"], ["spike", "--minutes", "5"]])
def test_the_busiest_commands_define_no_pydantic_model_and_read_no_toml(
    cli: Cli, args: list[str]
) -> None:
    # Pydantic checks data where it arrives; a summary or a spike reads the bank from its
    # cache and the store, which the program already trusts, so no model is defined at all.
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    run_probe("about")  # a first run in a fresh process writes the bank cache
    found = (
        subprocess.run(
            [sys.executable, "-c", MODELS_PROBE, json.dumps(args)],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()
    )
    models, loaded = json.loads(found[-2]), set(json.loads(found[-1]))
    assert models == []
    assert not {"tomllib", "trustrepair.bank_check"} & loaded
    assert "trustrepair.report" in loaded or args[0] == "spike"  # the probe saw the command run


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--json"],
        ["progress", "--json"],
        ["history", "--json"],
        ["timeline", "--json"],
        ["records", "list", "--json"],
        ["markers", "list", "--json"],
        ["spike", "--minutes", "5"],
    ],
)
def test_data_and_a_spike_never_load_rich(cli: Cli, args: list[str]) -> None:
    # Rich draws views for people; JSON and one-line messages are written without it.
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    loaded = modules_after(*args)
    assert "rich" not in loaded
    assert "trustrepair.store.core" in loaded  # it did read the store
