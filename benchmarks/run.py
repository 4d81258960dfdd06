"""Time whole trustrepair processes against a bare Typer hello-world, in the same run.

    python benchmarks/run.py [--runs 15] [--only NAME] [--markdown]

Prints one table: median wall time of each command on 3-year and 10-year stores, its ratio to
the hello-world run in turn with it (for an encrypted store, to the same command on the
plain store), the target from issue 15, and peak memory (max RSS). Then the cost of the key
derivation on each open of an encrypted store, measured in a child process. `--markdown`
prints the table for the README.
This script imports nothing heavy itself, so that the children's max RSS is their own.
"""

from __future__ import annotations

import argparse
import os
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


def measure_beside(
    argv: list[str], env: dict[str, str], hello: list[str], runs: int
) -> tuple[Timing, Timing]:
    """The command and the hello-world in turn, so a busy machine slows both alike."""
    run_once(argv, env)  # warm the file cache
    pairs = [(run_once(argv, env), run_once(hello, env)) for _ in range(runs)]
    mine, theirs = [p[0] for p in pairs], [p[1] for p in pairs]
    return (
        Timing(statistics.median(s for s, _ in mine), max(m for _, m in mine)),
        Timing(statistics.median(s for s, _ in theirs), max(m for _, m in theirs)),
    )


def trustrepair_argv() -> list[str]:
    script = Path(sys.executable).with_name("trustrepair")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trustrepair"]


@dataclass
class Case:
    name: str
    args: list[str]
    store: str  # "none", "empty", "3y", "3y-encrypted" or "10y"
    target: float | None  # ratio to the hello-world, or to the row named in `against`
    against: str | None = None


def export(fmt: str) -> list[str]:
    return ["export", "--format", fmt, "-o", "{out}." + fmt, "--force"]


# The targets of issue 15: ratios to the Typer hello-world measured in the same run.
CASES = [
    Case("trustrepair --version", ["--version"], "none", 0.6),
    Case("trustrepair --help", ["--help"], "none", 0.6),
    Case("summary (3y)", ["summary"], "3y", 1.4),
    Case("summary --json (3y)", ["summary", "--json"], "3y", 1.3),
    Case("progress (3y)", ["progress"], "3y", 1.4),
    Case("progress --json (3y)", ["progress", "--json"], "3y", 1.3),
    Case("history (3y)", ["history"], "3y", 1.4),
    Case("records list (3y)", ["records", "list"], "3y", 1.4),
    Case("spike (empty)", ["spike", "--minutes", "5"], "empty", None),
    Case("spike (3y)", ["spike", "--minutes", "5"], "3y", 1.2),
    Case("export html (3y)", export("html"), "3y", 1.6),
    Case("export markdown (3y)", export("markdown"), "3y", 1.6),
    Case("export json (3y)", export("json"), "3y", 1.8),
    Case("summary (10y)", ["summary"], "10y", 1.6),
    Case("progress (10y)", ["progress"], "10y", 1.6),
    Case("records list (10y)", ["records", "list"], "10y", None),
    Case("export html (10y)", export("html"), "10y", 2.0),
    Case("export json (10y)", export("json"), "10y", 2.0),
    Case("export toml (10y)", export("toml"), "10y", 2.0),
    Case("summary (3y, encrypted)", ["summary"], "3y-encrypted", None, "summary (3y)"),
    Case("spike (3y, encrypted)", ["spike", "--minutes", "5"], "3y-encrypted", None, "spike (3y)"),
]
RSS_TARGET_MIB = 80


