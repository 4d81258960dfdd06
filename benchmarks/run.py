"""Time whole trustrepair processes against a bare Typer hello-world, in the same run.

    python benchmarks/run.py [--runs 15]

Prints one table: median wall time of each command, its ratio to the hello-world (or, for
`spike`, to the same command on an empty store; for an encrypted store, to the same command
on the same store unencrypted), the target, and peak memory (max RSS). Then the cost of the
key derivation on each open of an encrypted store, measured in a child process.
This script imports nothing heavy itself, so that the children's max RSS is their own.
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

HERE = Path(__file__).resolve().parent
HELLO = """import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


app()
"""
MIB = 1024 * 1024
PASSPHRASE = "a benchmark passphrase of ordinary words"  # noqa: S105 - a throwaway store
# Opens the same store, plain and encrypted, many times; prints the two medians in ms.
OPEN_COST = """
import statistics, sys, time
from pathlib import Path
from trustrepair.passphrase import PassphraseSource
from trustrepair.store import open_store

def median_open(path, unlock, runs):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        open_store(path, write=False, unlock=unlock).close()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000

plain, locked, secret = (Path(a) for a in sys.argv[1:4])
runs = int(sys.argv[4])
unlock = PassphraseSource(file=secret, ask=None, warn=print)
print(f"{median_open(plain, None, runs):.1f} {median_open(locked, unlock, runs):.1f}")
"""


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
        # In a child process: ru_maxrss of every later child starts at this process's own
        # peak (Linux carries it across fork and exec), so this process must stay small.
        subprocess.run(
            [sys.executable, str(HERE / "make_store.py"), "--home", str(big)], check=True
        )
        empty.mkdir()
        locked, secret = root / "three-years-encrypted", root / "passphrase"
        secret.write_text(PASSPHRASE + "\n")
        secret.chmod(0o600)
        make = [sys.executable, str(HERE / "make_store.py"), "--home", str(locked)]
        subprocess.run([*make, "--encrypt", str(secret)], check=True)
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
        big_env, empty_env = (
            {**env, "TRUSTREPAIR_HOME": str(big)},
            {**env, "TRUSTREPAIR_HOME": str(empty)},
        )
        locked_env = {
            **env,
            "TRUSTREPAIR_HOME": str(locked),
            "TRUSTREPAIR_PASSPHRASE_FILE": str(secret),
        }
        out = root / "export.html"
        base = measure([sys.executable, str(hello)], env, args.runs)
        rows = [
            ("typer hello-world", base, None, None),
            ("trustrepair --version", measure([*tr, "--version"], env, args.runs), base, 1.1),
            ("trustrepair --help", measure([*tr, "--help"], env, args.runs), base, 1.1),
            ("summary (3-year store)", measure([*tr, "summary"], big_env, args.runs), base, 1.5),
            ("progress (3-year store)", measure([*tr, "progress"], big_env, args.runs), base, 1.5),
        ]
        summary_locked = measure([*tr, "summary"], locked_env, args.runs)
        rows.append(("summary (encrypted) vs plain", summary_locked, rows[3][1], None))
        spike_empty = measure([*tr, "spike", "--minutes", "5"], empty_env, args.runs)
        spike_big = measure([*tr, "spike", "--minutes", "5"], big_env, args.runs)
        spike_locked = measure([*tr, "spike", "--minutes", "5"], locked_env, args.runs)
        rows.append(("spike (empty store)", spike_empty, None, None))
        rows.append(("spike (3-year store) vs empty", spike_big, spike_empty, 1.1))
        rows.append(("spike (encrypted) vs plain", spike_locked, spike_big, None))
        export = [*tr, "export", "--format", "html", "-o", str(out), "--force"]
        rows.append(
            ("export --format html (3-year)", measure(export, big_env, args.runs), base, 2.0)
        )
        opens = subprocess.run(
            [sys.executable, "-c", OPEN_COST, *map(str, (db(big), db(locked), secret)), "21"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        shutil.rmtree(big)
        shutil.rmtree(locked)
    print_table(rows, args.runs)
    plain_ms, locked_ms = map(float, opens)
    print(
        f"Opening the 3-year store: {plain_ms:.1f} ms plain, {locked_ms:.0f} ms encrypted; "
        f"the key derivation costs about {locked_ms - plain_ms:.0f} ms per open (median of 21)."
    )


def db(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


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
