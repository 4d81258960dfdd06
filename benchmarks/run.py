"""Time whole trustrepair processes against a bare Typer hello-world, in the same run.

    python benchmarks/run.py [--runs 15]

Prints one table: median wall time of each command, its ratio to the hello-world (or, for
`spike`, to the same command on an empty store), the target, and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_store import make_store

HELLO = """import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


app()
"""
MIB = 1024 * 1024


@dataclass
class Timing:
    median_s: float
    peak_rss_mib: float


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss * 1024 / MIB  # ru_maxrss is in KiB on Linux


def measure(argv: list[str], env: dict[str, str], runs: int) -> Timing:
    run_once(argv, env)  # warm the file cache
    samples = [run_once(argv, env) for _ in range(runs)]
    return Timing(statistics.median(s for s, _ in samples), max(m for _, m in samples))


def trustrepair_argv() -> list[str]:
    script = Path(sys.executable).with_name("trustrepair")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trustrepair"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tr = trustrepair_argv()
    with tempfile.TemporaryDirectory(prefix="trustrepair-bench-") as tmp:
        root = Path(tmp)
        hello = root / "hello.py"
        hello.write_text(HELLO)
        big, empty = root / "three-years", root / "empty"
        make_store(big, years=3)
        empty.mkdir()
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
        big_env, empty_env = (
            {**env, "TRUSTREPAIR_HOME": str(big)},
            {**env, "TRUSTREPAIR_HOME": str(empty)},
        )
        out = root / "export.html"
        base = measure([sys.executable, str(hello)], env, args.runs)
        rows = [
            ("typer hello-world", base, None, None),
            ("trustrepair --version", measure([*tr, "--version"], env, args.runs), base, 1.1),
            ("trustrepair --help", measure([*tr, "--help"], env, args.runs), base, 1.1),
            ("summary (3-year store)", measure([*tr, "summary"], big_env, args.runs), base, 1.5),
            ("progress (3-year store)", measure([*tr, "progress"], big_env, args.runs), base, 1.5),
        ]
        spike_empty = measure([*tr, "spike", "--minutes", "5"], empty_env, args.runs)
        spike_big = measure([*tr, "spike", "--minutes", "5"], big_env, args.runs)
        rows.append(("spike (empty store)", spike_empty, None, None))
        rows.append(("spike (3-year store) vs empty", spike_big, spike_empty, 1.1))
        export = [*tr, "export", "--format", "html", "-o", str(out), "--force"]
        rows.append(
            ("export --format html (3-year)", measure(export, big_env, args.runs), base, 2.0)
        )
        shutil.rmtree(big)
    print_table(rows, args.runs)


def print_table(rows: list[tuple[str, Timing, Timing | None, float | None]], runs: int) -> None:
    print(f"{'command':<32} {'median':>9} {'ratio':>7} {'target':>7} {'max RSS':>9}  ok")
    failed = 0
    for name, t, against, target in rows:
        ratio = t.median_s / against.median_s if against else None
        ok = (ratio is None or target is None or ratio <= target) and t.peak_rss_mib <= 80
        failed += not ok
        shown_ratio = f"{ratio:.2f}" if ratio else ""
        shown_target = f"<= {target}" if target else ""
        print(
            f"{name:<32} {t.median_s * 1000:>7.0f}ms {shown_ratio:>7} {shown_target:>7} "
            f"{t.peak_rss_mib:>6.1f}MiB  {'yes' if ok else 'NO'}"
        )
    print(
        f"\n{runs} runs each, medians; memory target: max RSS <= 80 MiB. {failed} target(s) missed."
    )


if __name__ == "__main__":
    main()