def build_store(home: Path, years: float, secret: Path | None = None) -> None:
    # In a child process: ru_maxrss of every later child starts at this process's own
    # peak (Linux carries it across fork and exec), so this process must stay small.
    argv = [sys.executable, str(HERE / "make_store.py"), "--home", str(home), "--years", str(years)]
    if secret is not None:
        argv += ["--encrypt", str(secret)]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def make_homes(root: Path, cases: list[Case], secret: Path) -> dict[str, Path]:
    homes = {"none": root / "none", "empty": root / "empty"}
    for home in homes.values():
        home.mkdir()
    wanted = {c.store for c in cases} | {"3y"}  # the key-derivation line reads the 3-year store
    for key, years, encrypt in (
        ("3y", 3.0, False),
        ("3y-encrypted", 3.0, True),
        ("10y", 10.0, False),
    ):
        if key in wanted:
            homes[key] = root / key
            build_store(homes[key], years, secret if encrypt else None)
    return homes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="run only the rows whose name contains this")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    tr = trustrepair_argv()
    cases = [c for c in CASES if args.only in c.name]
    with tempfile.TemporaryDirectory(prefix="trustrepair-bench-") as tmp:
        root = Path(tmp)
        hello = root / "hello.py"
        hello.write_text(HELLO)
        secret = root / "passphrase"
        secret.write_text(PASSPHRASE + "\n")
        secret.chmod(0o600)
        homes = make_homes(root, cases, secret)
        # An installed wheel has its bytecode compiled; let the warm-up run write it here too.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"COLUMNS": "100", "NO_COLOR": "1", "PAGER": "cat"}
        env["TRUSTREPAIR_PASSPHRASE_FILE"] = str(secret)
        hello_argv = [sys.executable, str(hello)]
        base = measure(hello_argv, env, args.runs)
        timings: dict[str, Timing] = {}
        rows: list[tuple[str, Timing, Timing | None, float | None]] = [
            ("typer hello-world", base, None, None)
        ]
        for case in cases:
            argv = [*tr, *(a.format(out=root / "out") for a in case.args)]
            case_env = {**env, "TRUSTREPAIR_HOME": str(homes[case.store])}
            timing, beside = measure_beside(argv, case_env, hello_argv, args.runs)
            timings[case.name] = timing
            against = timings.get(case.against) if case.against else beside
            shown = f"{case.name} vs plain" if case.against else case.name
            rows.append(
                (shown, timing, against if case.target or case.against else None, case.target)
            )
        opens = None
        if "3y-encrypted" in homes:
            opens = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    OPEN_COST,
                    *map(str, (db(homes["3y"]), db(homes["3y-encrypted"]), secret)),
                    "21",
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
    print_table(rows, args.runs, markdown=args.markdown)
    if opens:
        plain_ms, locked_ms = map(float, opens)
        print(
            f"Opening the 3-year store: {plain_ms:.1f} ms plain, {locked_ms:.0f} ms encrypted; "
            f"the key derivation costs about {locked_ms - plain_ms:.0f} ms per open (median of 21)."
        )


def db(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def print_table(
    rows: list[tuple[str, Timing, Timing | None, float | None]], runs: int, *, markdown: bool
) -> None:
    head = ("command", "median", "ratio", "target", "max RSS", "ok")
    lines: list[tuple[str, ...]] = []
    failed = 0
    for name, t, against, target in rows:
        ratio = t.median_s / against.median_s if against else None
        ok = (ratio is None or target is None or ratio <= target) and (
            t.peak_rss_mib <= RSS_TARGET_MIB
        )
        failed += not ok
        lines.append(
            (
                name,
                f"{t.median_s * 1000:.0f} ms",
                f"{ratio:.2f}" if ratio else "",
                f"<= {target}" if target else "",
                f"{t.peak_rss_mib:.1f} MiB",
                "yes" if ok else "NO",
            )
        )
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|---|---:|---:|---:|---:|---|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        print(f"{head[0]:<32} {head[1]:>9} {head[2]:>6} {head[3]:>7} {head[4]:>10}  {head[5]}")
        for line in lines:
            print(f"{line[0]:<32} {line[1]:>9} {line[2]:>6} {line[3]:>7} {line[4]:>10}  {line[5]}")
    print(
        f"\n{runs} runs each, medians; ratios to the hello-world in the same run; "
        f"memory target: max RSS <= {RSS_TARGET_MIB} MiB. {failed} target(s) missed."
    )


if __name__ == "__main__":
    main()
