"""Matching time of `trustrepair reflect` on a long statement (issue 18: under 0.2 s for
10,000 words).

    .venv/bin/python benchmarks/reflect_speed.py [--words 10000] [--runs 7]

Builds a statement of about --words words from the labelled statements (so it is full of
phrases to match, quotes, negations and reported speech), compiles the patterns once, then
times reflect_statement alone: the matching, not start-up or rendering. The engine is called
directly because the command itself refuses statements over max_chars (20,000 characters).
Prints the median and the slowest run, for the writer's own words and for --heard, as CPU
time (what the matching costs; the verdict uses it) and as wall time (which also counts other
processes on a busy machine).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

from trustrepair.bank import load_bank
from trustrepair.reflect import reflect_statement

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "reflect_labelled.toml"
TARGET_SECONDS = 0.2


def statement(words: int) -> str:
    rows = tomllib.loads(DATA.read_text(encoding="utf-8"))["statements"]
    texts = [str(r["text"]) for r in rows]
    out: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    bank = load_bank()
    text = statement(args.words)
    print(f"{len(text.split()):,} words, {len(text):,} characters, {args.runs} runs each")
    for heard in (False, True):
        reflect_statement(bank, "warm up: compile the patterns once", heard=heard)
        cpu, wall = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = reflect_statement(bank, text, heard=heard)
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        median = statistics.median(cpu)
        verdict = "ok" if median < TARGET_SECONDS else "OVER TARGET"
        print(
            f"{'heard' if heard else 'own words':<10} CPU median {median:.3f} s "
            f"(slowest {max(cpu):.3f} s); wall median {statistics.median(wall):.3f} s; "
            f"{len(result.flags)} flags  (target < {TARGET_SECONDS} s: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
